import { NOTE_DEFAULT_SIZE } from '../notes'
import type { ZoneData } from '../zones'
import {
  NOTE_GAP,
  overlaps,
  type Point,
  type Rect,
  type Size,
  ZONE_PADDING,
  zoneContentArea,
} from './geometry'

/**
 * How a zone lays out its notes: a flow of rows as wide as the zone, below its question, in
 * reading order. A new note takes the first slot no other note covers; when every slot inside the
 * zone is taken, the next one lies below the zone's bottom and the zone grows to hold it (see
 * growZones.ts). A zone never runs out of room, whatever the number of notes.
 */

/** Far more slots than any board has notes; a guard against an endless search, not a limit. */
const MAX_SLOTS = 20_000

export interface FlowGrid {
  left: number
  top: number
  columns: number
  cell: Size
}

/** The grid of slots for notes of the default size, centred in the zone's width. */
export function flowGrid(zone: ZoneData, cell: Size = NOTE_DEFAULT_SIZE): FlowGrid {
  const area = zoneContentArea(zone)
  const columns = Math.max(1, Math.floor((area.width + NOTE_GAP) / (cell.width + NOTE_GAP)))
  const used = columns * cell.width + (columns - 1) * NOTE_GAP
  return { left: Math.round(area.x + Math.max(0, (area.width - used) / 2)), top: area.y, columns, cell }
}

export function slotAt(grid: FlowGrid, index: number): Point {
  const column = index % grid.columns
  const row = Math.floor(index / grid.columns)
  return {
    x: grid.left + column * (grid.cell.width + NOTE_GAP),
    y: Math.round(grid.top + row * (grid.cell.height + NOTE_GAP)),
  }
}

/**
 * The first free slot of the zone's flow for a note of `size`: one that overlaps none of
 * `occupied` (every note on the board, so a note someone dragged in by hand is respected, and
 * notes of a neighbour are never covered). May lie below the zone's bottom: the zone grows.
 */
export function freeSpotInZone(
  zone: ZoneData,
  occupied: readonly Rect[],
  size: Size = NOTE_DEFAULT_SIZE,
): Point {
  const grid = flowGrid(zone)
  // Only notes near the zone can collide; filtering first keeps a 2,000-note board quick.
  const nearby = occupied.filter((rect) => rect.x < zone.x + zone.width && rect.x + rect.width > zone.x)
  for (let index = 0; index < MAX_SLOTS; index++) {
    const spot = slotAt(grid, index)
    const candidate = { x: spot.x, y: spot.y, width: size.width, height: size.height }
    if (!nearby.some((rect) => overlaps(candidate, rect))) return spot
  }
  return slotAt(grid, MAX_SLOTS)
}

/**
 * Places notes of any size in order, row by row (a shelf layout): used when a facilitator tidies
 * a zone ("Netjes zetten") and when a reveal brings many drafts at once.
 */
export function flowPositions(zone: ZoneData, notes: readonly (Size & { id: string })[]): Map<string, Point> {
  const area = zoneContentArea(zone)
  const grid = flowGrid(zone)
  const right = area.x + area.width
  const positions = new Map<string, Point>()
  let x = grid.left
  let y = area.y
  let rowHeight = 0
  for (const note of notes) {
    if (x > grid.left && x + note.width > right) {
      x = grid.left
      y += rowHeight + NOTE_GAP
      rowHeight = 0
    }
    positions.set(note.id, { x: Math.round(x), y: Math.round(y) })
    x += note.width + NOTE_GAP
    rowHeight = Math.max(rowHeight, note.height)
  }
  return positions
}

/** The height a zone needs so that every one of its notes lies inside it (padding included). */
export function neededZoneHeight(zone: ZoneData, notes: readonly Rect[]): number {
  let bottom = zone.y + zone.height
  for (const note of notes) bottom = Math.max(bottom, note.y + note.height + ZONE_PADDING)
  return Math.ceil(bottom - zone.y)
}
