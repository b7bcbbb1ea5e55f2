import type * as Y from 'yjs'
import type { Role } from '../roles'
import { sessionRoot } from './schema'

/**
 * Whose notes a participant may change (issue 14, "Notes do not vanish"). By default a
 * participant edits and deletes only their own notes; others' notes they may move and group
 * (x, y, zoneId, z, clusterId) and react to, because sorting the wall together is the point of
 * a harvest. A facilitator can open every note to everyone for co-creation: the control
 * document's `session.notesOpen` (facilitators write the control document, so no socket of a
 * participant can switch it on). The server enforces the same rule (server/src/session/writePolicy.ts);
 * the client uses `mayChangeNote` so it never offers what the server would refuse.
 */

const NOTES_OPEN = 'notesOpen'

/** Fields of someone else's note that a participant may still write: place and group. */
export const MOVABLE_NOTE_FIELDS: ReadonlySet<string> = new Set(['x', 'y', 'zoneId', 'z', 'clusterId'])

/** Fields that say who wrote a note: nobody but the server's rules may change them later. */
export const AUTHOR_NOTE_FIELDS: ReadonlySet<string> = new Set(['authorId', 'authorName', 'enteredBy'])

/** "Iedereen mag alle briefjes aanpassen": true when participants may change every note. */
export function readNotesOpen(controlDoc: Y.Doc): boolean {
  return sessionRoot(controlDoc).get(NOTES_OPEN) === true
}

export function writeNotesOpen(controlDoc: Y.Doc, open: boolean): void {
  if (readNotesOpen(controlDoc) !== open) sessionRoot(controlDoc).set(NOTES_OPEN, open)
}

/**
 * May this person change the text, colour or size of a note, or delete it? Facilitators always;
 * participants their own notes, or every note while the board is open for co-creation.
 */
export function mayChangeNote(
  note: { authorId: string },
  person: { id: string; role: Role },
  notesOpen: boolean,
): boolean {
  if (person.role === 'facilitator') return true
  if (person.role !== 'participant') return false
  return notesOpen || (note.authorId !== '' && note.authorId === person.id)
}
