import { type DraftNote, listDrafts, setDraftHidden } from '../../../shared/src/model/drafts'
import { readDraftCounts } from '../../../shared/src/model/facilitation'
import { createNote, deleteNote, getNote } from '../../../shared/src/model/notes'
import { fitZonesToNotes, placeNoteInZone } from '../../../shared/src/model/placement'
import { setNoteAnonymous, setNoteRound } from '../../../shared/src/model/session'
import { contentRoom, controlRoom, draftsRoom } from '../../../shared/src/rooms'
import type { RoomManager } from '../sync/roomManager'
import { SessionError } from './timerActions'

export interface DraftsOverview {
  participants: {
    participantId: string
    name: string
    notes: Pick<DraftNote, 'id' | 'text' | 'zoneId' | 'hidden' | 'color'>[]
  }[]
}

/** What a facilitator reviews before a reveal: every participant's drafts. */
export async function draftsOverview(rooms: RoomManager, boardId: string): Promise<DraftsOverview> {
  const counts = await rooms.read(controlRoom(boardId), readDraftCounts)
  const participants: DraftsOverview['participants'] = []
  for (const [participantId, { name }] of counts) {
    const notes = await rooms.read(draftsRoom(boardId, participantId), listDrafts)
    participants.push({
      participantId,
      name,
      notes: notes.map(({ id, text, zoneId, hidden, color }) => ({ id, text, zoneId, hidden, color })),
    })
  }
  return { participants }
}

export async function moderateDraft(
  rooms: RoomManager,
  boardId: string,
  participantId: string,
  noteId: string,
  change: { hidden: boolean } | 'remove',
): Promise<void> {
  const found = await rooms.change(draftsRoom(boardId, participantId), (doc) => {
    if (!listDrafts(doc).some((note) => note.id === noteId)) return false
    if (change === 'remove') deleteNote(doc, noteId)
    else setDraftHidden(doc, noteId, change.hidden)
    return true
  })
  if (!found) throw new SessionError('unknown_draft', 'There is no such draft.')
}

/**
 * Moves one participant's visible drafts into the content document (same ids, zones and
 * colours), then removes them from the drafts. Hidden drafts stay where only their author and
 * facilitators see them. Content first: a crash in between leaves a draft that is also on the
 * board, never a lost one.
 */
export async function revealDrafts(
  rooms: RoomManager,
  boardId: string,
  participantId: string,
  options: {
    roundId: string | null
    anonymous: boolean
    /** Where a draft written in `zoneId` goes (standpoints from a group's space: the plenary zone). */
    zoneFor?: (zoneId: string | null) => string | null
  },
): Promise<number> {
  const visible = (await rooms.read(draftsRoom(boardId, participantId), listDrafts)).filter(
    (note) => !note.hidden,
  )
  if (visible.length === 0) return 0
  await rooms.change(contentRoom(boardId), (doc) => {
    doc.transact(() => {
      // Oldest first, so the flow of a question reads in the order people wrote.
      for (const note of [...visible].sort((a, b) => a.createdAt - b.createdAt)) {
        if (getNote(doc, note.id)) continue
        const zoneId = options.zoneFor ? options.zoneFor(note.zoneId) : note.zoneId
        createNote(doc, {
          id: note.id,
          text: note.text,
          x: note.x,
          y: note.y,
          width: note.width,
          height: note.height,
          color: note.color,
          zoneId,
          authorId: options.anonymous ? '' : note.authorId,
          authorName: options.anonymous ? '' : note.authorName,
          createdAt: note.createdAt,
        })
        if (options.anonymous) setNoteAnonymous(doc, note.id, true)
        setNoteRound(doc, note.id, options.roundId)
        // Nobody saw anyone else's drafts, so their spots overlap: each takes its question's
        // next free slot, and a full question grows.
        placeNoteInZone(doc, note.id, zoneId)
      }
      fitZonesToNotes(doc)
    })
  })
  await rooms.change(draftsRoom(boardId, participantId), (doc) => {
    doc.transact(() => {
      for (const note of visible) deleteNote(doc, note.id)
    })
  })
  return visible.length
}
