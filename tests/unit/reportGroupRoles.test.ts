import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeGroupStep } from '../../shared/src/groups/peopleGroups'
import { initBoardMeta } from '../../shared/src/model'
import { addRound, ensureRounds } from '../../shared/src/model/rounds'
import { ensureSessionState, recordParticipantJoined } from '../../shared/src/model/session'
import { buildReport, renderMarkdown } from '../../shared/src/report'

/** Issue 18: the verslag's "Werken in groepjes" names each group's inbrenger and notulist. */
function incidentBoard() {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title: 'Intervisie', language: 'nl' })
  ensureSessionState(control)
  ensureRounds(control)
  const roundId = addRound(control, {
    title: 'Vragenronde',
    minutes: 15,
    groupSize: 5,
    inbrengerChosen: true,
  })
  const people = [
    { id: 'p-hanna', name: 'Hanna de Vries' },
    { id: 'p-bram', name: 'Bram Jansen' },
    { id: 'p-eva', name: 'Eva Bakker' },
  ]
  for (const person of people) recordParticipantJoined(control, person.id, person.name)
  writeGroupStep(control, {
    roundId,
    size: 5,
    formedAt: 1,
    keepApart: false,
    roleTurn: 0,
    inbrengerListens: false,
    inbrengerChosen: true,
    notulist: true,
    groups: [
      {
        id: 'g1',
        number: 1,
        members: people,
        zoneId: null,
        insightNoteId: null,
        gatheredNoteId: null,
        inbrengerId: 'p-bram',
      },
    ],
  })
  return { content, control }
}

describe('the verslag names the roles in group steps', () => {
  it('marks the chosen inbrenger and the notulist after them', () => {
    const { content, control } = incidentBoard()
    const model = buildReport(content, control, { now: 0 })
    expect(model.groupSteps?.[0]?.groups[0]).toMatchObject({ inbrengerId: 'p-bram', notulistId: 'p-eva' })
    const markdown = renderMarkdown(model)
    expect(markdown).toContain('Hanna de Vries, Bram Jansen (inbrenger), Eva Bakker (notulist)')
  })

  it('keeps the roles when names are replaced by initials, and leaks no name', () => {
    const { content, control } = incidentBoard()
    const markdown = renderMarkdown(buildReport(content, control, { now: 0, names: 'initials' }))
    expect(markdown).toContain('(inbrenger)')
    expect(markdown).toContain('(notulist)')
    expect(markdown).not.toContain('Bram')
  })
})
