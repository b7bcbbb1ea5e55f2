import type { BilingualText } from './schema'

/**
 * Helpers for writing built-in templates by hand: a grid so zones line up with equal gaps, soft
 * zone colours, and a short way to write a Dutch text with its English translation.
 */

/** Space between zones: enough to see where one zone ends, small enough to keep the board compact. */
export const ZONE_GAP = 40

/**
 * Zone background tints. Light, so the coloured notes on top stay readable (contrast) and so the
 * tint only groups zones, never carries meaning on its own.
 */
export const ZONE_TINTS = {
  sand: '#f4f1ea',
  sky: '#e7f0fa',
  mint: '#e7f4e4',
  sun: '#fcf5d9',
  rose: '#fbe9ee',
  lilac: '#efe9fa',
} as const

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface GridSpec {
  /** Width of one column; zones spanning several columns also cover the gaps between them. */
  columnWidth: number
  /** Height of every row, top to bottom. Rows may differ, e.g. a lower central-question row. */
  rowHeights: readonly number[]
  gap?: number
}

/** A function that returns the rectangle of a cell (or a span of cells) in the grid. */
export type GridCell = (column: number, row: number, columnSpan?: number, rowSpan?: number) => Rect

export function grid(spec: GridSpec): GridCell {
  const gap = spec.gap ?? ZONE_GAP
  const rowTop = (row: number): number => {
    let top = 0
    for (let r = 0; r < row; r++) top += (spec.rowHeights[r] ?? 0) + gap
    return top
  }
  return (column, row, columnSpan = 1, rowSpan = 1) => {
    if (row + rowSpan > spec.rowHeights.length) throw new Error(`grid has no row ${row + rowSpan - 1}`)
    const y = rowTop(row)
    return {
      x: column * (spec.columnWidth + gap),
      y,
      width: columnSpan * spec.columnWidth + (columnSpan - 1) * gap,
      height: rowTop(row + rowSpan) - gap - y,
    }
  }
}

/** A Dutch text with its English translation. */
export function nlEn(nl: string, en: string): BilingualText {
  return { nl, en }
}
