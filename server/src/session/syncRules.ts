import { votesRoom } from '../../../shared/src/rooms'
import type { SyncExtension, UpdateContext } from '../sync/hooks'
import { correctAuthors, wrongAuthorRecords } from './noteAuthors'
import { notesDeletedBy, putInTrash } from './trash'
import { participantDraftRefusal, participantWriteRefusal, type Writer } from './writePolicy'

const writerOf = ({ claims }: UpdateContext): Writer => ({
  participantId: claims.participantId,
  name: claims.name,
})

/**
 * The session's rules on what clients write, registered with the sync core (server.ts): a
 * participant's update is refused when it breaks a session rule (locks, closed input, someone
 * else's note; writePolicy.ts), and a stored content update is followed by the correction of new
 * notes' authors and copies of deleted notes in the Prullenbak.
 */
export const sessionRules: SyncExtension = {
  /** Facilitators have no control room on their connection: nothing to refuse. */
  beforeStore(update) {
    const { control, address } = update
    if (!control) return null
    if (address.kind === 'drafts') return participantDraftRefusal(control.doc, Date.now())
    return participantWriteRefusal(update, update.room.doc, control.doc, Date.now(), writerOf(update))
  },

  afterStore(update) {
    if (update.address.kind !== 'content') return null
    // Read now, before the update is applied: afterwards the deleted note's fields are gone.
    const trashed = notesDeletedBy(update.decoded, update.room.doc)
    const wrongAuthors = update.control ? wrongAuthorRecords(update.decoded, writerOf(update)) : []
    if (trashed.length === 0 && wrongAuthors.length === 0) return null
    const { rooms, room, address } = update
    return async () => {
      if (wrongAuthors.length > 0) {
        await rooms.change(room.name, (doc) => correctAuthors(doc, wrongAuthors, writerOf(update)))
      }
      if (trashed.length > 0) {
        await rooms.change(votesRoom(address.boardId), (votes) =>
          putInTrash(votes, trashed, writerOf(update)),
        )
      }
    }
  },
}
