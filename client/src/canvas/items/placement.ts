import { type ZoneData, zoneAtPoint } from '../../../../shared/src/model'
import { findFreeSpot } from '../freeSpot'
import type { Rect } from '../viewport'

/**
 * Where notes may go. A zone a facilitator locked is closed to participants: they may not add a
 * note to it nor move one into it (the server refuses such an update with 4409 and the page
 * reloads). The closed zones are the ids in the canvas's `locked` set (the session's one lock
 * rule, see useBoardSession); for facilitators that set is empty, so nothing is closed.
 */

const NOTHING: ReadonlySet<string> = new Set()

/** The zone a note belongs to: the one its centre lies in. */
export function zoneIdAt(
  zones: readonly ZoneData[],
  x: number,
  y: number,
  size: { width: number; height: number },
): string | null {
  return zoneAtPoint(zones, x + size.width / 2, y + size.height / 2)?.id ?? null
}

export function isClosedZone(closed: ReadonlySet<string> | undefined, zoneId: string | null): boolean {
  return zoneId !== null && Boolean(closed?.has(zoneId))
}

export interface NewNoteSpot {
  x: number
  y: number
  zoneId: string | null
  /** True when the wanted spot was in a closed zone and the note went next to it instead. */
  movedOut: boolean
}

/**
 * A new note's place: where it was wanted, unless that is in a closed zone; then the nearest free
 * spot outside it. Moving it out (rather than refusing) keeps what the person typed or pasted,
 * and the canvas says why it is not where they pointed.
 */
export function placeNewNote(
  wanted: { x: number; y: number },
  size: { width: number; height: number },
  context: { zones: readonly ZoneData[]; notes: readonly Rect[]; closed?: ReadonlySet<string> },
): NewNoteSpot {
  const { zones, notes, closed = NOTHING } = context
  const zoneId = zoneIdAt(zones, wanted.x, wanted.y, size)
  if (!isClosedZone(closed, zoneId)) return { x: wanted.x, y: wanted.y, zoneId, movedOut: false }
  const centre = { x: wanted.x + size.width / 2, y: wanted.y + size.height / 2 }
  const spot = findFreeSpot(centre, size, notes, zones, closed)
  return { ...spot, zoneId: zoneIdAt(zones, spot.x, spot.y, size), movedOut: true }
}

/** True when one of these note moves would put a note into a closed zone. */
export function movesIntoClosedZone(
  moves: readonly { id: string; x: number; y: number }[],
  notes: ReadonlyMap<string, { width: number; height: number }>,
  zones: readonly ZoneData[],
  closed: ReadonlySet<string> | undefined,
): boolean {
  if (!closed || closed.size === 0) return false
  return moves.some((move) => {
    const note = notes.get(move.id)
    return note !== undefined && isClosedZone(closed, zoneIdAt(zones, move.x, move.y, note))
  })
}
