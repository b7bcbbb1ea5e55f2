import type * as Y from 'yjs'

/**
 * The transaction origin of every edit this person makes in this tab. Per-user undo
 * (`useUndo`) tracks only this origin, so it never reverts what somebody else did: remote updates
 * arrive with the WebSocket provider as origin, the offline copy with the IndexedDB persistence.
 *
 * Write through `localEdit` (or pass `LOCAL_ORIGIN` to `doc.transact`). The shared model functions
 * open their own `doc.transact(fn)` without an origin; called inside `localEdit` they join its
 * transaction and so carry this origin. An edit made outside it still syncs, but cannot be undone.
 */
export const LOCAL_ORIGIN: unique symbol = Symbol('oogst-local-edit')

export function localEdit<T>(doc: Y.Doc, edit: () => T): T {
  return doc.transact(() => edit(), LOCAL_ORIGIN)
}

/**
 * The origin of this person's reactions. Undo does not track it: a reaction is given and taken
 * back with the same button, and before this Ctrl+Z after reacting undid the note written before
 * it. Reactions still sync and are still checked by the server like any other edit.
 */
export const REACTION_ORIGIN: unique symbol = Symbol('oogst-reaction')

export function reactionEdit<T>(doc: Y.Doc, edit: () => T): T {
  return doc.transact(() => edit(), REACTION_ORIGIN)
}

/** The per-person undo manager of each document, so that a command can end the current step. */
const undoSteps = new WeakMap<Y.Doc, { stopCapturing(): void }>()

/** `useUndo` registers its manager here; returns the unregister. */
export function registerUndoSteps(doc: Y.Doc, manager: { stopCapturing(): void }): () => void {
  undoSteps.set(doc, manager)
  return () => {
    if (undoSteps.get(doc) === manager) undoSteps.delete(doc)
  }
}

/**
 * A local edit that starts an undo step of its own: a delete, a move to another question, a
 * colour. Plain `localEdit`s within the capture time join the step before them (typing a
 * sentence, the tidying after a drop, the text typed into a new note); a command must not, or
 * Ctrl+Z after "add, then delete within half a second" would undo both and so change nothing.
 */
export function localCommand<T>(doc: Y.Doc, edit: () => T): T {
  undoSteps.get(doc)?.stopCapturing()
  return localEdit(doc, edit)
}

/**
 * Development aid: warns when a transaction without origin changes the document, i.e. a local
 * edit that bypassed `localEdit` and that undo will therefore not see. Returns the unsubscribe.
 */
export function warnAboutUntrackedEdits(doc: Y.Doc): () => void {
  const check = (transaction: Y.Transaction) => {
    if (transaction.origin === null && transaction.local && transaction.changed.size > 0) {
      console.warn('Oogst: a local edit without LOCAL_ORIGIN; undo will not include it.')
    }
  }
  doc.on('afterTransaction', check)
  return () => doc.off('afterTransaction', check)
}
