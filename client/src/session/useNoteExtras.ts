import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import {
  type ClusterData,
  listClusters,
  notesRoot,
  observeClusters,
  observeNotes,
  type ReactionTally,
  readNoteClusterId,
  readNoteReactions,
} from '../../../shared/src/model'

/** Session fields of the board's notes that `NoteData` leaves out: clusters and reactions. */
export interface NoteExtras {
  clusters: ClusterData[]
  /** noteId → clusterId */
  clusterOf: ReadonlyMap<string, string>
  /** noteId → reactions (only notes that have some) */
  reactions: ReadonlyMap<string, ReactionTally[]>
}

function readExtras(doc: Y.Doc): NoteExtras {
  const clusters = listClusters(doc)
  const known = new Set(clusters.map((cluster) => cluster.id))
  const clusterOf = new Map<string, string>()
  const reactions = new Map<string, ReactionTally[]>()
  notesRoot(doc).forEach((note, id) => {
    if (!(note instanceof Y.Map)) return
    const clusterId = readNoteClusterId(note)
    if (clusterId && known.has(clusterId)) clusterOf.set(id, clusterId)
    const tallies = readNoteReactions(note)
    if (tallies.length > 0) reactions.set(id, tallies)
  })
  return { clusters, clusterOf, reactions }
}

function sameExtras(a: NoteExtras, b: NoteExtras): boolean {
  return (
    JSON.stringify([a.clusters, [...a.clusterOf], [...a.reactions]]) ===
    JSON.stringify([b.clusters, [...b.clusterOf], [...b.reactions]])
  )
}

/** Clusters and reactions, re-read after changes (text edits leave the previous object in place). */
export function useNoteExtras(doc: Y.Doc): NoteExtras {
  const [extras, setExtras] = useState(() => readExtras(doc))
  useEffect(() => {
    let frame = 0
    const refresh = () => {
      // Typing changes notes many times a second; one read per frame is plenty.
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        const next = readExtras(doc)
        setExtras((previous) => (sameExtras(previous, next) ? previous : next))
      })
    }
    refresh()
    const stopNotes = observeNotes(doc, refresh)
    const stopClusters = observeClusters(doc, refresh)
    return () => {
      cancelAnimationFrame(frame)
      stopNotes()
      stopClusters()
    }
  }, [doc])
  return extras
}
