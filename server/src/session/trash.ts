import * as Y from 'yjs'
import { type ClusterData, createCluster, getCluster } from '../../../shared/src/model/clusters'
import { REACTION_EMOJIS, readNoteReactions } from '../../../shared/src/model/reactions'
import {
  clustersRoot,
  notesRoot,
  type RecordMap,
  trashRoot,
  zonesRoot,
} from '../../../shared/src/model/schema'
import type { DecodedUpdate } from '../sync/updateChecks'
import { tallies } from './ballots'
import { SessionError } from './timerActions'

/**
 * The Prullenbak: a copy of every note that is deleted, kept in the board's server-only votes room
 * (so it is deleted with the board and never sent to a socket) until a facilitator puts it back.
 * The copy is taken from the document as it was just before the deleting update was stored,
 * with its reactions and its group; its dots stay in the ballots (keyed by note id), so putting
 * the note back under the same id brings them back too.
 */

export interface TrashedNote {
  id: string
  /** Every plain field of the note (place, colour, author, round, group...). */
  fields: Record<string, unknown>
  text: string
  /** emoji → participant ids. */
  reactions: Record<string, string[]>
  /** The note's group as it was, to make it again when it was removed meanwhile. */
  cluster: ClusterData | null
  deletedAt: number
  deletedBy: { participantId: string; name: string }
}

/** What the facilitator panel lists: enough to recognise a note, newest deletion first. */
export interface TrashListItem {
  id: string
  text: string
  authorName: string
  zoneId: string | null
  clusterName: string | null
  reactions: number
  votes: number
  deletedAt: number
  deletedByName: string
}

function deletesItem(ds: DecodedUpdate['ds'], id: Y.ID): boolean {
  return (ds.clients.get(id.client) ?? []).some(
    ({ clock, len }) => id.clock >= clock && id.clock < clock + len,
  )
}

function copyNote(content: Y.Doc, id: string, note: RecordMap): Omit<TrashedNote, 'deletedAt' | 'deletedBy'> {
  // Keys are whatever a client wrote: no prototype to reach, and no `__proto__` key, which the
  // Yjs encoding would turn back into a prototype when the copy is read.
  const fields: Record<string, unknown> = Object.create(null)
  let text = ''
  note.forEach((value, key) => {
    if (value instanceof Y.Text) text = value.toString()
    else if (!(value instanceof Y.AbstractType) && key !== '__proto__') fields[key] = value
  })
  const reactions = Object.fromEntries(readNoteReactions(note).map((r) => [r.emoji, r.participantIds]))
  const clusterId = fields.clusterId
  const cluster = typeof clusterId === 'string' ? getCluster(content, clusterId) : null
  return { id, fields, text, reactions, cluster }
}

/**
 * The notes this update deletes, copied from `content` before it is applied. A note left empty
 * (opened and closed without writing, which the editor removes itself) is not worth keeping.
 */
export function notesDeletedBy(
  decoded: DecodedUpdate,
  content: Y.Doc,
): Omit<TrashedNote, 'deletedAt' | 'deletedBy'>[] {
  if (decoded.ds.clients.size === 0) return []
  const deleted: Omit<TrashedNote, 'deletedAt' | 'deletedBy'>[] = []
  notesRoot(content).forEach((note, id) => {
    if (!(note instanceof Y.Map) || !note._item || !deletesItem(decoded.ds, note._item.id)) return
    const copy = copyNote(content, id, note)
    if (copy.text.trim() !== '' || Object.keys(copy.reactions).length > 0) deleted.push(copy)
  })
  return deleted
}

export function putInTrash(
  votes: Y.Doc,
  notes: Omit<TrashedNote, 'deletedAt' | 'deletedBy'>[],
  deletedBy: TrashedNote['deletedBy'],
  now = Date.now(),
): void {
  votes.transact(() => {
    for (const note of notes) trashRoot(votes).set(note.id, { ...note, deletedAt: now, deletedBy })
  })
}

export function readTrashed(votes: Y.Doc, noteId: string): TrashedNote | null {
  const entry = trashRoot(votes).get(noteId)
  return typeof entry === 'object' && entry !== null ? (entry as TrashedNote) : null
}

export function listTrash(votes: Y.Doc): TrashListItem[] {
  const dots = tallies(votes)
  const items: TrashListItem[] = []
  trashRoot(votes).forEach((_value, id) => {
    const note = readTrashed(votes, id)
    if (!note) return
    const { fields } = note
    items.push({
      id,
      text: note.text,
      authorName: typeof fields.authorName === 'string' ? fields.authorName : '',
      zoneId: typeof fields.zoneId === 'string' ? fields.zoneId : null,
      clusterName: note.cluster?.name ?? null,
      reactions: Object.values(note.reactions).reduce((sum, ids) => sum + ids.length, 0),
      votes: dots[id] ?? 0,
      deletedAt: note.deletedAt,
      deletedByName: note.deletedBy.name,
    })
  })
  return items.sort((a, b) => b.deletedAt - a.deletedAt)
}

/**
 * Puts a trashed note back under its own id, with its text, reactions and group (made again when
 * it was removed meanwhile). A question deleted meanwhile leaves the note on the open board.
 */
export function restoreNote(content: Y.Doc, note: TrashedNote): void {
  if (notesRoot(content).has(note.id)) throw new SessionError('note_exists', 'This note is on the board.')
  content.transact(() => {
    const cluster = note.cluster
    if (cluster && !clustersRoot(content).has(cluster.id)) {
      createCluster(content, {
        id: cluster.id,
        name: cluster.name,
        zoneId: cluster.zoneId,
        createdAt: cluster.createdAt,
      })
    }
    const record = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(note.fields)) record.set(key, value)
    const zoneId = note.fields.zoneId
    if (typeof zoneId === 'string' && !zonesRoot(content).has(zoneId)) record.set('zoneId', null)
    record.set('text', new Y.Text(note.text))
    // Built before it joins the document: a map not yet in a document cannot be read back.
    const reactions = new Y.Map<Y.Map<true>>()
    for (const emoji of REACTION_EMOJIS) {
      const participants = new Y.Map<true>()
      for (const participantId of note.reactions[emoji] ?? []) participants.set(participantId, true)
      reactions.set(emoji, participants)
    }
    record.set('reactions', reactions)
    notesRoot(content).set(note.id, record)
  })
}

export function removeFromTrash(votes: Y.Doc, noteId: string): void {
  trashRoot(votes).delete(noteId)
}
