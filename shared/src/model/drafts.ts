import * as Y from 'yjs'
import { listNotes, type NoteData } from './notes'
import { notesRoot } from './schema'

/**
 * A participant's drafts room (`<boardId>/drafts/<participantId>`) holds notes in the same schema
 * as the content document, plus `hidden: boolean`, set by a facilitator who keeps a draft back
 * from the reveal (a name, a phone number, hurtful text).
 */
export interface DraftNote extends NoteData {
  hidden: boolean
}

export function listDrafts(draftsDoc: Y.Doc): DraftNote[] {
  const root = notesRoot(draftsDoc)
  return listNotes(draftsDoc).map((note) => ({ ...note, hidden: root.get(note.id)?.get('hidden') === true }))
}

export function setDraftHidden(draftsDoc: Y.Doc, noteId: string, hidden: boolean): boolean {
  const note = notesRoot(draftsDoc).get(noteId)
  if (!(note instanceof Y.Map)) return false
  note.set('hidden', hidden)
  return true
}
