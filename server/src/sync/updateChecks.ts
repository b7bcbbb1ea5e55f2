import * as Y from 'yjs'

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** True when an update carries structs the document does not have yet (i.e. new content). */
export function addsContent(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  return decoded.structs.some(
    (struct) => struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client),
  )
}

/**
 * True when applying the update would change nothing: no new structs and every deletion already
 * applied. Reconnecting clients send such updates (their sync step 2 always carries the whole
 * delete set); storing them would grow the log on every reconnect.
 */
export function isRedundant(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  if (addsContent(decoded, doc)) return false
  if (decoded.ds.clients.size === 0) return true
  const known = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, ranges] of decoded.ds.clients) {
    const covered = known.clients.get(client) ?? []
    for (const range of ranges) {
      const end = range.clock + range.len
      // The doc's delete set is sorted and merged, so a range is covered by at most one item.
      if (!covered.some((item) => item.clock <= range.clock && end <= item.clock + item.len)) return false
    }
  }
  return true
}
