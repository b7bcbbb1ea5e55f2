import { overlapsHorizontally, type Rect } from './geometry'

/**
 * A full zone grows downward, and what lies below it moves down by as much, keeping the gaps the
 * template drew: so the board keeps reading top to bottom and no zone ever covers another. We grow
 * rather than scroll within a zone because a projector, a screenshot and the PNG/PDF report must
 * show every note without anyone scrolling.
 *
 * "Blocks" are what can be pushed: zones (their notes move with them) and free items (notes in no
 * zone, shapes and labels). The pure computation is here; boardLayout.ts writes it.
 */

export interface Block extends Rect {
  id: string
}

export interface PushResult {
  /** New heights of the zones that grew. */
  heights: Map<string, number>
  /** How far each moved block goes down (only those that move). */
  shifts: Map<string, number>
}

/**
 * Grows the zones in `grow` (zone id → new height, never smaller than now) and pushes every block
 * below a growing or moving block down so that the vertical gap between them stays what it was.
 * Only blocks that overlap horizontally push each other (a zone beside a growing one stays put).
 */
export function pushBlocksDown(blocks: readonly Block[], grow: ReadonlyMap<string, number>): PushResult {
  const heights = new Map<string, number>()
  for (const block of blocks) {
    const wanted = grow.get(block.id)
    if (wanted !== undefined && wanted > block.height) heights.set(block.id, Math.ceil(wanted))
  }
  const shifts = new Map<string, number>()
  if (heights.size === 0) return { heights, shifts }
  // In order from the top: every block's final place is known before the blocks below it look.
  const ordered = [...blocks].sort((a, b) => a.y - b.y || a.x - b.x)
  const finalTop = new Map<string, number>()
  const finalBottom = (block: Block) =>
    (finalTop.get(block.id) ?? block.y) + (heights.get(block.id) ?? block.height)
  for (const [index, block] of ordered.entries()) {
    let top = block.y
    for (const above of ordered.slice(0, index)) {
      const bottomBefore = above.y + above.height
      // Only blocks wholly above (a block beside or overlapping this one does not push it).
      if (bottomBefore > block.y + 1 || !overlapsHorizontally(above, block)) continue
      const gap = block.y - bottomBefore
      top = Math.max(top, finalBottom(above) + gap)
    }
    finalTop.set(block.id, top)
    if (top > block.y) shifts.set(block.id, Math.ceil(top - block.y))
  }
  return { heights, shifts }
}
