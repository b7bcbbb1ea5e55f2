import type * as Y from 'yjs'
import { CLUSTER_NAME_MAX_LENGTH, createCluster, getNote, setNoteCluster } from '../../../shared/src/model'
import { layoutGroupsFirst } from '../../../shared/src/suggest/layout'
import { mergeNotes } from '../../../shared/src/suggest/merge'
import type { SuggestedGroup } from '../../../shared/src/suggest/suggest'
import { localCommand } from '../sync/localOrigin'

/**
 * The facilitator's copy of a grouping suggestion (issue 20): nothing on the board changes until
 * the accepted groups are made, all at once and as one undo step.
 */

export interface ProposedGroup {
  key: string
  name: string
  zoneId: string | null
  noteIds: string[]
  /** Sets of notes in this group that say the same thing. */
  duplicates: string[][]
  accepted: boolean
}

export function proposalFrom(groups: readonly SuggestedGroup[]): ProposedGroup[] {
  return groups.map((group, i) => ({
    key: `g${i}`,
    name: group.name,
    zoneId: group.zoneId,
    noteIds: [...group.noteIds],
    duplicates: group.duplicates.map((set) => [...set]),
    accepted: false,
  }))
}

export function setAccepted(
  groups: readonly ProposedGroup[],
  key: string,
  accepted: boolean,
): ProposedGroup[] {
  return groups.map((group) => (group.key === key ? { ...group, accepted } : group))
}

export function rename(groups: readonly ProposedGroup[], key: string, name: string): ProposedGroup[] {
  const short = name.slice(0, CLUSTER_NAME_MAX_LENGTH)
  return groups.map((group) => (group.key === key ? { ...group, name: short } : group))
}

/** Takes a note out of the sets it was a near-duplicate in; a set of one is no set. */
function withoutNote(group: ProposedGroup, noteId: string): ProposedGroup {
  return {
    ...group,
    noteIds: group.noteIds.filter((id) => id !== noteId),
    duplicates: group.duplicates
      .map((set) => set.filter((id) => id !== noteId))
      .filter((set) => set.length > 1),
  }
}

/** Moves a note to another proposed group (same question), or out of every group with null. */
export function moveNote(
  groups: readonly ProposedGroup[],
  noteId: string,
  toKey: string | null,
): ProposedGroup[] {
  return groups.map((group) => {
    const rest = withoutNote(group, noteId)
    return group.key === toKey ? { ...rest, noteIds: [...rest.noteIds, noteId] } : rest
  })
}

/** Groups a note may move to: the other groups of its question. */
export function moveTargets(groups: readonly ProposedGroup[], from: ProposedGroup): ProposedGroup[] {
  return groups.filter((group) => group.key !== from.key && group.zoneId === from.zoneId)
}

/**
 * Makes the accepted groups real: a group per accepted proposal with its notes that are still on
 * the board, laid out at the top of their question, each group in rows of its own. One local
 * command, so one Ongedaan maken takes every group back. Returns how many groups were made.
 */
export function makeAcceptedGroups(doc: Y.Doc, groups: readonly ProposedGroup[]): number {
  return localCommand(doc, () => {
    let made = 0
    const madeInZone = new Map<string, string[]>()
    for (const group of groups) {
      if (!group.accepted) continue
      const notes = group.noteIds.filter((id) => getNote(doc, id) !== null)
      if (notes.length === 0) continue
      const clusterId = createCluster(doc, { name: group.name.trim() || '…', zoneId: group.zoneId })
      for (const id of notes) setNoteCluster(doc, id, clusterId)
      if (group.zoneId) madeInZone.set(group.zoneId, [...(madeInZone.get(group.zoneId) ?? []), clusterId])
      made++
    }
    for (const [zoneId, clusterIds] of madeInZone) layoutGroupsFirst(doc, zoneId, clusterIds)
    return made
  })
}

/**
 * Merges a set of near-duplicates into its first note (its own undo step); the proposal then
 * forgets the others. Returns the updated proposal and the merged note's count.
 */
export function mergeDuplicateSet(
  doc: Y.Doc,
  groups: readonly ProposedGroup[],
  key: string,
  set: readonly string[],
): { groups: ProposedGroup[]; count: number } {
  const [keep, ...others] = set
  if (!keep) return { groups: [...groups], count: 0 }
  const count = localCommand(doc, () => mergeNotes(doc, keep, others))
  let next = [...groups]
  for (const id of others) next = next.map((group) => withoutNote(group, id))
  next = next.map((group) =>
    group.key === key ? { ...group, duplicates: group.duplicates.filter((s) => !s.includes(keep)) } : group,
  )
  return { groups: next, count }
}
