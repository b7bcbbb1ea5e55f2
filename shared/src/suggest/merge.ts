import * as Y from 'yjs'
import { notesRoot, type RecordMap } from '../model/schema'

/**
 * Near-duplicates merged into one note (issue 20: "Gelijkwaardigheid" written by three people).
 * The note that stays keeps its text, place and group and gets `mergedCount`: how many notes it
 * stands for, so the harvest still shows that three people wrote it. The others are deleted like
 * any note, so the server puts a copy of each in the Prullenbak: nothing is lost.
 */

export const MERGED_COUNT = 'mergedCount'

/** How many written notes this note stands for (1 for an ordinary note or junk). */
export function readMergedCount(note: RecordMap | undefined): number {
  const value = note?.get(MERGED_COUNT)
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? value : 1
}

/**
 * Keeps `keepId`, deletes `otherIds` and counts them into the kept note (their own counts too).
 * Returns the new count, or 0 when the kept note is gone. One transaction.
 */
export function mergeNotes(doc: Y.Doc, keepId: string, otherIds: readonly string[]): number {
  const root = notesRoot(doc)
  const kept = root.get(keepId)
  if (!(kept instanceof Y.Map)) return 0
  let count = readMergedCount(kept)
  doc.transact(() => {
    for (const id of otherIds) {
      const other = root.get(id)
      if (id === keepId || !(other instanceof Y.Map)) continue
      count += readMergedCount(other)
      root.delete(id)
    }
    if (count > 1) kept.set(MERGED_COUNT, count)
  })
  return count
}
