import type { Point, Rect } from '../viewport'

export function centerOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

/**
 * Where the line from the centre of `rect` toward `toward` leaves the rectangle (or the ellipse
 * inside it), so an arrow starts and ends at the border instead of under a note.
 */
export function edgePoint(rect: Rect, toward: Point, ellipse = false): Point {
  const center = centerOf(rect)
  const dx = toward.x - center.x
  const dy = toward.y - center.y
  if (dx === 0 && dy === 0) return center
  const halfW = rect.width / 2
  const halfH = rect.height / 2
  const t = ellipse
    ? 1 / Math.sqrt((dx * dx) / (halfW * halfW) + (dy * dy) / (halfH * halfH))
    : Math.min(
        dx === 0 ? Number.POSITIVE_INFINITY : halfW / Math.abs(dx),
        dy === 0 ? Number.POSITIVE_INFINITY : halfH / Math.abs(dy),
      )
  return { x: center.x + dx * t, y: center.y + dy * t }
}

/** Start and end of an arrow between two boxes, with a small gap at both ends. */
export function connectorPoints(
  from: Rect & { ellipse?: boolean },
  to: Rect & { ellipse?: boolean },
  gap = 6,
): [number, number, number, number] | null {
  const a = edgePoint(from, centerOf(to), from.ellipse)
  const b = edgePoint(to, centerOf(from), to.ellipse)
  const length = Math.hypot(b.x - a.x, b.y - a.y)
  // Overlapping boxes: no sensible arrow to draw.
  if (length <= gap * 2) return null
  const ux = (b.x - a.x) / length
  const uy = (b.y - a.y) / length
  return [a.x + ux * gap, a.y + uy * gap, b.x - ux * gap, b.y - uy * gap]
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** A rectangle from two corners in any order. */
export function rectFromPoints(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  }
}
