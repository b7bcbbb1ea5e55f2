import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { contentRoom } from '../../../shared/src/rooms'

/**
 * A copy of the board's content document in this browser's IndexedDB, one database per board
 * room. It lets the board open and keep working without a connection; edits made meanwhile are
 * stored here and reach the server through the normal sync once the socket is back (Yjs merges).
 */

function databaseName(boardId: string): string {
  return `oogst:${contentRoom(boardId)}`
}

export interface OfflineCopy {
  persistence: IndexeddbPersistence
  /** Resolves once the stored copy was loaded into the document; true when it had content. */
  loaded: Promise<boolean>
}

export function openOfflineCopy(boardId: string, doc: Y.Doc): OfflineCopy | null {
  // IndexedDB can be missing or blocked (some private modes): the board then simply needs the server.
  if (typeof indexedDB === 'undefined') return null
  try {
    const persistence = new IndexeddbPersistence(databaseName(boardId), doc)
    const loaded = persistence.whenSynced.then(
      () => doc.store.clients.size > 0,
      () => false,
    )
    return { persistence, loaded }
  } catch {
    return null
  }
}

/** Removes the stored copy, e.g. when this device lost access to the board. */
export async function clearOfflineCopy(boardId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return
  try {
    await clearDocument(databaseName(boardId))
  } catch {
    // Nothing stored, or storage blocked: nothing to remove.
  }
}
