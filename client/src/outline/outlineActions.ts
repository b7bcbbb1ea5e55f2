import type * as Y from 'yjs'
import {
  createNote,
  deleteNote,
  getNoteText,
  NOTE_DEFAULT_SIZE,
  NOTE_MAX_TEXT_LENGTH,
  type NoteData,
  updateNote,
  type ZoneData,
} from '../../../shared/src/model'
import { findFreeSpot } from '../canvas/freeSpot'
import { boundsOf, type Point } from '../canvas/viewport'
import { localEdit } from '../sync/localOrigin'
import { applyFormEdit } from './mergeEdit'

/**
 * Writes from the list view. They keep the canvas consistent: a note added to or moved into a
 * question gets a free spot inside that question's zone, so it is in the same place on the board.
 * All are local edits (per-user undo applies).
 */

const GAP = 40

/** Where a note for `zoneId` goes: a free spot in that zone, or right of everything for "no zone". */
function spotFor(zoneId: string | null, notes: readonly NoteData[], zones: readonly ZoneData[]): Point {
  const size = NOTE_DEFAULT_SIZE
  const zone = zones.find((candidate) => candidate.id === zoneId)
  if (zone) {
    const centre = { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 }
    return findFreeSpot(centre, size, notes, zones)
  }
  const bounds = boundsOf(zones)
  const start = bounds
    ? { x: bounds.x + bounds.width + GAP + size.width / 2, y: bounds.y + size.height / 2 }
    : { x: size.width / 2, y: size.height / 2 }
  return findFreeSpot(start, size, notes, zones)
}

export function addNoteInZone(
  doc: Y.Doc,
  input: { zoneId: string | null; text: string; author: { id: string; name: string } },
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
): string {
  const { x, y } = spotFor(input.zoneId, notes, zones)
  return localEdit(doc, () =>
    createNote(doc, {
      x,
      y,
      text: input.text,
      zoneId: input.zoneId,
      authorId: input.author.id,
      authorName: input.author.name,
    }),
  )
}

/**
 * Saves the form's text: only what the person changed since `base` (the text when they started),
 * so what someone else typed in the same note meanwhile is kept.
 */
export function editNoteText(doc: Y.Doc, noteId: string, base: string, value: string): void {
  const text = getNoteText(doc, noteId)
  if (!text) return
  localEdit(doc, () => applyFormEdit(text, base, value.slice(0, NOTE_MAX_TEXT_LENGTH)))
}

export function moveNoteToZone(
  doc: Y.Doc,
  noteId: string,
  zoneId: string | null,
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
): void {
  const others = notes.filter((note) => note.id !== noteId)
  const { x, y } = spotFor(zoneId, others, zones)
  localEdit(doc, () => updateNote(doc, noteId, { x, y, zoneId }))
}

export function removeNote(doc: Y.Doc, noteId: string): void {
  localEdit(doc, () => deleteNote(doc, noteId))
}
