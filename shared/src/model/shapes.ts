import * as Y from 'yjs'
import { newObjectId } from '../ids'
import { type RecordMap, readNumber, readString, shapesRoot } from './schema'

/**
 * Facilitators' annotations on the canvas, in the content document's root map `shapes`:
 *   shapeId → Y.Map { kind, x, y, width, height, text, color, fontSize, fromId, toId, z,
 *                     authorId, createdAt }
 * - `text`: a text label (its box is x, y, width, height; `fontSize` in board units);
 * - `rect`, `ellipse`: an outline with a light fill inside the box;
 * - `connector`: an arrow from item `fromId` to item `toId` (a note or another shape). It has no
 *   box of its own: it is drawn between its two ends, so it follows them when they move, and it
 *   is not drawn while an end is missing.
 * Readers are tolerant: an unknown kind is skipped, other junk is read as the default.
 */

export const SHAPE_KINDS = ['text', 'rect', 'ellipse', 'connector'] as const
export type ShapeKind = (typeof SHAPE_KINDS)[number]

/** Stroke (and text) colours by name, like note colours, so a theme can change the shade. */
export const SHAPE_COLORS = ['ink', 'green', 'blue', 'red', 'orange', 'purple'] as const
export type ShapeColor = (typeof SHAPE_COLORS)[number]

export const SHAPE_COLOR_HEX: Record<ShapeColor, string> = {
  ink: '#1d2a26',
  green: '#1f7a4d',
  blue: '#1f5fae',
  red: '#b42323',
  orange: '#b95c00',
  purple: '#6b3fa0',
}

export const SHAPE_DEFAULTS = {
  color: 'ink' as ShapeColor,
  fontSize: 32,
  text: { width: 320, height: 48 },
  box: { width: 320, height: 220 },
} as const

export const SHAPE_TEXT_MAX_LENGTH = 500
export const SHAPE_MIN_SIZE = 20
export const SHAPE_FONT_SIZE_RANGE = { min: 8, max: 400 } as const

export interface ShapeData {
  id: string
  kind: ShapeKind
  x: number
  y: number
  width: number
  height: number
  text: string
  color: ShapeColor
  fontSize: number
  /** Connectors only: the two items joined; null for other kinds. */
  fromId: string | null
  toId: string | null
  z: number
  authorId: string
  createdAt: number
}

export interface NewShape {
  kind: ShapeKind
  x?: number
  y?: number
  width?: number
  height?: number
  text?: string
  color?: ShapeColor
  fontSize?: number
  fromId?: string | null
  toId?: string | null
  z?: number
  authorId: string
  createdAt?: number
  /** Callers that import or replay shapes pass their own id. */
  id?: string
}

export type ShapePatch = Partial<
  Pick<ShapeData, 'x' | 'y' | 'width' | 'height' | 'text' | 'color' | 'fontSize' | 'z'>
>

export function isShapeKind(value: unknown): value is ShapeKind {
  return typeof value === 'string' && (SHAPE_KINDS as readonly string[]).includes(value)
}

export function isShapeColor(value: unknown): value is ShapeColor {
  return typeof value === 'string' && (SHAPE_COLORS as readonly string[]).includes(value)
}

function clampFontSize(value: number): number {
  return Math.min(SHAPE_FONT_SIZE_RANGE.max, Math.max(SHAPE_FONT_SIZE_RANGE.min, value))
}

function defaultSize(kind: ShapeKind): { width: number; height: number } {
  return kind === 'text' ? SHAPE_DEFAULTS.text : SHAPE_DEFAULTS.box
}

/** Adds a shape and returns its id. A connector needs both ends. */
export function createShape(doc: Y.Doc, input: NewShape): string {
  if (input.kind === 'connector' && (!input.fromId || !input.toId)) {
    throw new Error('a connector needs fromId and toId')
  }
  const id = input.id ?? newObjectId()
  const size = defaultSize(input.kind)
  const shape = new Y.Map<unknown>()
  doc.transact(() => {
    shape.set('kind', input.kind)
    shape.set('x', input.x ?? 0)
    shape.set('y', input.y ?? 0)
    shape.set('width', Math.max(SHAPE_MIN_SIZE, input.width ?? size.width))
    shape.set('height', Math.max(SHAPE_MIN_SIZE, input.height ?? size.height))
    shape.set('text', (input.text ?? '').slice(0, SHAPE_TEXT_MAX_LENGTH))
    shape.set('color', input.color ?? SHAPE_DEFAULTS.color)
    shape.set('fontSize', clampFontSize(input.fontSize ?? SHAPE_DEFAULTS.fontSize))
    shape.set('fromId', input.kind === 'connector' ? (input.fromId ?? null) : null)
    shape.set('toId', input.kind === 'connector' ? (input.toId ?? null) : null)
    shape.set('z', input.z ?? 0)
    shape.set('authorId', input.authorId)
    shape.set('createdAt', input.createdAt ?? Date.now())
    shapesRoot(doc).set(id, shape)
  })
  return id
}

