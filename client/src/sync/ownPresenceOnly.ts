import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'

/** y-websocket's message type for awareness (presence) updates. */
const MESSAGE_AWARENESS = 1

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * The stock y-websocket provider sends every awareness change back to the server, including the
 * ones it just received from others: in a room of 40 people each cursor move then travels back up
 * from 39 phones, and the server decodes 40 times what it sends. Only this tab's own presence
 * needs sending (the server already tells everyone about the others, and about who left), so this
 * replaces the provider's handler with one that sends own changes only. The provider keeps working
 * as before otherwise; `destroy()` removes this handler, since it is stored in the same field.
 *
 * Call right after creating the provider (before it connects to others' presence). Only for
 * providers with `disableBc: true`: cross-tab BroadcastChannel relaying is not redone here.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const awareness = provider.awareness
  awareness.off('update', provider._awarenessUpdateHandler)
  const ownId = provider.doc.clientID
  const handler = ({ added, updated, removed }: AwarenessChange) => {
    const own = [...added, ...updated, ...removed].filter((clientId) => clientId === ownId)
    const ws = provider.ws
    if (own.length === 0 || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, own))
    ws.send(encoding.toUint8Array(encoder))
  }
  provider._awarenessUpdateHandler = handler
  awareness.on('update', handler)
}
