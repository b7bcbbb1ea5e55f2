import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
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
import { findFreeSpot } from '../canvas/freeSpot'
import { LOCAL_ORIGIN, localCommand, localEdit } from '../sync/localOrigin'
import { Store } from './sessionView'

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
  localCommand(doc, () => {
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

const SETTLE_MS = 80

/**
 * Facilitators cluster by dropping one note onto another: when this person's own edit moved
 * exactly one note and its centre landed on another note, the two are grouped (into the other
 * note's cluster when it has one), and the dropped note moves next to it. Watching the document
 * keeps this out of the canvas's drag code.
 */
export function useDropToCluster(
  doc: Y.Doc,
  enabled: boolean,
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  clusterName: () => string,
  onGrouped: (count: number) => void,
): void {
  const latest = useRef({ notes, zones, clusterName, onGrouped })
  latest.current = { notes, zones, clusterName, onGrouped }

  useEffect(() => {
    if (!enabled) return
    const root = notesRoot(doc)
    let tidying = false
    let timer: number | undefined
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      // Our own tidying move is not a drop.
      if (transaction.origin !== LOCAL_ORIGIN || tidying) return
      const moved = new Set<string>()
      for (const event of events) {
        if (event.target === root || !(event.target instanceof Y.Map) || event.path.length !== 1) continue
        const keys = (event as Y.YMapEvent<unknown>).keysChanged
        if (keys.has('x') || keys.has('y')) moved.add(String(event.path[0]))
      }
      if (moved.size !== 1) return
      const [movedId] = [...moved]
      // Checked a moment later: a drop can write twice (the move, then the selection's handles),
      // and the last write is where the note really is.
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        const { notes, zones, clusterName, onGrouped } = latest.current
        const fresh = root.get(movedId ?? '')
        const note = notes.find((candidate) => candidate.id === movedId)
        if (!note || !(fresh instanceof Y.Map)) return
        const current = { ...note, x: Number(fresh.get('x')), y: Number(fresh.get('y')) }
        const target = noteUnderCentre(current, notes)
        if (!target) return
        const together = readNoteClusterId(fresh)
        if (together !== null && together === readNoteClusterId(root.get(target.id) ?? new Y.Map())) return
        if (!groupNotes(doc, [target.id, current.id], clusterName())) return
        // Next to the note it was dropped on, not on top of it: both stay readable.
        const others = notes.filter((other) => other.id !== current.id)
        const centre = { x: target.x + target.width / 2, y: target.y + target.height / 2 }
        const size = { width: current.width, height: current.height }
        const spot = findFreeSpot(centre, size, others, zones)
        const zoneId = zoneAtPoint(zones, spot.x + current.width / 2, spot.y + current.height / 2)?.id ?? null
        tidying = true
        try {
          localEdit(doc, () => updateNote(doc, current.id, { ...spot, zoneId }))
        } finally {
          tidying = false
        }
        onGrouped(2)
      }, SETTLE_MS)
    }
    root.observeDeep(onChange)
    return () => {
      window.clearTimeout(timer)
      root.unobserveDeep(onChange)
    }
  }, [doc, enabled])
}
