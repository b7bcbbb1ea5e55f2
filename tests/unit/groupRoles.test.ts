import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type GroupStep,
  inbrengerOf,
  mayReadStandpoints,
  notulistOf,
  type PeopleGroup,
  readGroupStep,
  readGroupStepValue,
  roleOf,
  writeGroupStep,
} from '../../shared/src/groups/peopleGroups'

/** Issue 18: roles in group steps — turns (Troika), a chosen inbrenger and a notulist (incidentmethode). */
const member = (id: string) => ({ id, name: id.toUpperCase() })
const group = (id: string, ids: string[], inbrengerId: string | null = null): PeopleGroup => ({
  id,
  number: 1,
  members: ids.map(member),
  zoneId: `zone-${id}`,
  insightNoteId: null,
  gatheredNoteId: null,
  inbrengerId,
})
const step = (patch: Partial<GroupStep>, groups: PeopleGroup[]): GroupStep => ({
  roundId: 'r1',
  size: 5,
  formedAt: 1,
  keepApart: false,
  roleTurn: 0,
  inbrengerListens: false,
  groups,
  ...patch,
})

describe('chosen inbrenger (incidentmethode)', () => {
  const chosen = { inbrengerChosen: true, notulist: true }

  it('is the member the facilitator chose, else the first member', () => {
    const g = group('g', ['a', 'b', 'c', 'd'], 'c')
    expect(inbrengerOf(step(chosen, [g]), g)?.id).toBe('c')
    const unchosen = group('g', ['a', 'b', 'c'])
    expect(inbrengerOf(step(chosen, [unchosen]), unchosen)?.id).toBe('a')
    // Someone chosen who has since left the group does not stay inbrenger.
    const left = group('g', ['a', 'b'], 'z')
    expect(inbrengerOf(step(chosen, [left]), left)?.id).toBe('a')
  })

  it('does not rotate with turns: the chosen inbrenger stays whatever roleTurn says', () => {
    const g = group('g', ['a', 'b', 'c'], 'b')
    expect(inbrengerOf(step({ ...chosen, roleTurn: 3 }, [g]), g)?.id).toBe('b')
  })

  it('makes the member after the inbrenger the notulist, wrapping round, in groups of three or more', () => {
    const g = group('g', ['a', 'b', 'c', 'd'], 'd')
    const s = step(chosen, [g])
    expect(notulistOf(s, g)?.id).toBe('a')
    expect(['a', 'b', 'c', 'd'].map((id) => roleOf(s, id))).toEqual([
      'notulist',
      'adviseur',
      'adviseur',
      'inbrenger',
    ])
    // A pair has no notulist: the other one is the adviser.
    const pair = group('p', ['a', 'b'], 'a')
    expect(roleOf(step(chosen, [pair]), 'b')).toBe('adviseur')
    // Without the notulist role nobody is notulist.
    expect(roleOf(step({ inbrengerChosen: true }, [g]), 'a')).toBe('adviseur')
  })

  it('keeps the rotating turns of Troika as they were', () => {
    const g = group('g', ['a', 'b', 'c'])
    expect([1, 2, 3, 4].map((turn) => inbrengerOf(step({ roleTurn: turn }, [g]), g)?.id)).toEqual([
      'a',
      'b',
      'c',
      'a',
    ])
    expect(roleOf(step({ roleTurn: 2 }, [g]), 'c')).toBe('adviseur')
    expect(roleOf(step({}, [g]), 'a')).toBeNull()
  })

  it('is stored in the control document and read back; junk reads as no choice', () => {
    const doc = new Y.Doc()
    const g = group('g', ['a', 'b', 'c'], 'b')
    writeGroupStep(doc, step({ ...chosen, standpointsToInbrenger: true, wholeGroupUpTo: 8 }, [g]))
    const back = readGroupStep(doc, 'r1')
    expect(back?.groups[0]?.inbrengerId).toBe('b')
    expect(back).toMatchObject({
      inbrengerChosen: true,
      notulist: true,
      standpointsToInbrenger: true,
      wholeGroupUpTo: 8,
    })
    const junk = readGroupStepValue({
      roundId: 'r',
      groups: [{ id: 'g', members: [{ id: 'a' }], inbrengerId: 7 }],
    })
    expect(junk?.groups[0]?.inbrengerId).toBeNull()
    expect(junk?.standpointsToInbrenger).toBe(false)
  })
})

describe('who may read standpoints', () => {
  const one = group('g1', ['i1', 'a1', 'a2'], 'i1')
  const two = group('g2', ['i2', 'b1'], 'i2')
  const running = step({ inbrengerChosen: true, standpointsToInbrenger: true }, [one, two])

  it('is only the inbrenger, only their own groupmates, only in a standpoints step', () => {
    expect(mayReadStandpoints(running, 'i1', 'a1')).toBe(true)
    expect(mayReadStandpoints(running, 'i1', 'a2')).toBe(true)
    expect(mayReadStandpoints(running, 'a2', 'a1')).toBe(false)
    expect(mayReadStandpoints(running, 'i2', 'a1')).toBe(false)
    expect(mayReadStandpoints(running, 'i1', 'b1')).toBe(false)
    expect(mayReadStandpoints(running, 'i1', 'i1')).toBe(false)
    expect(mayReadStandpoints({ ...running, standpointsToInbrenger: false }, 'i1', 'a1')).toBe(false)
    expect(mayReadStandpoints(null, 'i1', 'a1')).toBe(false)
  })

  it('moves with the facilitator’s choice: the old inbrenger loses it', () => {
    const rechosen = { ...running, groups: [{ ...one, inbrengerId: 'a2' }, two] }
    expect(mayReadStandpoints(rechosen, 'i1', 'a1')).toBe(false)
    expect(mayReadStandpoints(rechosen, 'a2', 'a1')).toBe(true)
  })
})
