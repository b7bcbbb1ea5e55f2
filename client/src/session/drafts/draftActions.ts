import {
  createNote,
  deleteNote,
  getNoteText,
  NOTE_DEFAULT_SIZE,
  type NoteData,
  notesRoot,
  updateNote,
  type ZoneData,
  zoneAtPoint,
} from '../../../../shared/src/model'
import { findFreeSpot } from '../../canvas/freeSpot'
import { applyTextEdit } from '../../canvas/textDiff'
import { zoneHeaderHeight } from '../../canvas/ZoneShape'
import type { SessionView } from '../sessionView'
import { Store } from '../sessionView'

/** The draft that was just made, so its text field takes the focus once it is on screen. */
export const draftToFocus = new Store<string | null>(null)

/** A whole number from an id, the same on every device. */
function hashOf(id: string): number {
  let hash = 0
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return hash
}

/**
 * Where this person's first draft goes in a zone. Nobody sees anyone else's drafts, so people
 * cannot avoid each other's spots; without this every first note would land in the middle of the
 * zone, and after the reveal they would all lie on top of each other. The zone is cut into at
 * least as many cells as there are participants online, and each takes the cell of their place
 * in the (sorted) list of participants; their next notes go next to their first.
 */
export function personalSpot(
  zone: ZoneData,
  participantId: string,
  participants: readonly string[],
): { x: number; y: number } {
  const top = zone.y + zoneHeaderHeight(zone)
  const height = Math.max(100, zone.y + zone.height - top)
  const people = Math.max(1, participants.length)
  const side = Math.max(100, Math.min(220, Math.sqrt((zone.width * height) / people)))
  const columns = Math.max(1, Math.floor(zone.width / side))
  const rows = Math.max(1, Math.floor(height / side))
  const place = [...participants].sort().indexOf(participantId)
  const cell = (place >= 0 ? place : hashOf(participantId)) % (columns * rows)
  const column = cell % columns
  const row = Math.floor(cell / columns)
  return {
    x: zone.x + (zone.width / columns) * (column + 0.5),
    y: top + (height / rows) * (row + 0.5),
  }
}

/**
 * A new private note in this person's drafts room: in the round's question (its first zone) when
 * there is one, else where they are looking, at a free spot near their other notes; or exactly at
 * `at` (a double-click on the board).
 */
export function addDraft(view: SessionView, at?: { x: number; y: number }): string | null {
  const drafts = view.drafts
  if (!drafts) return null
  const size = NOTE_DEFAULT_SIZE
  const zone = view.zones.find((candidate) => candidate.id === view.state.current?.zoneIds[0])
  const { viewport, size: screen } = view.bridge
  const own = drafts.notes.at(-1)
  const centre = own
    ? { x: own.x + own.width / 2, y: own.y + own.height / 2 }
    : zone
      ? personalSpot(zone, view.participantId, view.onlineParticipants)
      : viewport && screen
        ? {
            x: (screen.width / 2 - viewport.x) / viewport.scale,
            y: (screen.height / 2 - viewport.y) / viewport.scale,
          }
        : { x: 200, y: 200 }
  const spot = at
    ? { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) }
    : findFreeSpot(centre, size, [...view.notes, ...drafts.notes], view.zones)
  const zoneId = zoneAtPoint(view.zones, spot.x + size.width / 2, spot.y + size.height / 2)?.id ?? null
  const id = createNote(drafts.doc, {
    ...spot,
    authorId: view.participantId,
    authorName: view.name,
    zoneId,
  })
  draftToFocus.set(id)
  return id
}

export function editDraftText(view: SessionView, noteId: string, value: string): void {
  const text = view.drafts ? getNoteText(view.drafts.doc, noteId) : null
  if (text) applyTextEdit(text, value)
}

export function moveDraft(view: SessionView, note: NoteData, to: { x: number; y: number }): void {
  if (!view.drafts) return
  const zoneId = zoneAtPoint(view.zones, to.x + note.width / 2, to.y + note.height / 2)?.id ?? null
  updateNote(view.drafts.doc, note.id, { x: Math.round(to.x), y: Math.round(to.y), zoneId })
}

export function removeOwnDraft(view: SessionView, noteId: string): void {
  if (view.drafts) deleteNote(view.drafts.doc, noteId)
}

/** A facilitator hid this draft: it will not be revealed. */
export function isDraftHidden(view: SessionView, noteId: string): boolean {
  const note = view.drafts ? notesRoot(view.drafts.doc).get(noteId) : undefined
  return note?.get('hidden') === true
}
