import { type RefObject, useLayoutEffect, useState } from 'react'

/** What a floating toolbar must never cover or be covered by (in the canvas area). */
const OBSTACLES = ['[data-testid=selection-toolbar]', '.canvas-toolbar > *', '.zone-edit-button']
const MARGIN = 8

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/**
 * Where a toolbar centred under (`x`, `below`) can go without covering the canvas's own selection
 * toolbar, the bottom toolbar or a question's edit button: the first of below the selection,
 * below whatever it would cover, or above the selection that is free. Measured in the DOM after
 * layout, because both toolbars wrap on a phone and their size is not known up front. Before this
 * the reactions sat under the bottom toolbar and "Dupliceren" under the reactions.
 */
export function usePlaceClear(
  ref: RefObject<HTMLElement | null>,
  anchor: { x: number; below: number; above: number },
  area: { width: number; height: number },
): { left: number; top: number } {
  const [offset, setOffset] = useState(0)
  // No dependency list: measured after every render (the toolbars move with the view).
  useLayoutEffect(() => {
    const element = ref.current
    const container = element?.offsetParent
    if (!element || !container) return
    const origin = container.getBoundingClientRect()
    const width = element.offsetWidth
    const height = element.offsetHeight
    const obstacles: Box[] = []
    for (const node of container.ownerDocument.querySelectorAll(OBSTACLES.join(','))) {
      if (node === element || element.contains(node)) continue
      const box = node.getBoundingClientRect()
      if (box.width === 0) continue
      obstacles.push({
        left: box.left - origin.left,
        top: box.top - origin.top,
        right: box.right - origin.left,
        bottom: box.bottom - origin.top,
      })
    }
    const left = Math.max(MARGIN, Math.min(anchor.x - width / 2, area.width - width - MARGIN))
    const boxAt = (top: number): Box => ({ left, top, right: left + width, bottom: top + height })
    // Right under the selection, else above it, else next to whatever is in the way (nearest
    // first): over the selected note itself rather than under a toolbar, where nothing can be hit.
    const near = [
      ...obstacles.map((box) => box.bottom + MARGIN),
      ...obstacles.map((box) => box.top - MARGIN - height),
    ].sort((a, b) => Math.abs(a - anchor.below) - Math.abs(b - anchor.below))
    const candidates = [anchor.below, anchor.above - height, ...near]
    const fits = (top: number) =>
      top >= 0 && top + height <= area.height && !obstacles.some((box) => overlaps(boxAt(top), box))
    const best = candidates.find(fits) ?? Math.min(Math.max(0, anchor.below), area.height - height)
    const next = Math.round(best - anchor.below)
    setOffset((old) => (Math.abs(old - next) < 1 ? old : next))
  })
  const width = ref.current?.offsetWidth ?? 0
  return {
    left: Math.max(MARGIN, Math.min(anchor.x - width / 2, area.width - width - MARGIN)),
    top: anchor.below + offset,
  }
}
