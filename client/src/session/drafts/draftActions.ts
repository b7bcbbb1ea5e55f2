import { getNoteText, notesRoot } from '../../../../shared/src/model'
import type { DraftTarget } from '../../board/ops/draftOps'
import { applyTextEdit } from '../../canvas/textDiff'
import type { SessionView } from '../sessionView'

/** Where this person's drafts go: their drafts room, next to the board (null before it is open). */
export function draftTarget(view: SessionView): DraftTarget | null {
  return view.drafts
    ? { draftsDoc: view.drafts.doc, boardDoc: view.doc, author: { id: view.participantId, name: view.name } }
    : null
}

export function editDraftText(view: SessionView, noteId: string, value: string): void {
  const text = view.drafts ? getNoteText(view.drafts.doc, noteId) : null
  if (text) applyTextEdit(text, value)
}

/** A facilitator hid this draft: it will not be revealed. */
export function isDraftHidden(view: SessionView, noteId: string): boolean {
  const note = view.drafts ? notesRoot(view.drafts.doc).get(noteId) : undefined
  return note?.get('hidden') === true
}
