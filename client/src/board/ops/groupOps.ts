import type * as Y from 'yjs'
import {
  createCluster,
  deleteCluster,
  findFreeSpot,
  getNote,
  listNotes,
  listZones,
  type NoteData,
  notesRoot,
  readNoteClusterId,
  setNoteCluster,
  updateCluster,
} from '../../../../shared/src/model'
import { localCommand, localEdit } from '../../sync/localOrigin'
import type { BoardOps } from './BoardOps'

/**
 * Grouping notes into named clusters (facilitators, while harvesting). All writes are local edits,
 * so the person can undo them; each action is one transaction, so others see it happen at once.
 */

function clusterOfNote(doc: Y.Doc, noteId: string): string | null {
  const note = notesRoot(doc).get(noteId)
  return note ? readNoteClusterId(note) : null
}

/**
 * Puts `noteIds` in one cluster: the cluster one of them is already in (the first found), or a new
 * one named `name`. Returns the cluster id.
 */
export function groupNotes(doc: Y.Doc, noteIds: readonly string[], name: string): string | null {
  const notes = noteIds.map((id) => getNote(doc, id)).filter((note): note is NoteData => note !== null)
  if (notes.length < 2) return null
  return localCommand(doc, () => {
    const existing = notes.map((note) => clusterOfNote(doc, note.id)).find((id) => id !== null) ?? null
    const zones = new Set(notes.map((note) => note.zoneId))
    const zoneId = zones.size === 1 ? (notes[0]?.zoneId ?? null) : null
    const clusterId = existing ?? createCluster(doc, { name, zoneId })
    for (const note of notes) setNoteCluster(doc, note.id, clusterId)
    return clusterId
  })
}

export function renameCluster(doc: Y.Doc, clusterId: string, name: string): void {
  localCommand(doc, () => updateCluster(doc, clusterId, { name }))
}

/** Removes the cluster; its notes stay where they are. */
export function ungroup(doc: Y.Doc, clusterId: string): void {
  localCommand(doc, () => deleteCluster(doc, clusterId))
}

/**
 * Moves every note of the cluster by (dx, dy) board units, in one step; a note that ends up in
 * another zone belongs to that zone from then on (BoardOps.moveItems).
 */
export function moveCluster(
  ops: BoardOps,
  noteIds: readonly string[],
  delta: { dx: number; dy: number },
): boolean {
  const { dx, dy } = delta
  if (dx === 0 && dy === 0) return true
  const moves = noteIds.flatMap((id) => {
    const note = getNote(ops.doc, id)
    return note ? [{ id, x: note.x + dx, y: note.y + dy }] : []
  })
  return ops.moveItems(moves)
}

/**
 * After a note was dropped onto another and grouped with it: next to that note rather than on top,
 * so both stay readable. Joins the drop's undo step (a plain local edit).
 */
export function placeNextTo(ops: BoardOps, noteId: string, targetId: string): void {
  const notes = listNotes(ops.doc)
  const note = notes.find((candidate) => candidate.id === noteId)
  const target = notes.find((candidate) => candidate.id === targetId)
  if (!note || !target) return
  const others = notes.filter((other) => other.id !== noteId)
  const centre = { x: target.x + target.width / 2, y: target.y + target.height / 2 }
  const zones = listZones(ops.doc)
  const closed = new Set(zones.filter((zone) => ops.isClosed(zone.id)).map((zone) => zone.id))
  const spot = findFreeSpot(centre, note, others, zones, closed)
  localEdit(ops.doc, () => {
    ops.moveItemsWithinStep([{ id: noteId, ...spot }])
  })
}
