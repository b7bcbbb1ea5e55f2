import { type ZoneData, zoneAtPoint } from '../../../shared/src/model'
import type { Point, Rect } from './viewport'
import { zoneHeaderHeight } from './ZoneShape'

const STEP = 100
const MAX_RING = 6
/** Notes may overlap a little (a corner), just not hide each other. */
const ALLOWED_OVERLAP = 0.12

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

/**
 * Grid offsets around (0, 0), nearest first; at equal distance clockwise from the right, so notes
 * fill in reading order (right, then below) rather than creeping up over a zone's question.
 */
const OFFSETS: readonly Point[] = (() => {
  const offsets: Point[] = []
  for (let i = -MAX_RING; i <= MAX_RING; i += 1) {
    for (let j = -MAX_RING; j <= MAX_RING; j += 1) offsets.push({ x: i * STEP, y: j * STEP })
  }
  const angle = (p: Point) => (Math.atan2(p.y, p.x) + 2 * Math.PI) % (2 * Math.PI)
  return offsets.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || angle(a) - angle(b))
})()

/**
 * Top-left corner for a new note near `center` where it does not cover other notes, preferably in
 * the same zone as `center`. Notes added with the button all start mid-screen; without this they
 * would pile up on each other and people would think their earlier note was gone.
 */
export function findFreeSpot(
  center: Point,
  size: { width: number; height: number },
  notes: readonly Rect[],
  zones: readonly ZoneData[],
): Point {
  const start = { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) }
  const targetZone = zoneAtPoint(zones, center.x, center.y)?.id ?? null
  const limit = size.width * size.height * ALLOWED_OVERLAP
  let fallback: Point | null = null
  // Zone questions count as obstacles too: a note on top of the question hides what to answer.
  const obstacles: Rect[] = [
    ...notes,
    ...zones.map((zone) => ({ x: zone.x, y: zone.y, width: zone.width, height: zoneHeaderHeight(zone) })),
  ]
  for (const offset of OFFSETS) {
    const candidate = { x: start.x + offset.x, y: start.y + offset.y, ...size }
    if (obstacles.some((rect) => overlapArea(candidate, rect) > limit)) continue
    const zone = zoneAtPoint(zones, candidate.x + size.width / 2, candidate.y + size.height / 2)?.id ?? null
    if (zone === targetZone) return { x: candidate.x, y: candidate.y }
    fallback ??= { x: candidate.x, y: candidate.y }
  }
  return fallback ?? start
}
