import type * as Y from 'yjs'
import {
  createNote,
  createShape,
  deleteConnectorsOf,
  deleteNote,
  deleteShape,
  type NoteData,
  type ShapeData,
  setNoteText,
  updateNote,
  updateShape,
  type ZoneData,
  zoneAtPoint,
} from '../../../../shared/src/model'
import { localCommand } from '../../sync/localOrigin'
import type { Resize } from '../SelectionTransformer'
import type { ClipboardPayload } from './clipboardPayload'

/**
 * Writes that act on several notes and shapes at once. Each is one local transaction, so a group
 * move reaches the others as one change and is one undo step.
 */

export interface Author {
  id: string
  name: string
}

export interface Placement {
  id: string
  x: number
  y: number
}

/** The zone a note belongs to: the one its centre lies in. */
export function zoneIdAt(
  zones: readonly ZoneData[],
  x: number,
  y: number,
  size: { width: number; height: number },
): string | null {
  return zoneAtPoint(zones, x + size.width / 2, y + size.height / 2)?.id ?? null
}

export function moveItems(
  doc: Y.Doc,
  moves: readonly Placement[],
  data: { notes: readonly NoteData[]; shapes: readonly ShapeData[]; zones: readonly ZoneData[] },
): void {
  const notes = new Map(data.notes.map((note) => [note.id, note]))
  const shapes = new Set(data.shapes.map((shape) => shape.id))
  localCommand(doc, () => {
    for (const { id, x, y } of moves) {
      const note = notes.get(id)
      const position = { x: Math.round(x), y: Math.round(y) }
      if (note) updateNote(doc, id, { ...position, zoneId: zoneIdAt(data.zones, x, y, note) })
      else if (shapes.has(id)) updateShape(doc, id, position)
    }
  })
}

const GRID = 24

/**
 * New boxes after dragging resize handles: position and size, and for text labels the letter size
 * (which grows with the box). With `snap`, sizes go to whole grid steps.
 */
export function resizeItems(
  doc: Y.Doc,
  resizes: readonly Resize[],
  data: { notes: readonly NoteData[]; shapes: readonly ShapeData[]; zones: readonly ZoneData[] },
  snap: boolean,
): void {
  const shapes = new Map(data.shapes.map((shape) => [shape.id, shape]))
  const sized = (value: number) =>
    snap ? Math.max(GRID, Math.round(value / GRID) * GRID) : Math.round(value)
  localCommand(doc, () => {
    moveItems(
      doc,
      resizes.map(({ id, x, y }) => ({ id, x, y })),
      data,
    )
    for (const resize of resizes) {
      const shape = shapes.get(resize.id)
      const patch = { width: sized(resize.width), height: sized(resize.height) }
      if (!shape) updateNote(doc, resize.id, patch)
      else if (shape.kind === 'text')
        updateShape(doc, resize.id, { ...patch, fontSize: shape.fontSize * resize.scale })
      else updateShape(doc, resize.id, patch)
    }
  })
}

/** Removes notes and shapes, and the arrows that pointed at them. */
export function deleteItems(doc: Y.Doc, ids: readonly string[], kinds: { notes: Set<string> }): void {
  localCommand(doc, () => {
    for (const id of ids) {
      if (kinds.notes.has(id)) deleteNote(doc, id)
      else deleteShape(doc, id)
      deleteConnectorsOf(doc, id)
    }
  })
}

/** Highest stacking order in use, so a raised item goes above all of them. */
export function topZ(items: readonly { z: number }[]): number {
  return items.reduce((max, item) => Math.max(max, item.z), 0)
}

export function bringToFront(
  doc: Y.Doc,
  ids: readonly string[],
  data: { notes: readonly NoteData[]; shapes: readonly ShapeData[] },
): void {
  // Keep the selection's own order: the one on top stays on top.
  const chosenNotes = data.notes.filter((note) => ids.includes(note.id)).sort((a, b) => a.z - b.z)
  const chosenShapes = data.shapes.filter((shape) => ids.includes(shape.id)).sort((a, b) => a.z - b.z)
  let noteZ = topZ(data.notes)
  let shapeZ = topZ(data.shapes)
  localCommand(doc, () => {
    for (const note of chosenNotes) updateNote(doc, note.id, { z: ++noteZ })
    for (const shape of chosenShapes) updateShape(doc, shape.id, { z: ++shapeZ })
  })
}

/**
 * Adds the clipboard's notes and shapes with their top-left corner group at `origin` and returns
 * the new ids. Pasted notes are the paster's own notes. Participants paste notes only.
 */
export function insertPayload(
  doc: Y.Doc,
  payload: ClipboardPayload,
  origin: { x: number; y: number },
  context: {
    author: Author
    zones: readonly ZoneData[]
    mayAddShapes: boolean
    noteZ: number
    shapeZ: number
  },
): string[] {
  const { author, zones } = context
  const dx = origin.x - payload.origin.x
  const dy = origin.y - payload.origin.y
  const newIds = new Map<string, string>()
  localCommand(doc, () => {
    for (const note of payload.notes) {
      const x = Math.round(note.x + dx)
      const y = Math.round(note.y + dy)
      const id = createNote(doc, {
        x,
        y,
        width: note.width,
        height: note.height,
        color: note.color,
        authorId: author.id,
        authorName: author.name,
        zoneId: zoneIdAt(zones, x, y, note),
        ...(context.noteZ > 0 ? { z: context.noteZ } : {}),
      })
      // Through setNoteText, so the text is a fresh Y.Text with the usual length limit.
      if (note.text) setNoteText(doc, id, note.text)
      newIds.set(note.ref, id)
    }
    if (!context.mayAddShapes) return
    for (const shape of payload.shapes) {
      if (shape.kind === 'connector') continue
      const id = createShape(doc, {
        kind: shape.kind,
        x: Math.round(shape.x + dx),
        y: Math.round(shape.y + dy),
        width: shape.width,
        height: shape.height,
        text: shape.text,
        color: shape.color,
        fontSize: shape.fontSize,
        z: context.shapeZ,
        authorId: author.id,
      })
      newIds.set(shape.ref, id)
    }
    for (const shape of payload.shapes) {
      const fromId = shape.fromRef ? newIds.get(shape.fromRef) : undefined
      const toId = shape.toRef ? newIds.get(shape.toRef) : undefined
      if (shape.kind !== 'connector' || !fromId || !toId) continue
      const id = createShape(doc, {
        kind: 'connector',
        fromId,
        toId,
        color: shape.color,
        authorId: author.id,
      })
      newIds.set(shape.ref, id)
    }
  })
  return [...newIds.values()]
}
