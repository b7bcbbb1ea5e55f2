import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardOps, type OpsContext } from '../../client/src/board/ops/BoardOps'
import { insertPayload } from '../../client/src/board/ops/clipboardOps'
import { buildPayload } from '../../client/src/canvas/items/clipboardPayload'
import {
  addReaction,
  createNote,
  createShape,
  createZone,
  getNote,
  getNoteReactions,
  listNotes,
  listShapes,
  listZones,
  misplacedNotes,
  overlaps,
  startRoundRun,
} from '../../shared/src/model'

/** The one writer of notes: every path keeps a note's zone and place in agreement. */

const author = { id: 'p1', name: 'Fatima' }

function opsOn(doc: Y.Doc, context: Partial<OpsContext> = {}) {
  const full: OpsContext = { author, isFacilitator: true, closed: new Set(), control: null, ...context }
  return new BoardOps(doc, () => full)
}

/** The LOS layout: three questions side by side, agreements below over the full width. */
function losBoard() {
  const doc = new Y.Doc()
  const left = createZone(doc, {
    title: 'Activiteiten',
    prompt: 'Eén per briefje.',
    x: 0,
    y: 0,
    width: 700,
    height: 540,
  })
  const middle = createZone(doc, { title: "Do's", prompt: '', x: 720, y: 0, width: 700, height: 540 })
  const right = createZone(doc, { title: 'Organisatiegraad', x: 1440, y: 0, width: 700, height: 540 })
  const agreements = createZone(doc, { title: 'Afspraken', x: 0, y: 560, width: 2140, height: 380 })
  return { doc, left, middle, right, agreements }
}

function overlapsWithin(doc: Y.Doc): number {
  const notes = listNotes(doc)
  let count = 0
  for (const [i, a] of notes.entries())
    for (const b of notes.slice(i + 1))
      if (a.zoneId !== null && a.zoneId === b.zoneId && overlaps(a, b)) count += 1
  return count
}

describe('BoardOps.addNote', () => {
  it('puts 150 notes in one question without overlaps, growing it and pushing the zone below down', () => {
    const { doc, middle, agreements } = losBoard()
    const ops = opsOn(doc)
    const afspraak = ops.addNote({ zoneId: agreements, text: 'Wie belt de corporatie?' })
    for (let i = 0; i < 150; i++) ops.addNote({ zoneId: middle, text: `Do ${i}` })
    const notes = listNotes(doc)
    expect(notes.filter((note) => note.zoneId === middle)).toHaveLength(150)
    expect(misplacedNotes(doc)).toEqual([])
    expect(overlapsWithin(doc)).toBe(0)
    const zones = new Map(listZones(doc).map((zone) => [zone.id, zone]))
    const grown = zones.get(middle)
    const below = zones.get(agreements)
    if (!grown || !below) throw new Error('zones gone')
    expect(grown.height).toBeGreaterThan(540 * 10)
    // The gap of 20 between the rows stays; the agreement note moved with its zone.
    expect(below.y).toBe(grown.y + grown.height + 20)
    const moved = getNote(doc, afspraak.id)
    expect(moved?.y).toBeGreaterThan(below.y)
    expect(moved?.zoneId).toBe(agreements)
    // Zones beside it do not move.
    expect(zones.get(middle)?.y).toBe(0)
  })

  it('stamps the running round and creates the reactions with the note, so concurrent first reactions merge', () => {
    const { doc, left } = losBoard()
    const control = new Y.Doc()
    startRoundRun(control, 'ronde-2', Date.now() - 1000)
    const { id } = opsOn(doc, { control }).addNote({ zoneId: left })
    expect(doc.getMap<Y.Map<unknown>>('notes').get(id)?.get('roundId')).toBe('ronde-2')

    // Sixteen people react at the same moment, each on their own copy of the board.
    const copies = Array.from({ length: 16 }, () => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
      return copy
    })
    for (const [i, copy] of copies.entries()) addReaction(copy, id, '👍', `p${i}`)
    for (const copy of copies) Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy))
    expect(getNoteReactions(doc, id)[0]?.participantIds).toHaveLength(16)
  })

  it('a double-click in a question keeps the note inside it and off its other notes', () => {
    const { doc, left } = losBoard()
    const ops = opsOn(doc)
    const first = ops.addNote({ at: { x: 690, y: 530 } })
    const note = getNote(doc, first.id)
    expect(note?.zoneId).toBe(left)
    expect(note && note.x + note.width).toBeLessThanOrEqual(700)
    const second = ops.addNote({ at: { x: 690, y: 530 } })
    expect(overlapsWithin(doc)).toBe(0)
    expect(getNote(doc, second.id)?.zoneId).toBe(left)
  })

  it('participants do not write zones: their overflow lies in the growth area until the server grows it', () => {
    const { doc, middle } = losBoard()
    const ops = opsOn(doc, { isFacilitator: false })
    for (let i = 0; i < 10; i++) ops.addNote({ zoneId: middle })
    expect(listZones(doc).find((zone) => zone.id === middle)?.height).toBe(540)
    expect(overlapsWithin(doc)).toBe(0)
  })
})

