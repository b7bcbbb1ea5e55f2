import type * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../sync/localOrigin'

/**
 * Turning textarea edits into small Y.Text operations, so two people typing in the same note both
 * keep their words (replacing the whole text would let the last writer win).
 */

export interface TextSplice {
  index: number
  deleteCount: number
  insert: string
}

/** The single splice that turns `before` into `after` (common prefix and suffix are kept). */
export function diffText(before: string, after: string): TextSplice | null {
  if (before === after) return null
  const maxPrefix = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix += 1
  const maxSuffix = maxPrefix - prefix
  let suffix = 0
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
    suffix += 1
  }
  return {
    index: prefix,
    deleteCount: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

/** Applies the textarea's new value to the shared text in one local (undoable) transaction. */
export function applyTextEdit(text: Y.Text, after: string): void {
  const splice = diffText(text.toString(), after)
  if (!splice) return
  const apply = () => {
    if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount)
    if (splice.insert) text.insert(splice.index, splice.insert)
  }
  if (text.doc) text.doc.transact(apply, LOCAL_ORIGIN)
  else apply()
}

type Delta = Array<{ insert?: unknown; delete?: number; retain?: number }>

/**
 * Where a caret at `index` ends up after a remote change, so the person's cursor stays on the same
 * character while someone else types elsewhere in the note.
 */
export function transformIndex(delta: Delta, index: number): number {
  let oldPos = 0
  let shift = 0
  for (const op of delta) {
    if (oldPos >= index) break
    if (op.retain !== undefined) {
      oldPos += op.retain
    } else if (typeof op.insert === 'string') {
      shift += op.insert.length
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, index - oldPos)
      oldPos += op.delete
    }
  }
  return Math.max(0, index + shift)
}
