import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { contentRoom } from '../../../shared/src/rooms'

export type ConnectionStatus = 'connected' | 'connecting' | 'offline'

export interface SyncedBoard {
  doc: Y.Doc
  status: ConnectionStatus
  /** True once the first full sync with the server is done; used for "reconnecting" wording. */
  hasSynced: boolean
}

// After this many failed connection attempts in a row we ask the API whether the token still works:
// the server refuses bad tokens at the WebSocket upgrade, which the browser reports only as a close.
const FAILURES_BEFORE_RECHECK = 3
const RETRY_AFTER_REFUSAL_MS = 5000

function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

/**
 * The board's content document, kept in sync with the server. Connection status is derived from
 * the provider (socket open + first sync done) and from the browser's own online flag, so people
 * see "Offline" immediately instead of after a socket timeout.
 */
export function useSyncedBoard(
  boardId: string,
  token: string,
  onConnectionKeepsFailing: () => void,
): SyncedBoard | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null)
  const [socket, setSocket] = useState<{ connected: boolean; synced: boolean }>({
    connected: false,
    synced: false,
  })
  const [hasSynced, setHasSynced] = useState(false)
  const [online, setOnline] = useState(() => navigator.onLine)

  useEffect(() => {
    const update = () => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])

  // The callback changes identity on every render of the parent; the provider must not.
  const [failureHandler] = useState(() => ({ current: onConnectionKeepsFailing }))
  failureHandler.current = onConnectionKeepsFailing

  useEffect(() => {
    const nextDoc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), contentRoom(boardId), nextDoc, {
      params: { token },
      // No cross-tab shortcut: "Verbonden" must mean the server has our changes.
      disableBc: true,
    })
    let failures = 0
    provider.on('status', ({ status }) => {
      setSocket({ connected: status === 'connected', synced: provider.synced })
    })
    provider.on('sync', (synced) => {
      setSocket({ connected: provider.wsconnected, synced })
      if (synced) {
        failures = 0
        setHasSynced(true)
      }
    })
    // A connection that synced was fine (e.g. the server restarted); only count ones that never did.
    provider.on('connection-close', () => {
      if (provider.synced) return
      failures += 1
      if (failures % FAILURES_BEFORE_RECHECK === 0) failureHandler.current()
    })
    // Close codes 4400-4499 make the provider give up (e.g. access revoked): check the token right
    // away. If it is still fine, the refusal was about something passing, so try again later.
    let retryTimer: number | undefined
    provider.on('closed', () => {
      failureHandler.current()
      window.clearTimeout(retryTimer)
      retryTimer = window.setTimeout(() => provider.connect(), RETRY_AFTER_REFUSAL_MS)
    })
    setDoc(nextDoc)
    return () => {
      window.clearTimeout(retryTimer)
      provider.destroy()
      nextDoc.destroy()
      setDoc(null)
      setSocket({ connected: false, synced: false })
    }
  }, [boardId, token, failureHandler])

  if (!doc) return null
  const status: ConnectionStatus = !online
    ? 'offline'
    : socket.connected && socket.synced
      ? 'connected'
      : 'connecting'
  return { doc, status, hasSynced }
}
