import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addRound,
  DEFAULT_ROUND_MINUTES,
  deleteRound,
  ensureRounds,
  getRound,
  listRounds,
  moveRound,
  observeRounds,
  ROUND_MAX_MINUTES,
  sessionRoot,
  updateRound,
} from '../../shared/src/model'

/** Exchanges full state both ways, as two clients do after reconnecting. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function titles(doc: Y.Doc): string[] {
  return listRounds(doc).map((round) => round.title)
}

function scriptOf(doc: Y.Doc, names: string[]): void {
  for (const title of names) addRound(doc, { title, minutes: 5 })
}

describe('rounds in the control document', () => {
  it('stores a round with all its fields and defaults', () => {
    const doc = new Y.Doc()
    const id = addRound(doc, { title: 'Verkenning', minutes: 10, zoneIds: ['z1', 'z2'], voting: true })
    expect(listRounds(doc)).toEqual([
      {
        id,
        title: 'Verkenning',
        prompt: '',
        zoneIds: ['z1', 'z2'],
        minutes: 10,
        privateWriting: false,
        voting: true,
      },
    ])
    expect(sessionRoot(doc).get('rounds')).toBeInstanceOf(Y.Array)
  })

  it('keeps the order of the script and inserts at a position', () => {
    const doc = new Y.Doc()
    scriptOf(doc, ['Een', 'Twee', 'Vier'])
    addRound(doc, { title: 'Drie', minutes: 5 }, 2)
    addRound(doc, { title: 'Nul', minutes: 5 }, 0)
    expect(titles(doc)).toEqual(['Nul', 'Een', 'Twee', 'Drie', 'Vier'])
  })

  it('updates only the given fields and normalises values', () => {
    const doc = new Y.Doc()
    const id = addRound(doc, { title: 'Oogst', minutes: 10 })
    updateRound(doc, id, { prompt: 'Wie doet wat?', minutes: 7.6, zoneIds: ['a', 'a', 'b'] })
    expect(getRound(doc, id)).toMatchObject({ title: 'Oogst', prompt: 'Wie doet wat?', minutes: 8 })
    expect(getRound(doc, id)?.zoneIds).toEqual(['a', 'b'])
    updateRound(doc, id, { minutes: 100_000 })
    expect(getRound(doc, id)?.minutes).toBe(ROUND_MAX_MINUTES)
    updateRound(doc, 'missing', { title: 'x' })
    expect(listRounds(doc)).toHaveLength(1)
  })

  it('moves rounds forwards and backwards and ignores positions out of range', () => {
    const doc = new Y.Doc()
    scriptOf(doc, ['A', 'B', 'C', 'D'])
    const idOfB = listRounds(doc)[1]?.id
    moveRound(doc, 1, 3)
    expect(titles(doc)).toEqual(['A', 'C', 'D', 'B'])
    expect(listRounds(doc)[3]?.id).toBe(idOfB)
    moveRound(doc, 3, 0)
    expect(titles(doc)).toEqual(['B', 'A', 'C', 'D'])
    moveRound(doc, 2, 1)
    expect(titles(doc)).toEqual(['B', 'C', 'A', 'D'])
    moveRound(doc, 0, 9)
    moveRound(doc, -1, 0)
    expect(titles(doc)).toEqual(['B', 'C', 'A', 'D'])
  })

  it('deletes a round', () => {
    const doc = new Y.Doc()
    scriptOf(doc, ['A', 'B', 'C'])
    const b = listRounds(doc)[1]
    deleteRound(doc, b?.id ?? '')
    expect(titles(doc)).toEqual(['A', 'C'])
  })

  it('reads junk written by a foreign client without throwing', () => {
    const doc = new Y.Doc()
    const array = ensureRounds(doc)
    const junk = new Y.Map<unknown>()
    junk.set('id', 'r1')
    junk.set('minutes', 'veel')
    junk.set('zoneIds', [1, 'z', null])
    junk.set('voting', 'yes')
    array.push(['not a map', junk, new Y.Map<unknown>()])
    expect(listRounds(doc)).toEqual([
      {
        id: 'r1',
        title: '',
        prompt: '',
        zoneIds: ['z'],
        minutes: DEFAULT_ROUND_MINUTES,
        privateWriting: false,
        voting: false,
      },
    ])
    sessionRoot(doc).set('rounds', 'kapot')
    expect(listRounds(doc)).toEqual([])
  })
})

describe('rounds across two synced documents', () => {
  it('converges on the same script in the same order', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    ensureRounds(a)
    sync(a, b)
    scriptOf(a, ['A1', 'A2'])
    scriptOf(b, ['B1'])
    sync(a, b)
    expect(titles(a)).toEqual(titles(b))
    expect(titles(a)).toHaveLength(3)
    // Each client's own rounds stay in the order that client wrote them.
    expect(titles(a).filter((t) => t.startsWith('A'))).toEqual(['A1', 'A2'])

    moveRound(a, 0, 2)
    const moved = listRounds(a)[2]?.title
    sync(a, b)
    expect(listRounds(b)[2]?.title).toBe(moved)
    expect(listRounds(b)).toEqual(listRounds(a))
  })

  it('keeps one copy when two facilitators move the same round at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    scriptOf(a, ['A', 'B', 'C'])
    sync(a, b)
    const idOfA = listRounds(a)[0]?.id ?? ''
    moveRound(a, 0, 2)
    moveRound(b, 0, 1)
    sync(a, b)
    // Both moves re-inserted a copy: the raw array really holds the round twice.
    expect(ensureRounds(a).length).toBe(4)
    expect(listRounds(a)).toEqual(listRounds(b))
    expect(listRounds(a).filter((round) => round.id === idOfA)).toHaveLength(1)
    expect(listRounds(a)).toHaveLength(3)

    // Editing and deleting treat both stored copies as the one round.
    updateRound(a, idOfA, { title: 'A!' })
    sync(a, b)
    expect(titles(b)).toContain('A!')
    deleteRound(b, idOfA)
    sync(a, b)
    expect(titles(a)).toEqual(['B', 'C'])
  })

  it('notifies observers of script changes, not of other session state', () => {
    const doc = new Y.Doc()
    let calls = 0
    const stop = observeRounds(doc, () => {
      calls += 1
    })
    const id = addRound(doc, { title: 'A', minutes: 5 })
    expect(calls).toBe(1)
    updateRound(doc, id, { voting: true })
    expect(calls).toBe(2)
    sessionRoot(doc).set('timer', { endsAt: 123 })
    expect(calls).toBe(2)
    stop()
    deleteRound(doc, id)
    expect(calls).toBe(2)
  })
})
