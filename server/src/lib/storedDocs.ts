import * as Y from 'yjs'

/**
 * A board's rooms as storage holds them, the input of most heavy work: tasks decode them in the
 * pool thread, so the main thread only reads bytes. Kept apart from the report tasks so a task
 * that needs no renderer (grouping suggestions) does not load PDF, Word and PNG code.
 */

/** A room as storage holds it (persistence `StoredRoom`, without its sequence number). */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
}

export interface StoredBoard {
  content: StoredDoc
  control: StoredDoc
}

export function docFrom(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return doc
}
