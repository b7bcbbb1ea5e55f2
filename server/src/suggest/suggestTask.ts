import type * as Y from 'yjs'
import { readNoteClusterId } from '../../../shared/src/model/clusters'
import { lockedIds } from '../../../shared/src/model/facilitation'
import { listNotes } from '../../../shared/src/model/notes'
import { notesRoot } from '../../../shared/src/model/schema'
import { listZones } from '../../../shared/src/model/zones'
import { type Suggestion, type SuggestNote, suggestGroups } from '../../../shared/src/suggest/suggest'
import { docFrom, type StoredBoard } from '../lib/storedDocs'

/**
 * Grouping suggestions as a task of the heavy-work pool (issue 20): the board's stored documents
 * are decoded and clustered on a pool thread, so 500 notes never hold up the sockets.
 *
 * Which notes count: only the content document's, so a draft (kept in its writer's own drafts
 * room until the reveal) is never read. Locked notes and the notes of a locked question are left
 * out (the facilitator locked them to keep them as they are), and so are notes already in a group:
 * suggestions are for what is still loose.
 */

export interface SuggestTaskInput {
  board: StoredBoard
  /** One question, or null for every question and the open board. */
  zoneId: string | null
}

export interface BoardSuggestion extends Suggestion {
  /** Notes the suggestion looked at. */
  considered: number
  /** Notes left out because they or their question are locked. */
  locked: number
  /** Notes left out because they are in a group already. */
  grouped: number
}

type Refusal = { ok: false; code: 'unknown_zone' | 'zone_locked'; message: string }

export function suggestTask(input: SuggestTaskInput): { ok: true; suggestion: BoardSuggestion } | Refusal {
  const content = docFrom(input.board.content)
  const locks = lockedIds(docFrom(input.board.control))
  const { zoneId } = input
  if (zoneId !== null) {
    if (!listZones(content).some((zone) => zone.id === zoneId))
      return { ok: false, code: 'unknown_zone', message: 'This board has no such question.' }
    if (locks.has(zoneId))
      return { ok: false, code: 'zone_locked', message: 'This question is locked; unlock it first.' }
  }
  const root = notesRoot(content)
  const counts = { considered: 0, locked: 0, grouped: 0 }
  const notes: SuggestNote[] = []
  for (const note of listNotes(content)) {
    if (zoneId !== null && note.zoneId !== zoneId) continue
    if (locks.has(note.id) || (note.zoneId !== null && locks.has(note.zoneId))) counts.locked++
    else if (readNoteClusterId(root.get(note.id) as Y.Map<unknown>) !== null) counts.grouped++
    else notes.push({ id: note.id, text: note.text, zoneId: note.zoneId })
  }
  counts.considered = notes.length
  return { ok: true, suggestion: { ...suggestGroups(notes), ...counts } }
}
