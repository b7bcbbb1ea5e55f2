import {
  createNote,
  deleteNote,
  getNoteText,
  NOTE_DEFAULT_SIZE,
  type NoteData,
  notesRoot,
  updateNote,
  zoneAtPoint,
} from '../../../../shared/src/model'
import { findFreeSpot } from '../../canvas/freeSpot'
import { applyTextEdit } from '../../canvas/textDiff'
import type { SessionView } from '../sessionView'
import { Store } from '../store'

/** The draft that was just made, so its text field takes the focus once it is on screen. */
export const draftToFocus = new Store<string | null>(null)

/**
 * A new private note in this person's drafts room: in the round's question (its first zone) when
 * there is one, else where they are looking, at a free spot near other notes (drafts and board).
 */
export function addDraft(view: SessionView, at?: { x: number; y: number }): string | null {
  const drafts = view.drafts
  if (!drafts) return null
  const size = NOTE_DEFAULT_SIZE
  const zone = view.zones.find((candidate) => candidate.id === view.state.current?.zoneIds[0])
  const { viewport, size: screen } = view.bridge
  const centre =
    at ??
    (zone
      ? { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 }
      : viewport && screen
        ? {
            x: (screen.width / 2 - viewport.x) / viewport.scale,
            y: (screen.height / 2 - viewport.y) / viewport.scale,
          }
        : { x: 200, y: 200 })
  const obstacles = [...view.notes, ...drafts.notes]
  const spot = at
    ? { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) }
    : findFreeSpot(centre, size, obstacles, view.zones)
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
