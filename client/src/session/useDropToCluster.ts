import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
import { type NoteData, notesRoot, readNoteClusterId } from '../../../shared/src/model'
import type { BoardOps } from '../board/ops/BoardOps'
import { groupNotes, placeNextTo } from '../board/ops/groupOps'
import { LOCAL_ORIGIN } from '../sync/localOrigin'
import { Store } from './sessionView'

/** A cluster just made by this person: its name field opens, so naming it is the next step. */
export const clusterToName = new Store<string | null>(null)

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
  ops: BoardOps,
  enabled: boolean,
  notes: readonly NoteData[],
  clusterName: () => string,
  onGrouped: (count: number) => void,
): void {
  const doc = ops.doc
  const latest = useRef({ notes, clusterName, onGrouped })
  latest.current = { notes, clusterName, onGrouped }

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
        const { notes, clusterName, onGrouped } = latest.current
        const fresh = root.get(movedId ?? '')
        const note = notes.find((candidate) => candidate.id === movedId)
        if (!note || !(fresh instanceof Y.Map)) return
        const current = { ...note, x: Number(fresh.get('x')), y: Number(fresh.get('y')) }
        const target = noteUnderCentre(current, notes)
        if (!target) return
        const together = readNoteClusterId(fresh)
        if (together !== null && together === readNoteClusterId(root.get(target.id) ?? new Y.Map())) return
        if (!groupNotes(doc, [target.id, current.id], clusterName())) return
        tidying = true
        try {
          placeNextTo(ops, current.id, target.id)
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
  }, [doc, ops, enabled])
}
