import type { ZoneData } from '../zones'

/**
 * Plain geometry of the board, shared by the client (canvas, list view) and the server (reveal,
 * repair), so both agree to the pixel on where a zone's notes go.
 */

export interface Point {
  x: number
  y: number
}

export interface Rect extends Point {
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

/** Room between a zone's edge and its notes. */
export const ZONE_PADDING = 20
/** Room between two notes laid out in a zone. */
export const NOTE_GAP = 16

/** The zone's text as the canvas draws it (ZoneShape), so notes are kept off exactly that. */
export const ZONE_TITLE_SIZE = 22
export const ZONE_PROMPT_SIZE = 16
export const ZONE_PROMPT_LINE = ZONE_PROMPT_SIZE * 1.3
export const ZONE_PROMPT_MAX_LINES = 3
/** Rough average character width of the prompt font; only used to keep notes off the text. */
const PROMPT_CHAR_WIDTH = ZONE_PROMPT_SIZE * 0.52

/** Height of a zone's title and question (as the canvas draws them), which notes must not cover. */
export function zoneHeaderHeight(zone: Pick<ZoneData, 'width' | 'prompt'>): number {
  const titleBottom = ZONE_PADDING + ZONE_TITLE_SIZE + 10
  if (!zone.prompt) return titleBottom
  const charsPerLine = Math.max(1, (zone.width - 2 * ZONE_PADDING) / PROMPT_CHAR_WIDTH)
  const lines = zone.prompt
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0)
  return titleBottom + Math.min(ZONE_PROMPT_MAX_LINES, lines) * ZONE_PROMPT_LINE + 10
}

export function centreOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

export function containsPoint(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x <= rect.x + rect.width &&
    point.y >= rect.y &&
    point.y <= rect.y + rect.height
  )
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** True when the two rectangles share some horizontal extent (one could push the other down). */
export function overlapsHorizontally(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width
}

/** The smallest rectangle around all of them, or null when there are none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const r of rects) {
    minX = Math.min(minX, r.x)
    minY = Math.min(minY, r.y)
    maxX = Math.max(maxX, r.x + r.width)
    maxY = Math.max(maxY, r.y + r.height)
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}

/** The part of a zone where notes go: below its question, inside its padding. */
export function zoneContentArea(zone: ZoneData): Rect {
  const top = zone.y + zoneHeaderHeight(zone)
  return {
    x: zone.x + ZONE_PADDING,
    y: top,
    width: Math.max(1, zone.width - 2 * ZONE_PADDING),
    height: Math.max(1, zone.y + zone.height - ZONE_PADDING - top),
  }
}

/**
 * Where a note dropped in a zone ends up: moved just enough to lie wholly inside the zone's
 * content area (a note half over the edge looks as if it belonged to the neighbour). A note wider
 * than the zone keeps its left edge at the zone's padding. The zone may be taller than the area
 * (the bottom is not clamped when the note is taller than what is left: the zone grows instead).
 */
export function clampIntoZone(zone: ZoneData, note: Rect): Point {
  const area = zoneContentArea(zone)
  const x = Math.max(area.x, Math.min(note.x, area.x + area.width - note.width))
  const y = Math.max(
    area.y,
    Math.min(note.y, Math.max(area.y, zone.y + zone.height - ZONE_PADDING - note.height)),
  )
  return { x: Math.round(x), y: Math.round(y) }
}
