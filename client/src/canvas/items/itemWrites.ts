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
} from '../../../../shared/src/model'
import { localCommand } from '../../sync/localOrigin'
import type { Resize } from '../SelectionTransformer'
import type { Rect } from '../viewport'
import type { ClipboardPayload } from './clipboardPayload'
import { movesIntoClosedZone, placeNewNote, zoneIdAt } from './placement'

export { zoneIdAt }

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

export interface ItemData {
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  zones: readonly ZoneData[]
  /** Zones this person may not put a note in (see placement.ts); none when left out. */
  closed?: ReadonlySet<string>
}

/**
 * Moves items, or nothing when a note would land in a closed zone: the whole move is refused
 * (false), so a group keeps its shape and the caller can put the dragged items back and say why.
 */
export function moveItems(doc: Y.Doc, moves: readonly Placement[], data: ItemData): boolean {
  const notes = new Map(data.notes.map((note) => [note.id, note]))
  if (movesIntoClosedZone(moves, notes, data.zones, data.closed)) return false
  const shapes = new Set(data.shapes.map((shape) => shape.id))
  localCommand(doc, () => {
    for (const { id, x, y } of moves) {
      const note = notes.get(id)
      const position = { x: Math.round(x), y: Math.round(y) }
      if (note) updateNote(doc, id, { ...position, zoneId: zoneIdAt(data.zones, x, y, note) })
      else if (shapes.has(id)) updateShape(doc, id, position)
    }
  })
  return true
}

const GRID = 24

/**
 * New boxes after dragging resize handles: position and size, and for text labels the letter size
 * (which grows with the box). With `snap`, sizes go to whole grid steps.
 */
export function resizeItems(doc: Y.Doc, resizes: readonly Resize[], data: ItemData, snap: boolean): boolean {
  const shapes = new Map(data.shapes.map((shape) => [shape.id, shape]))
  const sized = (value: number) =>
    snap ? Math.max(GRID, Math.round(value / GRID) * GRID) : Math.round(value)
  const moves = resizes.map(({ id, x, y }) => ({ id, x, y }))
  const notes = new Map(data.notes.map((note) => [note.id, note]))
  if (movesIntoClosedZone(moves, notes, data.zones, data.closed)) return false
  localCommand(doc, () => {
    moveItems(doc, moves, data)
    for (const resize of resizes) {
      const shape = shapes.get(resize.id)
      const patch = { width: sized(resize.width), height: sized(resize.height) }
      if (!shape) updateNote(doc, resize.id, patch)
      else if (shape.kind === 'text')
        updateShape(doc, resize.id, { ...patch, fontSize: shape.fontSize * resize.scale })
      else updateShape(doc, resize.id, patch)
    }
  })
  return true
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
 * the new ids. Pasted notes are the paster's own notes. Participants paste notes only. A note
 * that would land in a closed zone goes to the nearest free spot outside it (`onMovedOut` says
 * how many did), so a paste or duplicate never writes what the server refuses.
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
    closed?: ReadonlySet<string>
    /** The board's notes, to find free spots next to a closed zone. */
    notes?: readonly Rect[]
    onMovedOut?: (count: number) => void
  },
): string[] {
  const { author, zones } = context
  const dx = origin.x - payload.origin.x
  const dy = origin.y - payload.origin.y
  const newIds = new Map<string, string>()
  // Notes placed so far count as taken, so notes moved out of a closed zone do not pile up.
  const taken: Rect[] = [...(context.notes ?? [])]
  let movedOut = 0
  localCommand(doc, () => {
    for (const note of payload.notes) {
      const wanted = { x: Math.round(note.x + dx), y: Math.round(note.y + dy) }
      const { x, y, zoneId, ...spot } = placeNewNote(wanted, note, {
        zones,
        notes: taken,
        closed: context.closed,
      })
      if (spot.movedOut) movedOut += 1
      taken.push({ x, y, width: note.width, height: note.height })
      const id = createNote(doc, {
        x,
        y,
        width: note.width,
        height: note.height,
        color: note.color,
        authorId: author.id,
        authorName: author.name,
        zoneId,
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
  if (movedOut > 0) context.onMovedOut?.(movedOut)
  return [...newIds.values()]
}
