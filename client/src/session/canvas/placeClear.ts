import { type RefObject, useLayoutEffect, useRef, useState } from 'react'

/**
 * What a floating toolbar must never cover or be covered by (in the canvas area). Not the
 * questions' edit buttons: they hide under toolbars instead (ZoneEditButtons); a toolbar that also
 * avoided them swung between two places, hiding and showing them in turn.
 */
export const TOOLBAR_OBSTACLES = ['[data-testid=selection-toolbar]', '.canvas-toolbar > *']
const MARGIN = 8
/** Said on the window when a floating toolbar moved on its own (not by a render of the canvas). */
export const TOOLBAR_MOVED = 'oogst:toolbar-moved'

export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

export const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/**
 * Boxes of the elements matching `selectors` anywhere in the page (the toolbars live in different
 * layers over the canvas), in `container`'s coordinates, leaving out `self` and what lies inside
 * it, and elements that take no room.
 */
export function measureObstacles(
  container: Element,
  self: Element | null,
  selectors: readonly string[],
): Box[] {
  const origin = container.getBoundingClientRect()
  const boxes: Box[] = []
  for (const node of container.ownerDocument.querySelectorAll(selectors.join(','))) {
    if (self && (node === self || self.contains(node))) continue
    const box = node.getBoundingClientRect()
    if (box.width === 0) continue
    boxes.push({
      left: box.left - origin.left,
      top: box.top - origin.top,
      right: box.right - origin.left,
      bottom: box.bottom - origin.top,
    })
  }
  return boxes
}

/**
 * Calls `measure` after layout and once more in the next frame. Floating parts of the canvas are
 * placed in layout effects of their own, and one of them moving (the selection toolbar learns its
 * size only after its first render) does not re-render the others: the second pass sees where
 * everything settled. Without it the reactions ended up under the selection toolbar.
 */
export function useSettledLayout(measure: () => void): void {
  // No dependency list: measured after every render (the toolbars move with the view).
  useLayoutEffect(() => {
    measure()
    const frame = requestAnimationFrame(measure)
    return () => cancelAnimationFrame(frame)
  })
}

interface PlaceOptions {
  /** Where the toolbar goes when there is room: under the selection (default) or above it. */
  prefer?: 'below' | 'above'
  /** What it must not cover (selectors, searched in its offset parent). */
  avoid?: readonly string[]
}

/**
 * Where a toolbar centred under (`x`, `below`) can go without covering the canvas's own selection
 * toolbar or the bottom toolbar: the first of below the selection,
 * above it, or next to whatever it would cover that is free (`prefer: 'above'` tries above
 * first). Measured in the DOM after layout, because the toolbars wrap on a phone and their size is
 * not known up front. Before this the reactions sat under the bottom toolbar and "Dupliceren"
 * under the reactions.
 */
export function usePlaceClear(
  ref: RefObject<HTMLElement | null>,
  anchor: { x: number; below: number; above: number },
  area: { width: number; height: number },
  options: PlaceOptions = {},
): { left: number; top: number } {
  // The width is known only after layout, so the left edge is measured like the offset.
  const [width, setWidth] = useState(0)
  const [offset, setOffset] = useState(0)
  const placed = useRef({ width: 0, offset: 0 })
  const moves = useRef({ since: 0, count: 0 })
  const avoid = options.avoid ?? TOOLBAR_OBSTACLES
  const preferAbove = options.prefer === 'above'
  useSettledLayout(() => {
    const element = ref.current
    const container = element?.offsetParent
    if (!element || !container) return
    const width = element.offsetWidth
    const height = element.offsetHeight
    const obstacles = measureObstacles(container, element, avoid)
    const left = Math.max(MARGIN, Math.min(anchor.x - width / 2, area.width - width - MARGIN))
    const boxAt = (top: number): Box => ({ left, top, right: left + width, bottom: top + height })
    // Next to the selection, else next to whatever is in the way (nearest first): over the
    // selected note itself rather than under a toolbar, where nothing can be hit.
    const start = preferAbove ? anchor.above - height : anchor.below
    const near = [
      ...obstacles.map((box) => box.bottom + MARGIN),
      ...obstacles.map((box) => box.top - MARGIN - height),
    ].sort((a, b) => Math.abs(a - start) - Math.abs(b - start))
    const sides = preferAbove ? [anchor.above - height, anchor.below] : [anchor.below, anchor.above - height]
    const fits = (top: number) =>
      top >= 0 && top + height <= area.height && !obstacles.some((box) => overlaps(boxAt(top), box))
    const best = [...sides, ...near].find(fits) ?? Math.min(Math.max(0, start), area.height - height)
    const next = Math.round(best - anchor.below)
    const old = placed.current
    if (Math.abs(old.offset - next) < 1 && Math.abs(old.width - width) < 1) return
    // A size that depends on the place (text wrapping near an edge) could swing between two
    // places forever (React gives up: "maximum update depth"); a few moves in a row are plenty.
    const now = performance.now()
    if (now - moves.current.since > 200) moves.current = { since: now, count: 0 }
    if (++moves.current.count > 8) return
    placed.current = { width, offset: next }
    setWidth(width)
    setOffset(next)
    // The questions' edit buttons hide under toolbars; they look again once this one moved.
    window.dispatchEvent(new Event(TOOLBAR_MOVED))
  })
  return {
    left: Math.max(MARGIN, Math.min(anchor.x - width / 2, area.width - width - MARGIN)),
    top: anchor.below + offset,
  }
}
