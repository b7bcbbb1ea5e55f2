import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createNote,
  createShape,
  deleteConnectorsOf,
  deleteShape,
  getNote,
  getShape,
  listNotes,
  listShapes,
  observeShapes,
  SHAPE_DEFAULTS,
  SHAPE_FONT_SIZE_RANGE,
  SHAPE_MIN_SIZE,
  SHAPE_TEXT_MAX_LENGTH,
  shapesRoot,
  updateNote,
  updateShape,
} from '../../shared/src/model'

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('shapes model', () => {
  it('creates text labels, rectangles and ellipses with defaults', () => {
    const doc = new Y.Doc()
    const label = createShape(doc, { kind: 'text', x: 10, y: 20, text: 'Pauze om 15:00', authorId: 'f1' })
    const rect = createShape(doc, { kind: 'rect', x: 0, y: 0, color: 'blue', authorId: 'f1' })
    const ellipse = createShape(doc, { kind: 'ellipse', width: 100, height: 60, authorId: 'f1' })
    expect(getShape(doc, label)).toMatchObject({
      kind: 'text',
      x: 10,
      y: 20,
      text: 'Pauze om 15:00',
      color: 'ink',
      fontSize: SHAPE_DEFAULTS.fontSize,
      ...SHAPE_DEFAULTS.text,
      fromId: null,
      toId: null,
    })
    expect(getShape(doc, rect)).toMatchObject({ kind: 'rect', color: 'blue', ...SHAPE_DEFAULTS.box })
    expect(getShape(doc, ellipse)).toMatchObject({ kind: 'ellipse', width: 100, height: 60 })
    expect(listShapes(doc)).toHaveLength(3)
  })

  it('connectors need both ends and are removed with an end', () => {
    const doc = new Y.Doc()
    const a = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    const b = createNote(doc, { x: 400, y: 0, authorId: 'p', authorName: 'P' })
    expect(() => createShape(doc, { kind: 'connector', fromId: a, authorId: 'f' })).toThrow()
    const arrow = createShape(doc, { kind: 'connector', fromId: a, toId: b, authorId: 'f' })
    const other = createShape(doc, { kind: 'connector', fromId: b, toId: a, authorId: 'f' })
    const label = createShape(doc, { kind: 'text', text: 'x', authorId: 'f' })
    expect(getShape(doc, arrow)).toMatchObject({ kind: 'connector', fromId: a, toId: b })
    deleteConnectorsOf(doc, a)
    expect(getShape(doc, arrow)).toBeNull()
    expect(getShape(doc, other)).toBeNull()
    expect(getShape(doc, label)).not.toBeNull()
  })

  it('updates, clamps and deletes', () => {
    const doc = new Y.Doc()
    const id = createShape(doc, { kind: 'text', text: 'a', authorId: 'f' })
    updateShape(doc, id, {
      x: 5,
      text: 'b'.repeat(SHAPE_TEXT_MAX_LENGTH + 10),
      fontSize: 10_000,
      width: 1,
      color: 'red',
      z: 3,
    })
    expect(getShape(doc, id)).toMatchObject({
      x: 5,
      fontSize: SHAPE_FONT_SIZE_RANGE.max,
      width: SHAPE_MIN_SIZE,
      color: 'red',
      z: 3,
    })
    expect(getShape(doc, id)?.text).toHaveLength(SHAPE_TEXT_MAX_LENGTH)
    deleteShape(doc, id)
    expect(listShapes(doc)).toEqual([])
  })

  it('lists bottom first by z, then age', () => {
    const doc = new Y.Doc()
    const first = createShape(doc, { kind: 'rect', authorId: 'f', createdAt: 1 })
    const second = createShape(doc, { kind: 'rect', authorId: 'f', createdAt: 2 })
    expect(listShapes(doc).map((s) => s.id)).toEqual([first, second])
    updateShape(doc, first, { z: 1 })
    expect(listShapes(doc).map((s) => s.id)).toEqual([second, first])
  })

  it('reads junk from a foreign client tolerantly', () => {
    const doc = new Y.Doc()
    const junk = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(fields)) map.set(key, value)
      return map
    }
    shapesRoot(doc).set('unknown-kind', junk({ kind: 'star', x: 1 }))
    shapesRoot(doc).set('half-arrow', junk({ kind: 'connector', fromId: 'a' }))
    shapesRoot(doc).set(
      'odd',
      junk({ kind: 'ellipse', x: 'left', width: -5, color: 'pink', fontSize: Number.NaN, text: 42 }),
    )
    expect(listShapes(doc)).toEqual([
      expect.objectContaining({
        id: 'odd',
        kind: 'ellipse',
        x: 0,
        width: SHAPE_MIN_SIZE,
        color: 'ink',
        fontSize: SHAPE_DEFAULTS.fontSize,
        text: '',
      }),
    ])
  })

  it('syncs between documents and notifies observers', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    let calls = 0
    const stop = observeShapes(b, () => {
      calls += 1
    })
    const id = createShape(a, { kind: 'rect', authorId: 'f' })
    sync(a, b)
    expect(getShape(b, id)?.kind).toBe('rect')
    expect(calls).toBeGreaterThan(0)
    stop()
  })
})

describe('note stacking order (z)', () => {
  it('defaults to 0, can be set and survives a reader that ignores it', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    expect(getNote(doc, id)?.z).toBe(0)
    updateNote(doc, id, { z: 7 })
    expect(getNote(doc, id)?.z).toBe(7)
    const raised = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', z: 9 })
    expect(listNotes(doc).find((n) => n.id === raised)?.z).toBe(9)
  })
})
