import { clampScale, type Viewport } from '../canvas/viewport'
import type { PresenceViewport } from './presenceState'

/**
 * The viewport that shows on a `size` screen what a followed person sees on theirs: the centre of
 * their view in the centre of ours, zoomed so that their whole visible area fits.
 */
export function followViewport(theirs: PresenceViewport, size: { width: number; height: number }): Viewport {
  const centreX = (theirs.width / 2 - theirs.x) / theirs.scale
  const centreY = (theirs.height / 2 - theirs.y) / theirs.scale
  const fit = Math.min(size.width / theirs.width, size.height / theirs.height)
  const scale = clampScale(theirs.scale * (Number.isFinite(fit) && fit > 0 ? fit : 1))
  return { scale, x: size.width / 2 - centreX * scale, y: size.height / 2 - centreY * scale }
}

/** Equal up to rounding: React and Konva may hand back a viewport with tiny float differences. */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 0.001
}
