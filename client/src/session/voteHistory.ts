import { recordExternalStep } from '../sync/undoHistory'
import type { SessionView } from './sessionView'

/** Enough of a note for the words of the announcement. */
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text)

/**
 * Casts a dot and puts it on this person's undo history (`UndoHistory`): Ctrl+Z right after
 * voting takes that dot back (the reverse vote through the same API) instead of skipping past it
 * and removing the note written before. A refused vote is no step. The reverse vote itself is not
 * recorded again: undo and redo move the step between the two stacks.
 */
export async function castUndoableVote(
  view: Pick<SessionView, 'doc' | 'voting'>,
  note: { id: string; text: string },
  delta: 1 | -1,
  label: (key: 'session.voteStepGiven' | 'session.voteStepTaken', text: string) => string,
): Promise<boolean> {
  const vote = view.voting.vote
  // `vote` resolves false when the server refused it (older builds resolved nothing).
  const result: unknown = await vote(note.id, delta)
  if (result === false) return false
  recordExternalStep(view.doc, {
    label: label(delta > 0 ? 'session.voteStepGiven' : 'session.voteStepTaken', short(note.text)),
    undo: () => void vote(note.id, delta > 0 ? -1 : 1),
    redo: () => void vote(note.id, delta),
  })
  return true
}
