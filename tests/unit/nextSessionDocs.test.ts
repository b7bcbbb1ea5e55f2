import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildInitialDocs } from '../../server/src/boards/initialDocs'
import { buildNextSessionDocs, LOOKBACK_AUTHOR_ID } from '../../server/src/community/nextSessionDocs'
import { listNotes, listRounds, listZones, lockedIds, overlaps, type ZoneData } from '../../shared/src/model'
import { readLookback } from '../../shared/src/model/lookback'
import { getBuiltinTemplate } from '../../shared/src/templates/builtin'
import type { Template } from '../../shared/src/templates/schema'

/** The first state of a community's next session: the template, the question and the Terugblik. */

const actions = Array.from({ length: 5 }, (_, i) => ({
  id: `action${i}abcdef`,
  who: `Persoon ${i}`,
  what: `Actie ${i}`,
  when: `week ${i + 10}`,
  // Agreed in session 1 or 2.
  sourcePosition: 1 + (i % 2),
}))

function open(template: Template, extra: Parameters<typeof buildNextSessionDocs>[1]) {
  const base = buildInitialDocs({ title: 'Sessie', language: extra.language, template })
  const docs = buildNextSessionDocs(base, extra)
  const content = new Y.Doc()
  const control = new Y.Doc()
  Y.applyUpdate(content, docs.content)
  Y.applyUpdate(control, docs.control)
  return { content, control }
}

const template = (id: string) => getBuiltinTemplate(id) as Template

describe('next session documents', () => {
  it('puts one locked server note per open action in a Terugblik on top, overlapping nothing', () => {
    const { content, control } = open(template('los-model'), { language: 'nl', openActions: actions })
    const zones = listZones(content)
    const lookback = zones.find((zone) => zone.title === 'Terugblik') as ZoneData
    expect(zones[0]?.id).toBe(lookback.id)
    for (const [i, a] of zones.entries())
      for (const b of zones.slice(i + 1)) expect(overlaps(a, b), `${a.title} / ${b.title}`).toBe(false)
    const notes = listNotes(content)
    expect(notes.map((note) => note.text).sort()).toEqual(
      actions.map((a) => `Wie: ${a.who}\nWat: ${a.what}\nWanneer: ${a.when}`).sort(),
    )
    for (const [i, a] of notes.entries()) {
      expect(a.zoneId).toBe(lookback.id)
      expect(a.authorId).toBe(LOOKBACK_AUTHOR_ID)
      // Under the note: where it was agreed ("van sessie 2"), not "van Terugblik".
      const source = actions.find((action) => a.text.includes(action.what))
      expect(a.authorName).toBe(`sessie ${source?.sourcePosition}`)
      expect(a.y + a.height).toBeLessThanOrEqual(lookback.y + lookback.height)
      for (const b of notes.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    }
    const locked = lockedIds(control)
    expect([lookback.id, ...notes.map((note) => note.id)].every((id) => locked.has(id))).toBe(true)
    const entries = readLookback(control)
    expect(notes.map((note) => entries.get(note.id)?.actionId).sort()).toEqual(
      actions.map((a) => a.id).sort(),
    )
    // The script is the template's, untouched.
    expect(listRounds(control).map((round) => round.title)).toEqual(
      template('los-model').rounds.map((r) => r.title.nl),
    )
  })

  it('adds no Terugblik without open actions', () => {
    const { content, control } = open(template('los-model'), { language: 'nl', openActions: [] })
    expect(listZones(content).some((zone) => zone.title === 'Terugblik')).toBe(false)
    expect(listNotes(content)).toEqual([])
    expect(readLookback(control).size).toBe(0)
  })

  it('writes the question into the central question zone, or adds one above everything', () => {
    const withZone = open(template('los-model'), {
      language: 'nl',
      question: 'Wat werkt?',
      openActions: actions,
    })
    const named = listZones(withZone.content).filter((zone) => /centrale vraag/i.test(zone.title))
    expect(named.map((zone) => zone.prompt)).toEqual(['Wat werkt?'])
    // No second question zone: the template's own holds it.
    expect(listZones(withZone.content)).toHaveLength(template('los-model').zones.length + 1)
    const empty = open(template('leeg'), {
      language: 'en',
      question: 'What works?',
      openActions: actions.slice(0, 1),
    })
    const zones = listZones(empty.content)
    expect(zones.map((zone) => zone.title)).toEqual(['Central question', 'Look back'])
    const [question, lookback] = zones as [ZoneData, ZoneData]
    expect(question.prompt).toBe('What works?')
    expect(question.y + question.height).toBeLessThan(lookback.y)
    expect(listNotes(empty.content)[0]?.text).toBe('Who: Persoon 0\nWhat: Actie 0\nWhen: week 10')
  })
})
