import type * as Y from 'yjs'
import { readNoteClusterId } from '../clusters'
import { listNotes, type NoteData, updateNote } from '../notes'
import { notesRoot } from '../schema'
import { listShapes, updateShape } from '../shapes'
import { listZones, updateZone, type ZoneData, zoneAtPoint } from '../zones'
import { boundsOf, centreOf, containsPoint, overlaps, type Point, type Rect, type Size } from './geometry'
import { type Block, pushBlocksDown } from './growZones'
import { flowPositions, freeSpotInZone, neededZoneHeight } from './zoneFlow'

/**
 * The rule that keeps canvas, list view, projector and report in agreement: a note's `zoneId`
 * and its place never disagree. A note with a zone has its centre inside that zone; a note
 * without one lies outside every zone. These functions read and write a content document so that
 * the rule holds; the client's board operations and the server (reveal, repair) both use them.
 */

/** Room between the rightmost zone and notes that belong to no question. */
const OUTSIDE_GAP = 40

/** A rectangle to keep clear of; a note says which zone it is in. */
export type Occupant = Rect & { zoneId?: string | null }

export interface BoardGeometry {
  zones: ZoneData[]
  notes: NoteData[]
}

export function readGeometry(doc: Y.Doc): BoardGeometry {
  return { zones: listZones(doc), notes: listNotes(doc) }
}

/** True when the note's zone and place agree (see above). */
export function isPlacementConsistent(
  note: Rect & { zoneId: string | null },
  zones: readonly ZoneData[],
): boolean {
  const centre = centreOf(note)
  if (note.zoneId === null) return zoneAtPoint(zones, centre.x, centre.y) === null
  const zone = zones.find((candidate) => candidate.id === note.zoneId)
  return zone !== undefined && containsPoint(zone, centre)
}

/** Notes whose zone and place disagree: what the repair fixes, and what tests assert is empty. */
export function misplacedNotes(doc: Y.Doc): NoteData[] {
  const { zones, notes } = readGeometry(doc)
  return notes.filter((note) => !isPlacementConsistent(note, zones))
}

/**
 * Where a note for `zoneId` goes: the zone's first free flow slot, or for "no question" a free
 * spot in a column right of every zone. `occupied` are the rectangles to keep clear of.
 */
export function spotForZone(
  zoneId: string | null,
  zones: readonly ZoneData[],
  occupied: readonly Occupant[],
  size: Size,
): Point {
  const zone = zones.find((candidate) => candidate.id === zoneId)
  // Notes of other zones are no obstacle: a zone below is pushed down when this one grows, so
  // skipping slots because of its notes would only leave holes.
  const known = new Set(zones.map((candidate) => candidate.id))
  const inTheWay = (rect: Occupant) =>
    rect.zoneId === undefined || rect.zoneId === null || rect.zoneId === zoneId || !known.has(rect.zoneId)
  if (zone) return freeSpotInZone(zone, occupied.filter(inTheWay), size)
  const bounds = boundsOf(zones)
  const outside: ZoneData = {
    id: '',
    title: '',
    prompt: '',
    color: '',
    order: 0,
    x: bounds ? bounds.x + bounds.width + OUTSIDE_GAP : 0,
    y: bounds ? bounds.y : 0,
    width: size.width + 40,
    height: 1,
  }
  return freeSpotInZone(outside, occupied, size)
}

/**
 * Puts an existing note into `zoneId` at the zone's first free slot (or outside every zone for
 * null). Does not grow the zone: call `fitZonesToNotes` after, where the writer may write zones.
 */
export function placeNoteInZone(
  doc: Y.Doc,
  noteId: string,
  zoneId: string | null,
  geometry = readGeometry(doc),
): Point | null {
  const note = geometry.notes.find((candidate) => candidate.id === noteId)
  if (!note) return null
  const known = zoneId !== null && geometry.zones.some((zone) => zone.id === zoneId) ? zoneId : null
  const others = geometry.notes.filter((other) => other.id !== noteId)
  const spot = spotForZone(known, geometry.zones, others, note)
  updateNote(doc, noteId, { x: spot.x, y: spot.y, zoneId: known })
  Object.assign(note, spot, { zoneId: known })
  return spot
}

/**
 * Grows every zone (or those in `only`) that its notes overflow, pushing what lies below down.
 * Returns the ids of the zones that grew. Zones are facilitators' to write, so a participant's
 * client leaves this to the server, which calls it after every stored change of notes.
 */
