import type { Rect, Viewport } from './viewport'

/**
 * Viewport culling. Konva draws every node of a layer on every frame, whether it is on screen or
 * not, and React reconciles every node on every render; with 2,000 notes that was most of the time
 * spent loading and panning. Only items that intersect the visible part of the board (plus a
 * margin, so that panning a little never shows a gap before React catches up) get a Konva node.
 */

/** Screen pixels drawn beyond each edge of the canvas. */
export const CULL_MARGIN_PX = 200

/** The part of the board that is on screen, grown by `marginPx` screen pixels on each side. */
export function visibleBoardRect(
  viewport: Viewport,
  size: { width: number; height: number },
  marginPx = CULL_MARGIN_PX,
): Rect {
  const margin = marginPx / viewport.scale
  return {
    x: -viewport.x / viewport.scale - margin,
    y: -viewport.y / viewport.scale - margin,
    width: size.width / viewport.scale + 2 * margin,
    height: size.height / viewport.scale + 2 * margin,
  }
}

/**
 * The items that intersect `area`, plus those in `keep` wherever they are (selected, edited or
 * dragged items: the resize handles, the editor and a drag need their Konva node). The order of
 * `items` is kept.
 */
export function cullToArea<T extends Rect & { id: string }>(
  items: readonly T[],
  area: Rect,
  keep: ReadonlySet<string> = new Set(),
): T[] {
  const right = area.x + area.width
  const bottom = area.y + area.height
  return items.filter(
    (item) =>
      keep.has(item.id) ||
      (item.x < right && item.x + item.width > area.x && item.y < bottom && item.y + item.height > area.y),
  )
}
