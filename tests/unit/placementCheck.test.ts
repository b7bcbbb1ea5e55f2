import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { needsRepair } from '../../server/src/session/placementGuard'
import { createNote, createZone, NOTE_DEFAULT_SIZE, type PlacementIntent } from '../../shared/src/model'

/**
 * The server's read-only placement check (it runs after every stored add or move): it reads
 * whole only the notes in the zones the change touched, and must still see what is wrong there.
 */

const W = NOTE_DEFAULT_SIZE.width
const H = NOTE_DEFAULT_SIZE.height

function board() {
  const doc = new Y.Doc()
  const left = createZone(doc, { title: 'Links', x: 0, y: 0, width: 1000, height: 600 })
  const right = createZone(doc, { title: 'Rechts', x: 1100, y: 0, width: 1000, height: 600 })
  // A busy other question: 300 notes the check need not read whole.
  for (let i = 0; i < 300; i++)
    addNote(doc, {
      x: 1100 + 20 + (i % 5) * (W + 10),
      y: 80 + Math.floor(i / 5) * 4,
      text: `ander ${i}`,
      zoneId: right,
    })
  const first = addNote(doc, { x: 20, y: 80, text: 'eerste', zoneId: left })
  return { doc, left, right, first }
}

const addNote = (doc: Y.Doc, fields: { x: number; y: number; text: string; zoneId?: string }) =>
  createNote(doc, { ...fields, authorId: 'p-anna', authorName: 'Anna' })

const intents = (entries: Array<[string, PlacementIntent]>) => new Map(entries)

describe('placement check on the server', () => {
  it('finds nothing wrong with a note placed clear of the others in its question', () => {
    const { doc, left } = board()
    const second = addNote(doc, { x: 40 + W, y: 80, text: 'tweede', zoneId: left })
    expect(needsRepair(doc, intents([[second, 'zone']]))).toBe(false)
  })

  it('sees a new note on top of another one in its question', () => {
    const { doc, left } = board()
    const onTop = addNote(doc, { x: 30, y: 90, text: 'erbovenop', zoneId: left })
    expect(needsRepair(doc, intents([[onTop, 'zone']]))).toBe(true)
  })

  it('sees a note whose place is outside the question it says it is in', () => {
    const { doc, left } = board()
    const outside = addNote(doc, { x: 3000, y: 3000, text: 'buiten', zoneId: left })
    expect(needsRepair(doc, intents([[outside, 'zone']]))).toBe(true)
  })

  it('sees a question whose notes no longer fit in it', () => {
    const { doc, left } = board()
    const low = addNote(doc, { x: 20, y: 600 - H / 2, text: 'te laag', zoneId: left })
    expect(needsRepair(doc, intents([[low, 'geometry']]))).toBe(true)
  })

  it('leaves a note outside every question and a deleted note alone', () => {
    const { doc } = board()
    const loose = addNote(doc, { x: 5000, y: 5000, text: 'los' })
    expect(needsRepair(doc, intents([[loose, 'geometry']]))).toBe(false)
    expect(needsRepair(doc, intents([['verdwenen', 'zone']]))).toBe(false)
  })
})
