import * as Y from 'yjs'
import {
  fitZonesToNotes,
  isPlacementConsistent,
  listZones,
  type NoteData,
  neededZoneHeight,
  notesRoot,
  overlaps,
  type PlacementIntent,
  readNote,
  repairPlacement,
  zonesRoot,
} from '../../../shared/src/model'
import { parseRoomName } from '../../../shared/src/rooms'
import type { SyncExtension } from '../sync/hooks'
import type { Room } from '../sync/room'
import type { RoomManager } from '../sync/roomManager'

/**
 * Keeps every board's notes inside their questions, whoever wrote them: the app (a participant's
 * client cannot grow a zone, zones are facilitators'), an old client, or a third-party script
 * that sets only `zoneId` or only `x`/`y` (docs/api.md). After a stored change of a content
 * room it looks at the notes that change touched; where a note's zone and place disagree, two new
 * notes overlap, or a zone's notes overflow it, it writes the repair as a server change (stored,
 * then broadcast, like any other). A repair is itself consistent, so it never triggers another.
 */

const GEOMETRY_KEYS = new Set(['x', 'y', 'width', 'height'])

/**
 * What the transaction meant for which notes (see PlacementIntent): a written `zoneId` (or a new
 * note with one) means "in this question"; a written place alone means "here".
 */
export function placementIntents(transaction: Y.Transaction, doc: Y.Doc): Map<string, PlacementIntent> {
  // As plain types, to compare with the transaction's changed types.
  const notes: unknown = notesRoot(doc)
  const zones: unknown = zonesRoot(doc)
  const intents = new Map<string, PlacementIntent>()
  const zonesChanged = [...transaction.changed.keys()].some((type) => type === zones || type.parent === zones)
  for (const [type, keys] of transaction.changed) {
    if (type === notes) {
      // A new note with a question goes into it; one without belongs where it was put.
      for (const key of keys) {
        const note = key === null ? undefined : notesRoot(doc).get(key)
        if (key !== null && note instanceof Y.Map)
          intents.set(key, typeof note.get('zoneId') === 'string' ? 'zone' : 'geometry')
      }
      continue
    }
    if (!(type instanceof Y.Map) || type.parent !== notes) continue
    const id = type._item?.parentSub
    if (!id || intents.get(id) === 'zone') continue
    if (keys.has('zoneId')) intents.set(id, 'zone')
    else if ([...keys].some((key) => key !== null && GEOMETRY_KEYS.has(key))) intents.set(id, 'geometry')
  }
  // A zone that was changed (resized by a facilitator) keeps its notes: they move back into it.
  if (zonesChanged) for (const id of notesRoot(doc).keys()) if (!intents.has(id)) intents.set(id, 'zone')
  return intents
}

/**
 * The notes whose `zoneId` is one of `zoneIds`, read whole; the others are only asked their
 * `zoneId`. Reading every note whole (its text too) on each stored add or move was 6–8 % of the
 * server's CPU under the bench's edits, growing with the board (issue 17 profile).
 */
function notesInZones(doc: Y.Doc, zoneIds: ReadonlySet<string>): NoteData[] {
  const found: NoteData[] = []
  notesRoot(doc).forEach((note, id) => {
    if (!(note instanceof Y.Map)) return
    const zoneId = note.get('zoneId')
    if (typeof zoneId === 'string' && zoneIds.has(zoneId)) found.push(readNote(id, note))
  })
  return found
}

/** Read-only check, so the common case (nothing wrong) costs no copy of the document. */
export function needsRepair(doc: Y.Doc, intents: ReadonlyMap<string, PlacementIntent>): boolean {
  const zones = listZones(doc)
  const root = notesRoot(doc)
  const touched: Array<{ note: NoteData; intent: PlacementIntent }> = []
  for (const [id, intent] of intents) {
    const map = root.get(id)
    if (!(map instanceof Y.Map)) continue
    const note = readNote(id, map)
    if (!isPlacementConsistent(note, zones)) return true
    if (note.zoneId !== null) touched.push({ note, intent })
  }
  const zoneIds = new Set(touched.map(({ note }) => note.zoneId as string))
  if (zoneIds.size === 0) return false
  const inZones = notesInZones(doc, zoneIds)
  for (const { note, intent } of touched) {
    if (
      intent === 'zone' &&
      inZones.some((other) => other.id !== note.id && other.zoneId === note.zoneId && overlaps(other, note))
    )
      return true
  }
  return zones.some(
    (zone) =>
      zoneIds.has(zone.id) &&
      neededZoneHeight(
        zone,
        inZones.filter((note) => note.zoneId === zone.id),
      ) > zone.height,
  )
}

/** Registered with the sync core (sync/hooks.ts) as an extension. */
export class PlacementGuard implements SyncExtension {
  constructor(private readonly log?: (message: string, error?: unknown) => void) {}

  /** The content room's root types exist before the first update. */
  readonly onRoomCreated = (room: Room): void => {
    if (parseRoomName(room.name)?.kind !== 'content') return
    notesRoot(room.doc)
    zonesRoot(room.doc)
  }

  /** A stored change that left notes outside their zone (or a zone too small) is repaired. */
  readonly afterStoredApply = (room: Room, transaction: Y.Transaction, rooms: RoomManager): void => {
    if (parseRoomName(room.name)?.kind !== 'content') return
    const intents = placementIntents(transaction, room.doc)
    if (intents.size === 0 || !needsRepair(room.doc, intents)) return
    void rooms
      .change(room.name, (doc) => {
        doc.transact(() => {
          repairPlacement(doc, intents)
          fitZonesToNotes(doc)
        })
      })
      .catch((error) => this.log?.(`room ${room.name}: placement repair failed`, error))
  }
}
