import type * as Y from 'yjs'
import { diffText, type TextSplice } from '../../canvas/textDiff'

/**
 * The list view edits a note in a form and saves it as a whole. Meanwhile someone else may have
 * typed in the same note. Instead of overwriting their words, the change made in the form
 * (`base` → `mine`) is rebased onto the text as it is now (`base` → `current`): both are single
 * splices, so this is a small three-way merge. Only where both changed the same characters does
 * the form's version win.
 */
export function rebaseSplice(base: string, mine: string, current: string): TextSplice | null {
  const own = diffText(base, mine)
  if (!own) return null
  const theirs = diffText(base, current)
  if (!theirs) return own
  const ownEnd = own.index + own.deleteCount
  const theirEnd = theirs.index + theirs.deleteCount
  const ownDelta = own.insert.length - own.deleteCount
  const theirDelta = theirs.insert.length - theirs.deleteCount
  if (theirEnd <= own.index) return { ...own, index: own.index + theirDelta }
  if (theirs.index >= ownEnd) return own
  // Overlap: replace the region both touched with the form's version of it.
  const start = Math.min(own.index, theirs.index)
  const end = Math.max(ownEnd, theirEnd)
  return { index: start, deleteCount: end + theirDelta - start, insert: mine.slice(start, end + ownDelta) }
}

/** Applies the form's edit to the shared text (call inside a local transaction). */
export function applyFormEdit(text: Y.Text, base: string, mine: string): void {
  const splice = rebaseSplice(base, mine, text.toString())
  if (!splice) return
  if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount)
  if (splice.insert) text.insert(splice.index, splice.insert)
}
