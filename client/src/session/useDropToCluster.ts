import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
import {
  type NoteData,
  notesRoot,
  readNoteClusterId,
  updateNote,
  type ZoneData,
  zoneAtPoint,
} from '../../../shared/src/model'
import { findFreeSpot } from '../canvas/freeSpot'
import { LOCAL_ORIGIN, localEdit } from '../sync/localOrigin'
import { groupNotes, noteUnderCentre } from './clusterActions'

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