export function fitZonesToNotes(doc: Y.Doc, only?: ReadonlySet<string>): string[] {
  const { zones, notes } = readGeometry(doc)
  const byZone = new Map<string, NoteData[]>()
  for (const note of notes) {
    if (note.zoneId === null) continue
    const own = byZone.get(note.zoneId)
    if (own) own.push(note)
    else byZone.set(note.zoneId, [note])
  }
  const grow = new Map<string, number>()
  for (const zone of zones) {
    if (only && !only.has(zone.id)) continue
    const needed = neededZoneHeight(zone, byZone.get(zone.id) ?? [])
    if (needed > zone.height) grow.set(zone.id, needed)
  }
  if (grow.size === 0) return []
  const zoneIds = new Set(zones.map((zone) => zone.id))
  const freeNotes = notes.filter((note) => note.zoneId === null || !zoneIds.has(note.zoneId))
  const shapes = listShapes(doc).filter((shape) => shape.kind !== 'connector')
  const blocks: Block[] = [...zones, ...freeNotes, ...shapes]
  const { heights, shifts } = pushBlocksDown(blocks, grow)
  doc.transact(() => {
    for (const zone of zones) {
      const shift = shifts.get(zone.id) ?? 0
      const height = heights.get(zone.id)
      if (shift !== 0 || height !== undefined)
        updateZone(doc, zone.id, { y: zone.y + shift, ...(height !== undefined ? { height } : {}) })
      if (shift === 0) continue
      for (const note of byZone.get(zone.id) ?? []) updateNote(doc, note.id, { y: note.y + shift })
    }
    for (const note of freeNotes) {
      const shift = shifts.get(note.id)
      if (shift) updateNote(doc, note.id, { y: note.y + shift })
    }
    for (const shape of shapes) {
      const shift = shifts.get(shape.id)
      if (shift) updateShape(doc, shape.id, { y: shape.y + shift })
    }
  })
  return [...heights.keys()]
}

/** What a change to a note meant: its zone was chosen (list view, script) or it was moved. */
export type PlacementIntent = 'zone' | 'geometry'

/**
 * Makes the given notes consistent again after someone wrote one half of the pair. Where the zone
 * was written (or the note is new), the zone wins and the note moves into it visibly; where only
 * the place was written, the note belongs to the zone it now lies in. Returns the notes changed.
 */
export function repairPlacement(doc: Y.Doc, intents: ReadonlyMap<string, PlacementIntent>): string[] {
  const geometry = readGeometry(doc)
  const knownZones = new Set(geometry.zones.map((zone) => zone.id))
  const repaired: string[] = []
  doc.transact(() => {
    for (const [noteId, intent] of intents) {
      const note = geometry.notes.find((candidate) => candidate.id === noteId)
      if (!note) continue
      // Two people adding to a zone at the same moment compute the same free slot: the later
      // of two overlapping new notes moves on to the next free one.
      const crowded =
        intent === 'zone' &&
        note.zoneId !== null &&
        geometry.notes.some(
          (other) => other.id !== noteId && other.zoneId === note.zoneId && overlaps(other, note),
        )
      if (!crowded && isPlacementConsistent(note, geometry.zones)) continue
      const zoneKnown = note.zoneId === null || knownZones.has(note.zoneId)
      if (intent === 'zone' && zoneKnown) {
        placeNoteInZone(doc, noteId, note.zoneId, geometry)
      } else {
        const centre = centreOf(note)
        const zoneId = zoneAtPoint(geometry.zones, centre.x, centre.y)?.id ?? null
        updateNote(doc, noteId, { zoneId })
        note.zoneId = zoneId
      }
      repaired.push(noteId)
    }
  })
  return repaired
}

export type TidyOrder = 'votes' | 'time'

/**
 * "Netjes zetten": lays a zone's notes out again in rows, most votes first (or oldest first), the
 * notes of one group next to each other, then grows the zone to fit. One transaction.
 */
export function tidyZone(
  doc: Y.Doc,
  zoneId: string,
  order: TidyOrder,
  votes: ReadonlyMap<string, number>,
): number {
  const { zones, notes } = readGeometry(doc)
  const zone = zones.find((candidate) => candidate.id === zoneId)
  if (!zone) return 0
  const clusterOf = (note: NoteData) => {
    const map = notesRoot(doc).get(note.id)
    return (map && readNoteClusterId(map)) ?? ''
  }
  const own = notes.filter((note) => note.zoneId === zoneId)
  const score = (note: NoteData) => (order === 'votes' ? (votes.get(note.id) ?? 0) : 0)
  const groupScore = new Map<string, number>()
  for (const note of own) {
    const cluster = clusterOf(note)
    if (cluster) groupScore.set(cluster, (groupScore.get(cluster) ?? 0) + score(note))
  }
  const rank = (note: NoteData) => {
    const cluster = clusterOf(note)
    return cluster ? (groupScore.get(cluster) ?? 0) : score(note)
  }
  const sorted = [...own].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      clusterOf(a).localeCompare(clusterOf(b)) ||
      score(b) - score(a) ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  )
  const positions = flowPositions(zone, sorted)
  doc.transact(() => {
    for (const [id, spot] of positions) updateNote(doc, id, spot)
    fitZonesToNotes(doc, new Set([zoneId]))
  })
  return positions.size
}
