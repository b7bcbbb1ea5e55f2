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
import { diffText, type TextSplice } from '../canvas/textDiff'
import { boundsOf, type Point } from '../canvas/viewport'
import { localCommand } from '../sync/localOrigin'

/**
 * The list view edits a note in a form and saves it as a whole. Meanwhile someone else may have
 * typed in the same note. Instead of overwriting their words, the change made in the form
 * (`base` → `mine`) is rebased onto the text as it is now (`base` → `current`): both are single
 * splices, so this is a small three-way merge. Only where both changed the same characters does
 * the form's version win.
 */
export function rebaseSplice(base: string, mine: string, current: string): TextSplice | null {
  const own = diffText(base, mine)
  if (!own) return null
  const theirs = diffText(base, current)
  if (!theirs) return own
  const ownEnd = own.index + own.deleteCount
  const theirEnd = theirs.index + theirs.deleteCount
  const ownDelta = own.insert.length - own.deleteCount
  const theirDelta = theirs.insert.length - theirs.deleteCount
  if (theirEnd <= own.index) return { ...own, index: own.index + theirDelta }
  if (theirs.index >= ownEnd) return own
  // Overlap: replace the region both touched with the form's version of it.
  const start = Math.min(own.index, theirs.index)
  const end = Math.max(ownEnd, theirEnd)
  return { index: start, deleteCount: end + theirDelta - start, insert: mine.slice(start, end + ownDelta) }
}

/** Applies the form's edit to the shared text (call inside a local transaction). */
export function applyFormEdit(text: Y.Text, base: string, mine: string): void {
  const splice = rebaseSplice(base, mine, text.toString())
  if (!splice) return
  if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount)
  if (splice.insert) text.insert(splice.index, splice.insert)
}

/**
 * Writes from the list view. They keep the canvas consistent: a note added to or moved into a
 * question gets a free spot inside that question's zone, so it is in the same place on the board.
 * All are local edits (per-user undo applies).
 */

const GAP = 40
const NOTHING: ReadonlySet<string> = new Set()

/**
 * Where a note for `zoneId` goes: a free spot in that zone, or right of everything for "no zone";
 * never in a zone in `closed` (locked ones: a crowded zone's spill-over must not land there).
 */
function spotFor(
  zoneId: string | null,
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  closed: ReadonlySet<string>,
): Point {
  const size = NOTE_DEFAULT_SIZE
  const zone = zones.find((candidate) => candidate.id === zoneId)
  if (zone) {
    const centre = { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 }
    return findFreeSpot(centre, size, notes, zones, closed)
  }
  const bounds = boundsOf(zones)
  const start = bounds
    ? { x: bounds.x + bounds.width + GAP + size.width / 2, y: bounds.y + size.height / 2 }
    : { x: size.width / 2, y: size.height / 2 }
  return findFreeSpot(start, size, notes, zones, closed)
}

export function addNoteInZone(
  doc: Y.Doc,
  input: { zoneId: string | null; text: string; author: { id: string; name: string } },
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  closed: ReadonlySet<string> = NOTHING,
): string {
  const { x, y } = spotFor(input.zoneId, notes, zones, closed)
  return localCommand(doc, () =>
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
  localCommand(doc, () => applyFormEdit(text, base, value.slice(0, NOTE_MAX_TEXT_LENGTH)))
}

export function moveNoteToZone(
  doc: Y.Doc,
  noteId: string,
  zoneId: string | null,
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  closed: ReadonlySet<string> = NOTHING,
): void {
  const others = notes.filter((note) => note.id !== noteId)
  const { x, y } = spotFor(zoneId, others, zones, closed)
  localCommand(doc, () => updateNote(doc, noteId, { x, y, zoneId }))
}

export function removeNote(doc: Y.Doc, noteId: string): void {
  localCommand(doc, () => deleteNote(doc, noteId))
}
