import type * as Y from 'yjs'
import {
  clampIntoZone,
  createNote,
  deleteNote,
  listNotes,
  listZones,
  NOTE_DEFAULT_SIZE,
  type NoteData,
  overlaps,
  type Point,
  spotForZone,
  updateNote,
  zoneAtPoint,
} from '../../../../shared/src/model'

/**
 * Private notes (drafts) before a reveal live in this person's drafts room, not on the board;
 * their places still follow the board's questions, so what the person sees while writing is where
 * the note is meant to go. Nobody sees anyone else's drafts, so the reveal places every draft in
 * its question's flow again (server/src/session/drafts.ts); here they only avoid the board's notes
 * and the person's own drafts.
 */

export interface DraftTarget {
  /** The drafts room's document. */
  draftsDoc: Y.Doc
  /** The board's content document: its zones and notes. */
  boardDoc: Y.Doc
  author: { id: string; name: string }
}

/** A new draft for `zoneId` (its next free slot), or at `at` (a double-click) kept inside the zone there. */
export function addDraft(target: DraftTarget, input: { zoneId?: string | null; at?: Point }): string {
  const zones = listZones(target.boardDoc)
  const occupied = [...listNotes(target.boardDoc), ...listNotes(target.draftsDoc)]
  const size = NOTE_DEFAULT_SIZE
  let zoneId = input.zoneId ?? null
  let spot: Point
  if (input.at) {
    const zone = zoneAtPoint(zones, input.at.x, input.at.y)
    zoneId = zone?.id ?? null
    const wanted = {
      x: Math.round(input.at.x - size.width / 2),
      y: Math.round(input.at.y - size.height / 2),
      ...size,
    }
    spot = zone ? clampIntoZone(zone, wanted) : wanted
    if (zone && occupied.some((note) => note.zoneId === zoneId && overlaps(note, { ...spot, ...size })))
      spot = spotForZone(zoneId, zones, occupied, size)
  } else {
    spot = spotForZone(zoneId, zones, occupied, size)
  }
  return createNote(target.draftsDoc, {
    ...spot,
    zoneId,
    authorId: target.author.id,
    authorName: target.author.name,
  })
}

/** A draft dragged by its strip: it belongs to the question it is dropped in, kept inside it. */
export function moveDraft(target: DraftTarget, note: NoteData, to: Point): void {
  const zones = listZones(target.boardDoc)
  const zone = zoneAtPoint(zones, to.x + note.width / 2, to.y + note.height / 2)
  const spot = zone ? clampIntoZone(zone, { ...note, ...to }) : { x: Math.round(to.x), y: Math.round(to.y) }
  updateNote(target.draftsDoc, note.id, { ...spot, zoneId: zone?.id ?? null })
}

export function removeDraft(target: DraftTarget, noteId: string): void {
  deleteNote(target.draftsDoc, noteId)
}
