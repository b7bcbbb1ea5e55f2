import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { findFreeSpot } from '../../client/src/canvas/freeSpot'
import { buildPayload } from '../../client/src/canvas/items/clipboardPayload'
import { insertPayload, moveItems, resizeItems } from '../../client/src/canvas/items/itemWrites'
import { movesIntoClosedZone, placeNewNote, zoneIdAt } from '../../client/src/canvas/items/placement'
import { addNoteInZone, moveNoteToZone } from '../../client/src/outline/outlineActions'
import {
  createNote,
  createZone,
  getNote,
  listNotes,
  listShapes,
  listZones,
  NOTE_DEFAULT_SIZE,
  type ZoneData,
} from '../../shared/src/model'

/**
 * A participant may not put a note in a locked zone (the server refuses it with 4409 and the page
 * reloads). New notes go next to the zone instead; moves into it are refused as a whole.
 */

const size = NOTE_DEFAULT_SIZE
const author = { id: 'p1', name: 'Ahmed' }

function board() {
  const doc = new Y.Doc()
  // Two questions side by side; the left one is large and locked, the right one open.
  const locked = createZone(doc, { title: 'Vast', x: 0, y: 0, width: 1600, height: 1200 })
  const open = createZone(doc, { title: 'Open', x: 1700, y: 0, width: 800, height: 800 })
  const note = createNote(doc, { x: 1800, y: 200, authorId: 'p1', authorName: 'Ahmed', zoneId: open })
  const closed: ReadonlySet<string> = new Set([locked])
  const data = () => ({ notes: listNotes(doc), shapes: listShapes(doc), zones: listZones(doc), closed })
  return { doc, locked, open, note, closed, data }
}

const zoneOf = (zones: readonly ZoneData[], spot: { x: number; y: number }) =>
  zoneIdAt(zones, spot.x, spot.y, size)

describe('notes and locked zones', () => {
  it('finds a free spot outside a locked zone, even from deep inside a large one', () => {
    const { doc, locked, closed } = board()
    const zones = listZones(doc)
    const spot = findFreeSpot({ x: 800, y: 600 }, size, listNotes(doc), zones, closed)
    expect(zoneOf(zones, spot)).not.toBe(locked)
    // Not even half over it: the whole note is outside the locked zone.
    const overlaps = spot.x < 1600 && spot.x + size.width > 0 && spot.y < 1200 && spot.y + size.height > 0
    expect(overlaps).toBe(false)
    // Without closed zones the same call stays inside (facilitators may add notes there).
    expect(zoneOf(zones, findFreeSpot({ x: 800, y: 600 }, size, listNotes(doc), zones))).toBe(locked)
  })

  it('places a new note where it was wanted unless that is in a locked zone', () => {
    const { doc, locked, open, closed } = board()
    const context = { zones: listZones(doc), notes: listNotes(doc), closed }
    const inOpen = placeNewNote({ x: 2200, y: 500 }, size, context)
    expect(inOpen).toEqual({ x: 2200, y: 500, zoneId: open, movedOut: false })
    const inLocked = placeNewNote({ x: 100, y: 300 }, size, context)
    expect(inLocked.movedOut).toBe(true)
    expect(inLocked.zoneId).not.toBe(locked)
    expect(zoneOf(context.zones, inLocked)).toBe(inLocked.zoneId)
    // Nothing closed: exactly where wanted, also in the (for others) locked zone.
    expect(placeNewNote({ x: 100, y: 300 }, size, { ...context, closed: new Set() }).zoneId).toBe(locked)
  })

  it('refuses a move or resize that puts a note into a locked zone, and writes nothing', () => {
    const { doc, note, data } = board()
    let updates = 0
    doc.on('update', () => {
      updates += 1
    })
    const notes = new Map(listNotes(doc).map((n) => [n.id, n]))
    expect(movesIntoClosedZone([{ id: note, x: 300, y: 300 }], notes, listZones(doc), data().closed)).toBe(
      true,
    )
    expect(moveItems(doc, [{ id: note, x: 300, y: 300 }], data())).toBe(false)
    const resize = { id: note, x: 300, y: 300, width: 200, height: 200, scale: 1 }
    expect(resizeItems(doc, [resize], data(), false)).toBe(false)
    expect(updates).toBe(0)
    expect(getNote(doc, note)?.x).toBe(1800)
    // Within the open zone the move goes through as before.
    expect(moveItems(doc, [{ id: note, x: 2000, y: 400 }], data())).toBe(true)
    expect(getNote(doc, note)?.x).toBe(2000)
  })

  it('pastes notes that would land in a locked zone next to it, and says how many', () => {
    const { doc, note, locked, data } = board()
    const payload = buildPayload([note], listNotes(doc), [])
    if (!payload) throw new Error('no payload')
    const moved: number[] = []
    const ids = insertPayload(
      doc,
      payload,
      { x: 200, y: 300 },
      {
        author,
        zones: listZones(doc),
        mayAddShapes: false,
        noteZ: 0,
        shapeZ: 0,
        closed: data().closed,
        notes: listNotes(doc),
        onMovedOut: (count) => moved.push(count),
      },
    )
    expect(moved).toEqual([1])
    const pasted = ids.map((id) => getNote(doc, id))
    expect(pasted.every((n) => n && n.zoneId !== locked)).toBe(true)
  })

  it('the list view never puts a note into a locked zone when an open one is full', () => {
    const doc = new Y.Doc()
    // A small open zone right next to a locked one: its overflow must not spill into the lock.
    const small = createZone(doc, { title: 'Klein', x: 0, y: 0, width: 220, height: 300 })
    const locked = createZone(doc, { title: 'Vast', x: 220, y: 0, width: 1400, height: 1400 })
    const closed = new Set([locked])
    for (let i = 0; i < 3; i += 1) {
      const id = addNoteInZone(
        doc,
        { zoneId: small, text: `Idee ${i}`, author },
        listNotes(doc),
        listZones(doc),
        closed,
      )
      const placed = getNote(doc, id)
      if (!placed) throw new Error('not added')
      expect(zoneOf(listZones(doc), placed)).not.toBe(locked)
      expect(placed.zoneId).toBe(small)
    }
    const loose = createNote(doc, { x: 2000, y: 2000, authorId: 'p1', authorName: 'Ahmed' })
    moveNoteToZone(doc, loose, small, listNotes(doc), listZones(doc), closed)
    const moved = getNote(doc, loose)
    expect(moved && zoneOf(listZones(doc), moved)).not.toBe(locked)
  })
})
