import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardOps } from '../../client/src/board/ops/BoardOps'
import { insertPayload } from '../../client/src/board/ops/clipboardOps'
import { buildPayload, parsePayload } from '../../client/src/canvas/items/clipboardPayload'
import {
  createNote,
  createShape,
  createZone,
  listNotes,
  listShapes,
  listZones,
  setNoteText,
} from '../../shared/src/model'

const author = { id: 'p1', name: 'Fatima' }
const opsOn = (doc: Y.Doc) =>
  new BoardOps(doc, () => ({ author, isFacilitator: true, closed: new Set<string>(), control: null }))

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
    const { ids } = insertPayload(
      opsOn(target),
      parsed ?? (undefined as never),
      { x: 1000, y: 1000 },
      {
        author,
        mayAddShapes: true,
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
      opsOn(target),
      payload ?? (undefined as never),
      { x: 0, y: 0 },
      { author, mayAddShapes: false },
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