function readEnd(shape: RecordMap, key: string): string | null {
  const value = shape.get(key)
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** Plain data of a stored shape; null for a kind this version does not know (or a broken connector). */
export function readShape(id: string, shape: RecordMap): ShapeData | null {
  const kind = shape.get('kind')
  if (!isShapeKind(kind)) return null
  const fromId = kind === 'connector' ? readEnd(shape, 'fromId') : null
  const toId = kind === 'connector' ? readEnd(shape, 'toId') : null
  if (kind === 'connector' && (!fromId || !toId)) return null
  const size = defaultSize(kind)
  const color = shape.get('color')
  return {
    id,
    kind,
    x: readNumber(shape, 'x', 0),
    y: readNumber(shape, 'y', 0),
    width: Math.max(SHAPE_MIN_SIZE, readNumber(shape, 'width', size.width)),
    height: Math.max(SHAPE_MIN_SIZE, readNumber(shape, 'height', size.height)),
    text: readString(shape, 'text', '').slice(0, SHAPE_TEXT_MAX_LENGTH),
    color: isShapeColor(color) ? color : SHAPE_DEFAULTS.color,
    fontSize: clampFontSize(readNumber(shape, 'fontSize', SHAPE_DEFAULTS.fontSize)),
    fromId,
    toId,
    z: readNumber(shape, 'z', 0),
    authorId: readString(shape, 'authorId', ''),
    createdAt: readNumber(shape, 'createdAt', 0),
  }
}

export function getShape(doc: Y.Doc, id: string): ShapeData | null {
  const shape = shapesRoot(doc).get(id)
  return shape instanceof Y.Map ? readShape(id, shape) : null
}

/** All readable shapes, bottom first (by z, then age). */
export function listShapes(doc: Y.Doc): ShapeData[] {
  const shapes: ShapeData[] = []
  shapesRoot(doc).forEach((shape, id) => {
    const data = shape instanceof Y.Map ? readShape(id, shape) : null
    if (data) shapes.push(data)
  })
  return shapes.sort((a, b) => a.z - b.z || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

export function updateShape(doc: Y.Doc, id: string, patch: ShapePatch): void {
  const shape = shapesRoot(doc).get(id)
  if (!(shape instanceof Y.Map)) return
  const clean: ShapePatch = { ...patch }
  if (clean.text !== undefined) clean.text = clean.text.slice(0, SHAPE_TEXT_MAX_LENGTH)
  if (clean.fontSize !== undefined) clean.fontSize = clampFontSize(clean.fontSize)
  if (clean.width !== undefined) clean.width = Math.max(SHAPE_MIN_SIZE, clean.width)
  if (clean.height !== undefined) clean.height = Math.max(SHAPE_MIN_SIZE, clean.height)
  doc.transact(() => {
    for (const [key, value] of Object.entries(clean)) {
      if (value !== undefined && shape.get(key) !== value) shape.set(key, value)
    }
  })
}

export function deleteShape(doc: Y.Doc, id: string): void {
  shapesRoot(doc).delete(id)
}

/** Removes the connectors that end at `itemId` (a note or shape that is being deleted). */
export function deleteConnectorsOf(doc: Y.Doc, itemId: string): void {
  const root = shapesRoot(doc)
  doc.transact(() => {
    for (const [id, shape] of [...root.entries()]) {
      if (!(shape instanceof Y.Map) || shape.get('kind') !== 'connector') continue
      if (shape.get('fromId') === itemId || shape.get('toId') === itemId) root.delete(id)
    }
  })
}

export function observeShapes(doc: Y.Doc, listener: () => void): () => void {
  const root = shapesRoot(doc)
  root.observeDeep(listener)
  return () => root.unobserveDeep(listener)
}
