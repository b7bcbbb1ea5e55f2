import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_CODES } from '../../../shared/src/protocol'
import { controlRoom } from '../../../shared/src/rooms'
import { syncUrl } from './syncUrl'

export interface ControlDoc {
  doc: Y.Doc
  /** True once the first full sync with the server is done. */
  synced: boolean
}

/**
 * The board's control document (`<boardId>/control`): session script, timer, voting, locks …
 * Everyone reads it; only facilitators write it (the server refuses others' writes). Same token as
 * the content document. Not kept offline: without the server there is no timer to follow.
 * `onRoleChange` runs when the server restarts our sockets (close code 4000), which is also how a
 * changed role takes effect: the board page then asks the server who we are now.
 */
export function useControlDoc(boardId: string, token: string, onRoleChange: () => void): ControlDoc | null {
  const [state, setState] = useState<{ doc: Y.Doc; synced: boolean } | null>(null)
  const [handler] = useState(() => ({ current: onRoleChange }))
  handler.current = onRoleChange

  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncUrl(), controlRoom(boardId), doc, {
      params: { token },
      disableBc: true,
    })
    // Only the facilitators' own edits matter here; awareness lives in the content room.
    provider.awareness.setLocalState(null)
    provider.on('sync', (synced) => setState({ doc, synced }))
    provider.on('connection-close', (event) => {
      if (event?.code === CLOSE_CODES.reconnect) handler.current()
    })
    let retry: number | undefined
    provider.on('closed', () => {
      window.clearTimeout(retry)
      retry = window.setTimeout(() => provider.connect(), 5000)
    })
    setState({ doc, synced: false })
    return () => {
      window.clearTimeout(retry)
      provider.destroy()
      doc.destroy()
      setState(null)
    }
  }, [boardId, token, handler])

  return state
}
