import { type ReactionEmoji, toggleReaction } from '../../../shared/src/model'
import { reactionEdit } from '../sync/localOrigin'
import type { SessionView } from './sessionView'

/**
 * Gives or takes back this person's reaction on a note. One path for the canvas and the list
 * view, so both follow the same rule. Reactions stay allowed on locked notes (so does the server),
 * and are no step of the person's undo history (undo never takes one away unasked).
 */
export function reactToNote(view: SessionView, noteId: string, emoji: ReactionEmoji): void {
  reactionEdit(view.doc, () => toggleReaction(view.doc, noteId, emoji, view.participantId))
}
