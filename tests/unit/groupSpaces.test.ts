import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  activeGroupStep,
  type GroupStep,
  groupSpaceTitle,
  otherGroupsSpaces,
  readGroupStepValue,
  writeGroupStep,
} from '../../shared/src/groups/peopleGroups'
import { ensureGroupSpaces, gatherInsights, layoutGroupSpaces } from '../../shared/src/groups/spaces'
import { writeTimer } from '../../shared/src/model/facilitation'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { overlaps } from '../../shared/src/model/placement'
import { createZone, listZones } from '../../shared/src/model/zones'

const member = (id: string) => ({ id, name: id.toUpperCase() })
const group = (id: string, number: number, ids: string[], zoneId: string | null = null) => ({
  id,
  number,
  members: ids.map(member),
  zoneId,
  insightNoteId: null,
  gatheredNoteId: null,
})

function pairsStep(): GroupStep {
  return {
    roundId: 'r2',
    size: 2,
    formedAt: 1,
    keepApart: false,
    roleTurn: 0,
    inbrengerListens: false,
    groups: [group('g1', 1, ['a', 'b']), group('g2', 2, ['c', 'd']), group('g3', 3, ['e', 'f', 'g'])],
  }
}

describe('group spaces on the board', () => {
  it('lays out spaces right of everything, none overlapping each other or the board', () => {
    const board = [
      { x: 0, y: 0, width: 2000, height: 900 },
      { x: 100, y: 1000, width: 400, height: 300 },
    ]
    const spaces = layoutGroupSpaces(board, 7)
    expect(spaces).toHaveLength(7)
    for (const [index, space] of spaces.entries()) {
      for (const rect of board) expect(overlaps(space, rect)).toBe(false)
      for (const other of spaces.slice(index + 1)) expect(overlaps(space, other)).toBe(false)
    }
  })

  it('gives each group a zone named with its members, and renames it when members change', () => {
    const content = new Y.Doc()
    createZone(content, { title: 'Duo', x: 0, y: 0, width: 600, height: 400 })
    const step = ensureGroupSpaces(content, pairsStep(), { language: 'nl', prompt: 'Praat samen' })
    const titles = listZones(content).map((zone) => zone.title)
    expect(titles).toEqual(['Duo', 'Groepje 1: A, B', 'Groepje 2: C, D', 'Groepje 3: E, F, G'])
    const moved = {
      ...step,
      groups: step.groups.map((g) => (g.id === 'g1' ? { ...g, members: [member('a')] } : g)),
    }
    // The next round (same groups, as in Troika) renames the spaces and gives them its prompt.
    const again = ensureGroupSpaces(content, moved, { language: 'en', prompt: 'Advise now' })
    expect(again.groups.map((g) => g.zoneId)).toEqual(step.groups.map((g) => g.zoneId))
    expect(listZones(content).find((zone) => zone.id === step.groups[0]?.zoneId)).toMatchObject({
      title: 'Small group 1: A',
      prompt: 'Advise now',
    })
  })

  it('copies each chosen insight once into the plenary zone, with the group name as author line', () => {
    const content = new Y.Doc()
    const plenary = createZone(content, { title: 'Iedereen', x: 0, y: 0, width: 600, height: 400 })
    const step = ensureGroupSpaces(content, pairsStep(), { language: 'nl', prompt: '' })
    const noteId = createNote(content, {
      x: 0,
      y: 0,
      text: 'Eerst luisteren',
      zoneId: step.groups[1]?.zoneId ?? null,
      authorId: 'c',
      authorName: 'C',
    })
    const chosen = {
      ...step,
      groups: step.groups.map((g) => (g.id === 'g2' ? { ...g, insightNoteId: noteId } : g)),
    }
    const [gathered] = gatherInsights(content, [chosen], plenary, 'nl', 'r4')
    const copies = listNotes(content).filter((note) => note.zoneId === plenary)
    expect(copies.map((note) => [note.text, note.authorName])).toEqual([
      ['Eerst luisteren', 'Groepje 2: C, D'],
    ])
    expect(gatherInsights(content, gathered ? [gathered] : [], plenary, 'nl', 'r4')).toEqual([])
    expect(listNotes(content).filter((note) => note.zoneId === plenary)).toHaveLength(1)
  })
})

describe('groups in the control document', () => {
  it('reads a step a foreign writer mangled: junk dropped, a person in one group only', () => {
    const step = readGroupStepValue({
      roundId: 'r',
      size: 99,
      groups: [
        { id: 'x', members: [{ id: 'a', name: 5 }, 'junk', { id: 'b' }] },
        { id: 'y', members: [{ id: 'a' }] },
        7,
      ],
    })
    expect(step?.size).toBe(12)
    expect(step?.groups.map((g) => g.members.map((m) => m.id))).toEqual([['a', 'b'], []])
    expect(readGroupStepValue('nope')).toBeNull()
  })

  it('is active only while its round runs, and keeps apart only when asked', () => {
    const control = new Y.Doc()
    const spaced = {
      ...pairsStep(),
      groups: pairsStep().groups.map((g, i) => ({ ...g, zoneId: `z${i + 1}` })),
    }
    writeGroupStep(control, spaced)
    expect(activeGroupStep(control)).toBeNull()
    writeTimer(control, { roundId: 'r2', status: 'running', endsAt: 10, remainingMs: null, startedAt: 1 })
    expect(activeGroupStep(control)?.groups).toHaveLength(3)
    expect(otherGroupsSpaces(control, 'a')).toEqual([])
    writeGroupStep(control, { ...spaced, keepApart: true })
    expect(otherGroupsSpaces(control, 'a')).toEqual(['z2', 'z3'])
    // Someone in no group (a facilitator's id, a newcomer not yet placed) may write in none of them.
    expect(otherGroupsSpaces(control, 'nobody')).toEqual(['z1', 'z2', 'z3'])
    writeTimer(control, { roundId: 'r2', status: 'ended', endsAt: null, remainingMs: null, startedAt: 1 })
    expect(otherGroupsSpaces(control, 'a')).toEqual([])
  })

  it('names a group with its members', () => {
    expect(groupSpaceTitle({ number: 3, members: [member('anouk'), { id: 's', name: '' }] })).toBe(
      'Groepje 3: ANOUK, ?',
    )
    const long = Array.from({ length: 12 }, (_, index) => ({ id: `${index}`, name: 'x'.repeat(60) }))
    expect(groupSpaceTitle({ number: 1, members: long })).toHaveLength(120)
  })
})
