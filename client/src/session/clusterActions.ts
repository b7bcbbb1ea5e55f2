import type * as Y from 'yjs'
import {
  createCluster,
  deleteCluster,
  getNote,
  type NoteData,
  notesRoot,
  readNoteClusterId,
  setNoteCluster,
  updateCluster,
  updateNote,
  type ZoneData,
  zoneAtPoint,
} from '../../../shared/src/model'
import { localEdit } from '../sync/localOrigin'
import { Store } from './store'

/** A cluster just made by this person: its name field opens, so naming it is the next step. */
export const clusterToName = new Store<string | null>(null)

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
  return localEdit(doc, () => {
    const existing = notes.map((note) => clusterOfNote(doc, note.id)).find((id) => id !== null) ?? null
    const zones = new Set(notes.map((note) => note.zoneId))
    const zoneId = zones.size === 1 ? (notes[0]?.zoneId ?? null) : null
    const clusterId = existing ?? createCluster(doc, { name, zoneId })
    for (const note of notes) setNoteCluster(doc, note.id, clusterId)
    return clusterId
  })
}

export function renameCluster(doc: Y.Doc, clusterId: string, name: string): void {
  localEdit(doc, () => updateCluster(doc, clusterId, { name }))
}

/** Removes the cluster; its notes stay where they are. */
export function ungroup(doc: Y.Doc, clusterId: string): void {
  localEdit(doc, () => deleteCluster(doc, clusterId))
}

/**
 * Moves every note of the cluster by (dx, dy) board units, in one transaction; a note that ends up
 * in another zone belongs to that zone from then on.
 */
export function moveCluster(
  doc: Y.Doc,
  noteIds: readonly string[],
  delta: { dx: number; dy: number },
  zones: readonly ZoneData[],
): void {
  const { dx, dy } = delta
  if (dx === 0 && dy === 0) return
  localEdit(doc, () => {
    for (const id of noteIds) {
      const note = getNote(doc, id)
      if (!note) continue
      const x = Math.round(note.x + dx)
      const y = Math.round(note.y + dy)
      const zoneId = zoneAtPoint(zones, x + note.width / 2, y + note.height / 2)?.id ?? null
      updateNote(doc, id, { x, y, zoneId })
    }
  })
}

/** The note whose area contains the centre of `moved` (a drop "onto" it), if any. */
export function noteUnderCentre(moved: NoteData, notes: readonly NoteData[]): NoteData | null {
  const cx = moved.x + moved.width / 2
  const cy = moved.y + moved.height / 2
  return (
    notes.find(
      (note) =>
        note.id !== moved.id &&
        cx >= note.x &&
        cx <= note.x + note.width &&
        cy >= note.y &&
        cy <= note.y + note.height,
    ) ?? null
  )
}
