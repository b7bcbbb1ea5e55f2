import { type ZoneData, zoneAtPoint } from '../zones'
import { type Point, type Rect, zoneHeaderHeight } from './geometry'

const STEP = 100
const MAX_RING = 6
/** Notes may overlap a little (a corner), just not hide each other. */
const ALLOWED_OVERLAP = 0.12
/** Room between a closed zone's edge and a note moved out of it, so it clearly is not in it. */
const EDGE_GAP = 24
const NONE: ReadonlySet<string> = new Set()

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
 * A centre just outside the closed zone that `center` lies in (the nearest of its four sides that
 * is not closed itself), or `center` when it is not in a closed zone. A large locked zone reaches
 * further than the ring search below, so the search starts at its edge instead.
 */
function outsideClosed(
  center: Point,
  size: { width: number; height: number },
  zones: readonly ZoneData[],
  closed: ReadonlySet<string>,
): Point {
  const zone = zoneAtPoint(zones, center.x, center.y)
  if (!zone || !closed.has(zone.id)) return center
  const sides: Point[] = [
    { x: zone.x - size.width / 2 - EDGE_GAP, y: center.y },
    { x: zone.x + zone.width + size.width / 2 + EDGE_GAP, y: center.y },
    { x: center.x, y: zone.y - size.height / 2 - EDGE_GAP },
    { x: center.x, y: zone.y + zone.height + size.height / 2 + EDGE_GAP },
  ]
  const distance = (point: Point) => Math.hypot(point.x - center.x, point.y - center.y)
  const open = sides
    .filter((point) => !closed.has(zoneAtPoint(zones, point.x, point.y)?.id ?? ''))
    .sort((a, b) => distance(a) - distance(b))
  return open[0] ?? sides[1] ?? center
}

/**
 * Top-left corner for a note near `center` where it does not cover other notes, preferably in the
 * same zone as `center`: for a note put next to another (grouping by drop) and for a note that may
 * not go where it was wanted (a closed zone). New notes in a question use the zone's flow instead
 * (zoneFlow.ts).
 *
 * `closed`: zones this person may not put a note in (locked by a facilitator; the server refuses
 * such a note). The spot is then never in one of them, and not on top of one either.
 */
export function findFreeSpot(
  center: Point,
  size: { width: number; height: number },
  notes: readonly Rect[],
  zones: readonly ZoneData[],
  closed: ReadonlySet<string> = NONE,
): Point {
  const from = closed.size > 0 ? outsideClosed(center, size, zones, closed) : center
  const start = { x: Math.round(from.x - size.width / 2), y: Math.round(from.y - size.height / 2) }
  const targetZone = zoneAtPoint(zones, from.x, from.y)?.id ?? null
  const limit = size.width * size.height * ALLOWED_OVERLAP
  const zoneAt = (rect: Rect) =>
    zoneAtPoint(zones, rect.x + size.width / 2, rect.y + size.height / 2)?.id ?? null
  let fallback: Point | null = null
  // Zone questions count as obstacles too: a note on top of the question hides what to answer.
  // A closed zone is an obstacle as a whole: a note half over it would look as if it were in it.
  const obstacles: Rect[] = [
    ...notes,
    ...zones.map((zone) =>
      closed.has(zone.id)
        ? zone
        : { x: zone.x, y: zone.y, width: zone.width, height: zoneHeaderHeight(zone) },
    ),
  ]
  for (const offset of OFFSETS) {
    const candidate = { x: start.x + offset.x, y: start.y + offset.y, width: size.width, height: size.height }
    if (obstacles.some((rect) => overlapArea(candidate, rect) > limit)) continue
    const zone = zoneAt(candidate)
    if (zone !== null && closed.has(zone)) continue
    if (zone === targetZone) return { x: candidate.x, y: candidate.y }
    fallback ??= { x: candidate.x, y: candidate.y }
  }
  if (fallback) return fallback
  // Crowded all around: covering a note is better than a spot the server would refuse.
  if (closed.size === 0) return start
  for (const offset of OFFSETS) {
    const candidate = { x: start.x + offset.x, y: start.y + offset.y, width: size.width, height: size.height }
    if (!closed.has(zoneAt(candidate) ?? '')) return { x: candidate.x, y: candidate.y }
  }
  return start
}
