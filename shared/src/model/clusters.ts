import * as Y from 'yjs'
import { newObjectId } from '../ids'
import { clustersRoot, notesRoot, type RecordMap, readNumber, readString } from './schema'

/**
 * Clusters: named groups of notes that the facilitator makes while harvesting ("these five are all
 * about transport"). Stored in the content document as
 * `clusters: Y.Map<clusterId, Y.Map{ name, zoneId, createdAt }>`; a note points at its cluster
 * with its own optional `clusterId` field. The pointer lives on the note (not a list on the
 * cluster) so moving a note between clusters is one map write that cannot duplicate it.
 */

export const CLUSTER_NAME_MAX_LENGTH = 120

export interface ClusterData {
  id: string
  name: string
  /** The zone the cluster was made in; null for a cluster on the open board. */
  zoneId: string | null
  createdAt: number
}

export interface NewCluster {
  name: string
  zoneId?: string | null
  createdAt?: number
  /** Callers that import or replay clusters pass their own id. */
  id?: string
}

export type ClusterPatch = Partial<Pick<ClusterData, 'name' | 'zoneId'>>

export function createCluster(doc: Y.Doc, input: NewCluster): string {
  const id = input.id ?? newObjectId()
  const cluster = new Y.Map<unknown>()
  doc.transact(() => {
    cluster.set('name', input.name.slice(0, CLUSTER_NAME_MAX_LENGTH))
    cluster.set('zoneId', input.zoneId ?? null)
    cluster.set('createdAt', input.createdAt ?? Date.now())
    clustersRoot(doc).set(id, cluster)
  })
  return id
}

/** Plain data of a stored cluster, tolerating fields a foreign client left out or mistyped. */
export function readCluster(id: string, cluster: RecordMap): ClusterData {
  const zoneId = cluster.get('zoneId')
  return {
    id,
    name: readString(cluster, 'name', '').slice(0, CLUSTER_NAME_MAX_LENGTH),
    zoneId: typeof zoneId === 'string' ? zoneId : null,
    createdAt: readNumber(cluster, 'createdAt', 0),
  }
}

export function getCluster(doc: Y.Doc, id: string): ClusterData | null {
  const cluster = clustersRoot(doc).get(id)
  return cluster instanceof Y.Map ? readCluster(id, cluster) : null
}

/** All clusters, oldest first. */
export function listClusters(doc: Y.Doc): ClusterData[] {
  const clusters: ClusterData[] = []
  clustersRoot(doc).forEach((cluster, id) => {
    if (cluster instanceof Y.Map) clusters.push(readCluster(id, cluster))
  })
  return clusters.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

export function updateCluster(doc: Y.Doc, id: string, patch: ClusterPatch): void {
  const cluster = clustersRoot(doc).get(id)
  if (!(cluster instanceof Y.Map)) return
  doc.transact(() => {
    if (patch.name !== undefined) {
      const name = patch.name.slice(0, CLUSTER_NAME_MAX_LENGTH)
      if (cluster.get('name') !== name) cluster.set('name', name)
    }
    if (patch.zoneId !== undefined && cluster.get('zoneId') !== patch.zoneId) {
      cluster.set('zoneId', patch.zoneId)
    }
  })
}

/** Removes a cluster and takes its notes out of it (the notes themselves stay on the board). */
export function deleteCluster(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    notesRoot(doc).forEach((note) => {
      if (note instanceof Y.Map && note.get('clusterId') === id) note.set('clusterId', null)
    })
    clustersRoot(doc).delete(id)
  })
}

/** The cluster a stored note belongs to; null when it has none or a foreign client wrote junk. */
export function readNoteClusterId(note: RecordMap): string | null {
  const value = note.get('clusterId')
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** Puts a note in a cluster (or takes it out with null). Unknown notes are ignored. */
export function setNoteCluster(doc: Y.Doc, noteId: string, clusterId: string | null): void {
  const note = notesRoot(doc).get(noteId)
  if (!(note instanceof Y.Map) || readNoteClusterId(note) === clusterId) return
  note.set('clusterId', clusterId)
}

/** Ids of the notes in a cluster, in no particular order. */
export function notesInCluster(doc: Y.Doc, clusterId: string): string[] {
  const ids: string[] = []
  notesRoot(doc).forEach((note, id) => {
    if (note instanceof Y.Map && readNoteClusterId(note) === clusterId) ids.push(id)
  })
  return ids
}

export function observeClusters(doc: Y.Doc, listener: () => void): () => void {
  const root = clustersRoot(doc)
  root.observeDeep(listener)
  return () => root.unobserveDeep(listener)
}
