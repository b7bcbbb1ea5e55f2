import {
  isNoteColor,
  isShapeColor,
  isShapeKind,
  NOTE_MAX_TEXT_LENGTH,
  NOTE_MIN_SIZE,
  type NoteColor,
  type NoteData,
  SHAPE_MIN_SIZE,
  SHAPE_TEXT_MAX_LENGTH,
  type ShapeColor,
  type ShapeData,
  type ShapeKind,
} from '../../../../shared/src/model'

/**
 * What "copy" puts on the clipboard: the selected notes and shapes as JSON text, so they can be
 * pasted into another board (also in another tab or browser window). Pasted text comes from
 * anywhere, so reading it checks every field and keeps sizes and lengths within the limits.
 */

export const CLIPBOARD_FORMAT = 'oogst/clipboard'
const MAX_ITEMS = 200
const MAX_SIZE = 6000

export interface ClipNote {
  ref: string
  text: string
  x: number
  y: number
  width: number
  height: number
  color: NoteColor
}

export interface ClipShape {
  ref: string
  kind: ShapeKind
  x: number
  y: number
  width: number
  height: number
  text: string
  color: ShapeColor
  fontSize: number
  fromRef: string | null
  toRef: string | null
}

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT
  version: 1
  /** Top-left corner of the copied items, so a paste can put the group anywhere. */
  origin: { x: number; y: number }
  notes: ClipNote[]
  shapes: ClipShape[]
}

/** The payload for the given ids; arrows only when both their ends are copied too. */
export function buildPayload(
  ids: readonly string[],
  notes: readonly NoteData[],
  shapes: readonly ShapeData[],
): ClipboardPayload | null {
  const wanted = new Set(ids)
  const clipNotes: ClipNote[] = notes
    .filter((note) => wanted.has(note.id))
    .map(({ id, text, x, y, width, height, color }) => ({ ref: id, text, x, y, width, height, color }))
  const boxShapes = shapes.filter((shape) => wanted.has(shape.id) && shape.kind !== 'connector')
  const copied = new Set([...clipNotes.map((note) => note.ref), ...boxShapes.map((shape) => shape.id)])
  const arrows = shapes.filter(
    (shape) =>
      shape.kind === 'connector' &&
      shape.fromId &&
      shape.toId &&
      copied.has(shape.fromId) &&
      copied.has(shape.toId),
  )
  const clipShapes: ClipShape[] = [...boxShapes, ...arrows].map((shape) => ({
    ref: shape.id,
    kind: shape.kind,
    x: shape.x,
    y: shape.y,
    width: shape.width,
    height: shape.height,
    text: shape.text,
    color: shape.color,
    fontSize: shape.fontSize,
    fromRef: shape.fromId,
    toRef: shape.toId,
  }))
  const boxes = [...clipNotes, ...clipShapes.filter((shape) => shape.kind !== 'connector')]
  if (boxes.length === 0) return null
  return {
    format: CLIPBOARD_FORMAT,
    version: 1,
    origin: { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)) },
    notes: clipNotes,
    shapes: clipShapes,
  }
}

/** Width and height of the copied group (for centring a paste). */
export function payloadSize(payload: ClipboardPayload): { width: number; height: number } {
  const boxes = [...payload.notes, ...payload.shapes.filter((shape) => shape.kind !== 'connector')]
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  return { width: right - payload.origin.x, height: bottom - payload.origin.y }
}

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback
const clampSize = (value: unknown, min: number, fallback: number) =>
  Math.min(MAX_SIZE, Math.max(min, num(value, fallback)))
const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '')
const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null

function readNote(value: unknown, index: number): ClipNote | null {
  const note = record(value)
  if (!note) return null
  return {
    ref: typeof note.ref === 'string' ? note.ref : `n${index}`,
    text: str(note.text, NOTE_MAX_TEXT_LENGTH),
    x: num(note.x, 0),
    y: num(note.y, 0),
    width: clampSize(note.width, NOTE_MIN_SIZE, 180),
    height: clampSize(note.height, NOTE_MIN_SIZE, 180),
    color: isNoteColor(note.color) ? note.color : 'yellow',
  }
}

function readShape(value: unknown, index: number): ClipShape | null {
  const shape = record(value)
  if (!shape || !isShapeKind(shape.kind)) return null
  const ref = (key: string) => (typeof shape[key] === 'string' ? (shape[key] as string) : null)
  return {
    ref: ref('ref') ?? `s${index}`,
    kind: shape.kind,
    x: num(shape.x, 0),
    y: num(shape.y, 0),
    width: clampSize(shape.width, SHAPE_MIN_SIZE, 200),
    height: clampSize(shape.height, SHAPE_MIN_SIZE, 200),
    text: str(shape.text, SHAPE_TEXT_MAX_LENGTH),
    color: isShapeColor(shape.color) ? shape.color : 'ink',
    fontSize: num(shape.fontSize, 32),
    fromRef: ref('fromRef'),
    toRef: ref('toRef'),
  }
}

/** Our payload from clipboard text, or null when the text is something else. */
export function parsePayload(text: string): ClipboardPayload | null {
  if (!text.includes(CLIPBOARD_FORMAT)) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  const root = record(data)
  if (!root || root.format !== CLIPBOARD_FORMAT) return null
  const notes = (Array.isArray(root.notes) ? root.notes : []).slice(0, MAX_ITEMS).map(readNote)
  const shapes = (Array.isArray(root.shapes) ? root.shapes : []).slice(0, MAX_ITEMS).map(readShape)
  const payload = {
    notes: notes.filter((note): note is ClipNote => note !== null),
    shapes: shapes.filter((shape): shape is ClipShape => shape !== null),
  }
  const boxes = [...payload.notes, ...payload.shapes.filter((shape) => shape.kind !== 'connector')]
  if (boxes.length === 0) return null
  return {
    format: CLIPBOARD_FORMAT,
    version: 1,
    origin: { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)) },
    ...payload,
  }
}