describe('BoardOps moves', () => {
  it('moving to another question moves the note there visibly (list view, 33 moves)', () => {
    const { doc, left, middle, right } = losBoard()
    const ops = opsOn(doc)
    const ids = Array.from({ length: 33 }, (_, i) => ops.addNote({ zoneId: left, text: `${i}` }).id)
    ids.forEach((id, i) => {
      ops.moveToZone([id], i % 2 === 0 ? middle : right)
    })
    expect(misplacedNotes(doc)).toEqual([])
    expect(overlapsWithin(doc)).toBe(0)
    expect(listNotes(doc).filter((note) => note.zoneId === left)).toHaveLength(0)
  })

  it('a drag decides the zone by where the note lands and keeps it wholly inside', () => {
    const { doc, left, middle } = losBoard()
    const ops = opsOn(doc)
    const { id } = ops.addNote({ zoneId: left })
    expect(ops.moveItems([{ id, x: 1300, y: 100 }])).toBe(true)
    const note = getNote(doc, id)
    expect(note?.zoneId).toBe(middle)
    expect(note && note.x + note.width).toBeLessThanOrEqual(720 + 700)
    ops.moveItems([{ id, x: 3000, y: 3000 }])
    expect(getNote(doc, id)).toMatchObject({ zoneId: null, x: 3000, y: 3000 })
  })

  it('refuses a move or resize into a closed zone and writes nothing', () => {
    const { doc, left, middle } = losBoard()
    const { id } = opsOn(doc).addNote({ zoneId: left })
    const ops = opsOn(doc, { isFacilitator: false, closed: new Set([middle]) })
    let updates = 0
    doc.on('update', () => {
      updates += 1
    })
    expect(ops.moveItems([{ id, x: 800, y: 100 }])).toBe(false)
    expect(ops.resizeItems([{ id, x: 800, y: 100, width: 200, height: 200, scale: 1 }], false)).toBe(false)
    expect(ops.moveToZone([id], middle)).toBe(false)
    expect(updates).toBe(0)
    // A note aimed at the closed zone goes outside every question and says so.
    const added = ops.addNote({ at: { x: 1000, y: 300 } })
    expect(added.movedOut).toBe(true)
    expect(getNote(doc, added.id)?.zoneId).toBeNull()
    expect(misplacedNotes(doc)).toEqual([])
  })

  it('tidies a question by votes, the notes of one group together, and deletes with arrows', () => {
    const { doc, left } = losBoard()
    const ops = opsOn(doc)
    const ids = Array.from({ length: 8 }, (_, i) => ops.addNote({ zoneId: left, text: `${i}` }).id)
    const votes = new Map([[ids[7] as string, 4]])
    ops.tidyZone(left, 'votes', votes)
    const sorted = listNotes(doc)
      .filter((note) => note.zoneId === left)
      .sort((a, b) => a.y - b.y || a.x - b.x)
    expect(sorted[0]?.id).toBe(ids[7])
    expect(overlapsWithin(doc)).toBe(0)
    const arrow = createShape(doc, {
      kind: 'connector',
      fromId: ids[0] as string,
      toId: ids[1] as string,
      authorId: 'f',
    })
    ops.deleteItems([ids[0] as string])
    expect(listShapes(doc).some((shape) => shape.id === arrow)).toBe(false)
  })

  it('a duplicate in a question takes the next free slot instead of covering its original', () => {
    const { doc, left } = losBoard()
    const ops = opsOn(doc)
    const { id } = ops.addNote({ zoneId: left, text: 'Buurtkamer' })
    const payload = buildPayload([id], listNotes(doc), [])
    if (!payload) throw new Error('no payload')
    insertPayload(
      ops,
      payload,
      { x: payload.origin.x + 24, y: payload.origin.y + 24 },
      { author, mayAddShapes: false },
    )
    expect(listNotes(doc)).toHaveLength(2)
    expect(overlapsWithin(doc)).toBe(0)
    expect(misplacedNotes(doc)).toEqual([])
  })
})

describe('old notes', () => {
  it('a free note that belongs to no question stays where it is', () => {
    const { doc } = losBoard()
    const id = createNote(doc, { x: 3000, y: 0, authorId: 'a', authorName: 'A' })
    expect(misplacedNotes(doc)).toEqual([])
    expect(getNote(doc, id)?.zoneId).toBeNull()
  })
})
