import { getNoteText, notesRoot } from '../../../../shared/src/model'
import type { DraftTarget } from '../../board/ops/draftOps'
import { applyTextEdit } from '../../canvas/textDiff'
import { canTakeFocus, restoreFocusNear } from '../../components/focusKeeper'
import type { SessionView } from '../sessionView'

/** Where this person's drafts go: their drafts room, next to the board (null before it is open). */
export function draftTarget(view: SessionView): DraftTarget | null {
  return view.drafts
    ? { draftsDoc: view.drafts.doc, boardDoc: view.doc, author: { id: view.participantId, name: view.name } }
    : null
}

export function editDraftText(view: SessionView, noteId: string, value: string): void {
  const text = view.drafts ? getNoteText(view.drafts.doc, noteId) : null
  if (text) applyTextEdit(text, value)
}

/** A facilitator hid this draft: it will not be revealed. */
export function isDraftHidden(view: SessionView, noteId: string): boolean {
  const note = view.drafts ? notesRoot(view.drafts.doc).get(noteId) : undefined
  return note?.get('hidden') === true
}

/**
 * Escape in a draft's field: done writing. The keyboard goes to "+ Briefje" (write the next one),
 * else to the nearest control around the drafts, never to <body> and never to the draft's own ×.
 */
export function leaveDraftField(field: HTMLElement): void {
  const next = document.querySelector('[data-testid=draft-add]')
  if (next && canTakeFocus(next)) {
    next.focus()
    return
  }
  const path: Element[] = []
  for (let node = field.closest('[data-testid=draft-note]')?.parentElement; node; node = node.parentElement)
    path.push(node)
  restoreFocusNear(path, field)
}
