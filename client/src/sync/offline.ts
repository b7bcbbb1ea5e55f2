import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { contentRoom } from '../../../shared/src/rooms'
import { ApiError, type BoardInfo } from '../api/boardsApi'
import { readStoredRecord, writeStored } from '../storage/safeStorage'

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

/**
 * Opening a board checks the token with `GET /api/boards/:id`. Without a connection that check
 * cannot happen, so the last answer is kept per board (with the token it was for) and used instead:
 * the board opens from the copy on this device and syncs once the server is back, when the token
 * is checked again by the socket and by the next page load.
 */

const KEY = 'oogst.boardInfo'
/** With a stored answer, wait no longer than this for the server before opening offline. */
export const OFFLINE_CHECK_TIMEOUT_MS = 5000

interface Remembered {
  token: string
  info: BoardInfo
}

export function rememberBoardInfo(boardId: string, token: string, info: BoardInfo): void {
  const all = readStoredRecord<Remembered>(KEY)
  all[boardId] = { token, info }
  writeStored(KEY, JSON.stringify(all))
}

/** The stored answer for this board and token, or null. */
export function rememberedBoardInfo(boardId: string, token: string): BoardInfo | null {
  const entry = readStoredRecord<Remembered>(KEY)[boardId]
  return entry && entry.token === token && entry.info?.id === boardId ? entry.info : null
}

/** This device lost access: forget the stored answer and the offline copy of the board. */
export function forgetOfflineBoard(boardId: string): void {
  const all = readStoredRecord<Remembered>(KEY)
  if (all[boardId]) {
    delete all[boardId]
    writeStored(KEY, JSON.stringify(all))
  }
  void clearOfflineCopy(boardId)
}

/** The server could not be reached (no network, server down, proxy error): not a "no". */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status >= 500)
}

/** `check` or, when a stored answer exists and the server is slow to answer, a network error. */
export function withOfflineTimeout<T>(check: Promise<T>, hasFallback: boolean): Promise<T> {
  if (!hasFallback) return check
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ApiError(0, 'network', 'timed out')), OFFLINE_CHECK_TIMEOUT_MS)
    check.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
