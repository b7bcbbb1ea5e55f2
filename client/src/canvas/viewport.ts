import type { Point, Rect } from '../../../shared/src/model/placement/geometry'

/**
 * The visible part of the board: the stage is moved by (x, y) screen pixels and scaled by `scale`.
 * Board coordinates → screen: screen = board * scale + offset.
 */
export interface Viewport {
  x: number
  y: number
  scale: number
}

// Board geometry is shared with the server (placement); the canvas adds the viewport.
export { boundsOf, type Point, type Rect } from '../../../shared/src/model/placement/geometry'

/** Low enough that 'Alles tonen' fits a whole template board on a 390 px wide phone. */
export const MIN_SCALE = 0.1
export const MAX_SCALE = 3
export const INITIAL_VIEWPORT: Viewport = { x: 40, y: 40, scale: 1 }

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

/** Zooms by `factor` keeping the board point under `screenPoint` where it is (toward the cursor). */
export function zoomAt(view: Viewport, screenPoint: Point, factor: number): Viewport {
  const scale = clampScale(view.scale * factor)
  const boardX = (screenPoint.x - view.x) / view.scale
  const boardY = (screenPoint.y - view.y) / view.scale
  return { scale, x: screenPoint.x - boardX * scale, y: screenPoint.y - boardY * scale }
}

export function toBoardPoint(view: Viewport, screenPoint: Point): Point {
  return { x: (screenPoint.x - view.x) / view.scale, y: (screenPoint.y - view.y) / view.scale }
}

export function toScreenRect(view: Viewport, rect: Rect): Rect {
  return {
    x: rect.x * view.scale + view.x,
    y: rect.y * view.scale + view.y,
    width: rect.width * view.scale,
    height: rect.height * view.scale,
  }
}

/**
 * A viewport showing all of `content` in a `size` screen, never zoomed in beyond 100%. When that
 * would need a scale below `minScale` (a big board on a phone), it zooms to `minScale` instead and
 * shows the top-left of the content, where the first question usually is.
 */
export function fitViewport(
  content: Rect | null,
  size: { width: number; height: number },
  minScale = MIN_SCALE,
): Viewport {
  if (!content || size.width <= 0 || size.height <= 0) return INITIAL_VIEWPORT
  const margin = 24
  const fitScale = Math.min(
    1,
    (size.width - 2 * margin) / Math.max(1, content.width),
    (size.height - 2 * margin) / Math.max(1, content.height),
  )
  const scale = clampScale(Math.max(fitScale, minScale))
  const centred = (available: number, start: number, length: number) =>
    length * scale <= available - 2 * margin
      ? (available - length * scale) / 2 - start * scale
      : margin - start * scale
  return {
    scale,
    x: centred(size.width, content.x, content.width),
    y: centred(size.height, content.y, content.height),
  }
}
