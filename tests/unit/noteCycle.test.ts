import { describe, expect, it } from 'vitest'
import { nextNote, notesInReadingOrder, revealNote } from '../../client/src/canvas/noteCycle'
import type { NoteData, ZoneData } from '../../shared/src/model'

const note = (id: string, x: number, y: number, zoneId: string | null): NoteData =>
  ({ id, x, y, width: 100, height: 100, zoneId, text: id, authorName: 'A' }) as NoteData
const zone = (id: string, order: number): ZoneData => ({ id, order }) as ZoneData

describe('choosing notes with the keyboard', () => {
  const zones = [zone('second', 1), zone('first', 0)]
  const notes = [
    note('loose', 0, 0, null),
    note('second-top', 500, 0, 'second'),
    note('first-right', 300, 50, 'first'),
    note('first-left', 100, 50, 'first'),
    note('first-top', 900, 10, 'first'),
  ]

  it('reads question by question, top to bottom, left to right, loose notes last', () => {
    expect(notesInReadingOrder(notes, zones).map((n) => n.id)).toEqual([
      'first-top',
      'first-left',
      'first-right',
      'second-top',
      'loose',
    ])
  })

  it('goes forward and back from the selected note, wrapping around', () => {
    expect(nextNote(notes, zones, [], 1)?.id).toBe('first-top')
    expect(nextNote(notes, zones, [], -1)?.id).toBe('loose')
    expect(nextNote(notes, zones, ['first-right'], 1)?.id).toBe('second-top')
    expect(nextNote(notes, zones, ['loose'], 1)?.id).toBe('first-top')
    expect(nextNote(notes, zones, ['first-top'], -1)?.id).toBe('loose')
    expect(nextNote([], zones, [], 1)).toBeNull()
  })

  it('moves the view only when the note is not wholly on screen', () => {
    const view = { x: 0, y: 0, scale: 1 }
    const size = { width: 800, height: 600 }
    expect(revealNote(view, { x: 10, y: 10, width: 100, height: 100 }, size)).toBe(view)
    expect(revealNote(view, { x: 2000, y: 1000, width: 100, height: 100 }, size)).toEqual({
      x: 400 - 2050,
      y: 300 - 1050,
      scale: 1,
    })
  })
})
