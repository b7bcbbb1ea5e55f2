import type { ZoneData } from '../../../shared/src/model'
import { boundsOf, fitViewport, type Rect, type Viewport } from './viewport'

/** Narrower than this (phones), the first view shows one question instead of the whole board. */
export const NARROW_WIDTH = 600
/**
 * The least zoom of a phone's first view: question titles (22) at 16.5 CSS px, their question (16)
 * at 12, a short note's text (24) at 18 and its author (14) at 10.5. Fitting a whole template board
 * on a 390 px phone gave 50 %: questions at 8 px and authors at 6 px, too small to read.
 */
export const NARROW_FIRST_SCALE = 0.75
/** Below this the first view of a wide screen is unreadable; people can still zoom out themselves. */
const WIDE_FIRST_MIN_SCALE = 0.5
const MARGIN = 16

/** The question to show first: the round's (when it is known already), else the top-left one. */
function firstQuestion(zones: readonly ZoneData[], roundZoneIds: readonly string[]): ZoneData | undefined {
  const round = roundZoneIds.map((id) => zones.find((zone) => zone.id === id)).find(Boolean)
  if (round) return round
  return [...zones].sort((a, b) => a.y - b.y || a.x - b.x)[0]
}

/**
 * The view when a board first opens. A wide screen sees the whole board. A narrow one sees it
 * whole only when that is readable; otherwise the first question fills its width (at least
 * NARROW_FIRST_SCALE, its left edge and title in view when it is wider than the screen), and the
 * rest is a swipe away. "Alles tonen" still shows everything.
 */
export function firstViewport(
  content: readonly Rect[],
  zones: readonly ZoneData[],
  roundZoneIds: readonly string[],
  size: { width: number; height: number },
): Viewport {
  const whole = fitViewport(boundsOf(content), size, WIDE_FIRST_MIN_SCALE)
  if (size.width >= NARROW_WIDTH || whole.scale >= NARROW_FIRST_SCALE) return whole
  const zone = firstQuestion(zones, roundZoneIds)
  if (!zone) return fitViewport(boundsOf(content), size, NARROW_FIRST_SCALE)
  const fitWidth = (size.width - 2 * MARGIN) / Math.max(1, zone.width)
  const scale = Math.max(NARROW_FIRST_SCALE, Math.min(1, fitWidth))
  const width = zone.width * scale
  const left = width <= size.width - 2 * MARGIN ? (size.width - width) / 2 : MARGIN
  return { scale, x: left - zone.x * scale, y: MARGIN - zone.y * scale }
}
