import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildPayload, parsePayload } from '../../client/src/canvas/items/clipboardPayload'
import { bringToFront, deleteItems, insertPayload, moveItems } from '../../client/src/canvas/items/itemWrites'
import {
  createNote,
  createShape,
  createZone,
  getNote,
  listNotes,
  listShapes,
  listZones,
  setNoteText,
} from '../../shared/src/model'

const author = { id: 'p1', name: 'Fatima' }

function board() {
  const doc = new Y.Doc()
  const zone = createZone(doc, { title: 'Vraag', x: 0, y: 0, width: 1000, height: 1000 })
  const a = createNote(doc, { x: 10, y: 20, authorId: 'x', authorName: 'X', text: 'Koffie', color: 'blue' })
  const b = createNote(doc, { x: 300, y: 20, authorId: 'x', authorName: 'X', text: 'Thee' })
  const arrow = createShape(doc, { kind: 'connector', fromId: a, toId: b, authorId: 'f' })
  const label = createShape(doc, { kind: 'text', x: 50, y: 400, text: 'Pauze', authorId: 'f' })
  const data = () => ({ notes: listNotes(doc), shapes: listShapes(doc), zones: listZones(doc) })
  return { doc, zone, a, b, arrow, label, data }
}

describe('canvas group writes', () => {
  it('moves several items in one transaction and updates the notes’ zones', () => {
    const { doc, a, b, label, data } = board()
    let updates = 0
    doc.on('update', () => {
      updates += 1
    })
    moveItems(
      doc,
      [
        { id: a, x: 2000, y: 20 },
        { id: b, x: 310.4, y: 30.6 },
        { id: label, x: 60, y: 410 },
      ],
      data(),
    )
    expect(updates).toBe(1)
    expect(getNote(doc, a)).toMatchObject({ x: 2000, zoneId: null })
    expect(getNote(doc, b)).toMatchObject({ x: 310, y: 31 })
    expect(listShapes(doc).find((s) => s.id === label)).toMatchObject({ x: 60, y: 410 })
  })

  it('deleting a note removes the arrows that pointed at it', () => {
    const { doc, a, arrow, data } = board()
    deleteItems(doc, [a], { notes: new Set(data().notes.map((n) => n.id)) })
    expect(getNote(doc, a)).toBeNull()
    expect(listShapes(doc).some((s) => s.id === arrow)).toBe(false)
  })

  it('brings items to the front above everything else, keeping their own order', () => {
    const { doc, a, b, data } = board()
    bringToFront(doc, [b, a], data())
    const notes = listNotes(doc)
    const z = (id: string) => notes.find((n) => n.id === id)?.z ?? 0
    expect(z(a)).toBeGreaterThan(0)
    expect(z(b)).toBeGreaterThan(0)
    expect(z(a)).not.toBe(z(b))
  })
})

describe('clipboard payload', () => {
  it('round-trips notes, shapes and the arrow between copied notes into another board', () => {
    const source = board()
    const payload = buildPayload(
      [source.a, source.b, source.label],
      source.data().notes,
      source.data().shapes,
    )
    expect(payload?.notes).toHaveLength(2)
    expect(payload?.shapes.map((s) => s.kind).sort()).toEqual(['connector', 'text'])
    const parsed = parsePayload(JSON.stringify(payload))
    expect(parsed).toEqual(payload)

    const target = new Y.Doc()
    const ids = insertPayload(
      target,
      parsed ?? (undefined as never),
      { x: 1000, y: 1000 },
      {
        author,
        zones: [],
        mayAddShapes: true,
        noteZ: 0,
        shapeZ: 1,
      },
    )
    expect(ids).toHaveLength(4)
    const notes = listNotes(target)
    expect(notes.map((n) => n.text).sort()).toEqual(['Koffie', 'Thee'])
    // Pasted notes are the paster's; layout is kept relative to the group's corner.
    expect(notes.every((n) => n.authorId === 'p1' && n.authorName === 'Fatima')).toBe(true)
    expect(notes.find((n) => n.text === 'Koffie')).toMatchObject({ x: 1000 - 10 + 10, color: 'blue' })
    const arrow = listShapes(target).find((s) => s.kind === 'connector')
    expect(new Set([arrow?.fromId, arrow?.toId])).toEqual(new Set(notes.map((n) => n.id)))
  })

  it('leaves an arrow out when only one of its notes is copied; participants paste notes only', () => {
    const source = board()
    const payload = buildPayload([source.a, source.label], source.data().notes, source.data().shapes)
    expect(payload?.shapes.map((s) => s.kind)).toEqual(['text'])
    const target = new Y.Doc()
    insertPayload(
      target,
      payload ?? (undefined as never),
      { x: 0, y: 0 },
      {
        author,
        zones: [],
        mayAddShapes: false,
        noteZ: 0,
        shapeZ: 0,
      },
    )
    expect(listNotes(target)).toHaveLength(1)
    expect(listShapes(target)).toHaveLength(0)
  })

  it('refuses foreign text and clamps what it reads', () => {
    expect(parsePayload('gewoon tekst')).toBeNull()
    expect(parsePayload('{"format":"oogst/clipboard"')).toBeNull()
    expect(parsePayload(JSON.stringify({ format: 'oogst/clipboard', notes: [] }))).toBeNull()
    const parsed = parsePayload(
      JSON.stringify({
        format: 'oogst/clipboard',
        notes: [{ text: 42, x: 'links', width: 1e9, height: -3, color: 'goud' }],
        shapes: [{ kind: 'ster' }],
      }),
    )
    expect(parsed?.notes[0]).toMatchObject({ text: '', x: 0, width: 6000, height: 60, color: 'yellow' })
    expect(parsed?.shapes).toEqual([])
  })

  it('keeps the pasted text within the note limit', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    setNoteText(doc, id, 'x'.repeat(6000))
    const payload = buildPayload([id], listNotes(doc), [])
    expect(payload?.notes[0]?.text.length).toBe(5000)
  })
})
