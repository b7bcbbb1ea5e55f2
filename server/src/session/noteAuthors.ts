import * as Y from 'yjs'
import { notesRoot } from '../../../shared/src/model/schema'
import type { DecodedUpdate } from '../sync/updateChecks'
import type { Writer } from './writePolicy'

/**
 * A participant's new note carries their own id and name, whatever their client wrote: the report
 * attributes notes by these fields, so "a note by the facilitator" must not be something anyone
 * can type. The server corrects rather than refuses (a foreign or older client that writes another
 * id keeps working), right after storing the update and before that socket's next message is
 * handled, so the writer's next edit of the note already finds it theirs. Changing the author of
 * an existing note is refused by the write policy (writePolicy.ts).
 */

/** The record ids (new notes) whose authorId or authorName in this update is not the writer's. */
export function wrongAuthorRecords(decoded: DecodedUpdate, writer: Writer): Y.ID[] {
  const records: Y.ID[] = []
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.ID)) continue
    const value = struct.content.getContent()[0]
    const wrong =
      (struct.parentSub === 'authorId' && value !== writer.participantId) ||
      (struct.parentSub === 'authorName' && value !== writer.name && value !== '')
    if (wrong) records.push(struct.parent)
  }
  return records
}

/** Sets the writer's id and name on the notes whose record item is one of `records`. */
export function correctAuthors(content: Y.Doc, records: Y.ID[], writer: Writer): number {
  let corrected = 0
  content.transact(() => {
    notesRoot(content).forEach((note) => {
      const id = note instanceof Y.Map ? note._item?.id : undefined
      if (!id || !records.some((record) => Y.compareIDs(record, id))) return
      if (note.get('authorId') !== writer.participantId) note.set('authorId', writer.participantId)
      const name = note.get('authorName')
      if (name !== writer.name && name !== '') note.set('authorName', writer.name)
      corrected++
    })
  })
  return corrected
}
