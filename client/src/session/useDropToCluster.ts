import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
import { type NoteData, notesRoot, readNoteClusterId } from '../../../shared/src/model'
import { LOCAL_ORIGIN } from '../sync/localOrigin'
import { groupNotes, noteUnderCentre } from './clusterActions'

/**
 * Facilitators cluster by dropping one note onto another: when this person's own edit moved
 * exactly one note and its centre landed on another note, the two are grouped (into the other
 * note's cluster when it has one). Watching the document keeps this out of the canvas's drag code.
 */
export function useDropToCluster(
  doc: Y.Doc,
  enabled: boolean,
  notes: readonly NoteData[],
  clusterName: () => string,
  onGrouped: (count: number) => void,
): void {
  const latest = useRef({ notes, clusterName, onGrouped })
  latest.current = { notes, clusterName, onGrouped }

  useEffect(() => {
    if (!enabled) return
    const root = notesRoot(doc)
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (transaction.origin !== LOCAL_ORIGIN) return
      const moved = new Set<string>()
      for (const event of events) {
        if (event.target === root || !(event.target instanceof Y.Map) || event.path.length !== 1) continue
        const keys = (event as Y.YMapEvent<unknown>).keysChanged
        if (keys.has('x') || keys.has('y')) moved.add(String(event.path[0]))
      }
      if (moved.size !== 1) return
      const [movedId] = [...moved]
      // Read after this transaction: the snapshot in React state is one render behind.
      queueMicrotask(() => {
        const { notes, clusterName, onGrouped } = latest.current
        const fresh = root.get(movedId ?? '')
        const note = notes.find((candidate) => candidate.id === movedId)
        if (!note || !(fresh instanceof Y.Map)) return
        const current = { ...note, x: Number(fresh.get('x')), y: Number(fresh.get('y')) }
        const target = noteUnderCentre(current, notes)
        if (!target) return
        const together = readNoteClusterId(fresh)
        if (together !== null && together === readNoteClusterId(root.get(target.id) ?? new Y.Map())) return
        if (groupNotes(doc, [target.id, current.id], clusterName())) onGrouped(2)
      })
    }
    root.observeDeep(onChange)
    return () => root.unobserveDeep(onChange)
  }, [doc, enabled])
}
