import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { YClient } from './yclient'

/**
 * Hand-made updates, as an attacker's own Yjs code would write them: made in a document with a
 * chosen client id, from the board's current state or from nothing (then a new value under an
 * existing key has no origin), with the values of the new items re-encoded in another content
 * kind than Y.Map.set uses (ContentJSON instead of ContentAny, and so on).
 */
export interface Craft {
  /** The board as the attacker saw it; leave out for an update made without seeing the board. */
  base?: Y.Doc
  clientID?: number
  edit: (doc: Y.Doc) => void
  /** Another content for a new item (same length, unless it is the last), or null to keep it. */
  recode?: (item: Y.Item) => Y.Item['content'] | null
}

export function craftUpdate({ base, clientID, edit, recode }: Craft): Uint8Array {
  const doc = new Y.Doc()
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  if (clientID !== undefined) doc.clientID = clientID
  const seen = Y.encodeStateVector(doc)
  const from = Y.getState(doc.store, doc.clientID)
  doc.transact(() => edit(doc))
  // Read after the transaction: Yjs merges neighbouring items when it ends.
  const added = (doc.store.clients.get(doc.clientID) ?? []).filter(
    (struct): struct is Y.Item => struct instanceof Y.Item && struct.id.clock >= from,
  )
  for (const item of added) {
    const content = recode?.(item)
    // Only the last item may change length: the clocks of the items after it would move.
    if (content && (content.getLength() === item.length || item === added[added.length - 1])) {
      item.content = content
      item.length = content.getLength()
    }
  }
  const update = Y.encodeStateAsUpdate(doc, seen)
  doc.destroy()
  return update
}

/** The value as ContentJSON (the legacy JSON encoding) when the item holds one plain value. */
export function asJson(item: Y.Item): Y.Item['content'] | null {
  return item.content instanceof Y.ContentAny && item.length === 1
    ? new Y.ContentJSON(item.content.getContent())
    : null
}

/** Sends an update over the client's socket as is (the provider would re-encode its own). */
export function sendRawUpdate(client: YClient, update: Uint8Array): void {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  ;(client.provider.ws as WebSocket | null)?.send(encoding.toUint8Array(encoder))
}
