import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { contentRoom } from '../../../shared/src/rooms'
import { isRefusedEdit, reloadAfterRefusedEdit } from '../session/refusedEdit'
import { warnAboutUntrackedEdits } from './localOrigin'
import { openOfflineCopy } from './offline'
import { sendOwnPresenceOnly } from './ownPresenceOnly'
import { providerOptions } from './providerOptions'

export type ConnectionStatus = 'connected' | 'connecting' | 'offline'

export interface SyncedBoard {
  doc: Y.Doc
  /** Live presence (cursors, selections, viewports) of everyone in the room, including us. */
  awareness: Awareness
  status: ConnectionStatus
  /** True once the first full sync with the server is done; used for "reconnecting" wording. */
  hasSynced: boolean
  /** True once there is board content to show: from the server, or from the copy on this device. */
  contentLoaded: boolean
}

// After this many failed connection attempts in a row we ask the API whether the token still works:
// the server refuses bad tokens at the WebSocket upgrade, which the browser reports only as a close.
const FAILURES_BEFORE_RECHECK = 3
const RETRY_AFTER_REFUSAL_MS = 5000

function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

function useBrowserOnline(): boolean {
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
  return online
}

/**
 * The board's content document, kept in sync with the server and with a copy in this browser
 * (IndexedDB), so the board opens and works offline. Connection status is derived from the
 * provider (socket open + first sync done) and from the browser's own online flag, so people
 * see "Offline" immediately instead of after a socket timeout.
 */
export function useSyncedBoard(
  boardId: string,
  token: string,
  onConnectionKeepsFailing: () => void,
): SyncedBoard | null {
  const [board, setBoard] = useState<{ doc: Y.Doc; awareness: Awareness } | null>(null)
  const [socket, setSocket] = useState({ connected: false, synced: false })
  const [hasSynced, setHasSynced] = useState(false)
  const [localContent, setLocalContent] = useState(false)
  const online = useBrowserOnline()

  // The callback changes identity on every render of the parent; the provider must not.
  const [failureHandler] = useState(() => ({ current: onConnectionKeepsFailing }))
  failureHandler.current = onConnectionKeepsFailing

  useEffect(() => {
    const doc = new Y.Doc()
    const offline = openOfflineCopy(boardId, doc)
    let active = true
    void offline?.loaded.then((hasContent) => {
      if (active && hasContent) setLocalContent(true)
    })
    const provider = new WebsocketProvider(syncUrl(), contentRoom(boardId), doc, {
      ...providerOptions(token),
      connect: navigator.onLine,
    })
    sendOwnPresenceOnly(provider)
    // Without network, close the socket at once: others' cursors and the "online now" count are
    // cleared instead of lingering until a timeout, and coming back reconnects without waiting.
    const goOffline = () => provider.disconnect()
    const goOnline = () => provider.connect()
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
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
    provider.on('closed', (event) => {
      // An edit the server refused (a locked note, time up): start again from the server's board.
      if (isRefusedEdit(event.code)) {
        void reloadAfterRefusedEdit(boardId, offline?.persistence, event.code)
        return
      }
      failureHandler.current()
      window.clearTimeout(retryTimer)
      retryTimer = window.setTimeout(() => provider.connect(), RETRY_AFTER_REFUSAL_MS)
    })
    const stopWarning = import.meta.env.DEV ? warnAboutUntrackedEdits(doc) : () => {}
    setBoard({ doc, awareness: provider.awareness })
    return () => {
      active = false
      stopWarning()
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      window.clearTimeout(retryTimer)
      provider.destroy()
      void offline?.persistence.destroy()
      doc.destroy()
      setBoard(null)
      setSocket({ connected: false, synced: false })
      setLocalContent(false)
    }
  }, [boardId, token, failureHandler])

  if (!board) return null
  const status: ConnectionStatus = !online
    ? 'offline'
    : socket.connected && socket.synced
      ? 'connected'
      : 'connecting'
  return { ...board, status, hasSynced, contentLoaded: hasSynced || localContent }
}
