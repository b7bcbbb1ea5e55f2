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

/**
 * Why an update cannot be integrated right now, or null when it can. Yjs would keep such an
 * update "pending" in memory forever (and we would store it), so the server refuses: a gap in a
 * client's clock, or a reference (origin, right origin, parent, deletion) to an item that neither
 * the document nor the update itself contains. A well-behaved client never sends one.
 */
export function missingDependency(decoded: DecodedUpdate, doc: Y.Doc): string | null {
  // What the update brings, per client: [first clock, end clock).
  const brings = new Map<number, { start: number; end: number }>()
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return 'update skips part of a client history'
    const { client, clock } = struct.id
    const range = brings.get(client)
    if (!range) brings.set(client, { start: clock, end: clock + struct.length })
    else if (clock !== range.end) return 'update has a gap in a client history'
    else range.end = clock + struct.length
  }
  for (const [client, range] of brings) {
    if (range.start > Y.getState(doc.store, client))
      return 'update builds on changes the server does not have'
  }
  const known = (id: { client: number; clock: number }): boolean => {
    if (id.clock < Y.getState(doc.store, id.client)) return true
    const range = brings.get(id.client)
    return range !== undefined && id.clock >= range.start && id.clock < range.end
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    if (struct.origin && !known(struct.origin)) return 'update refers to an unknown item'
    if (struct.rightOrigin && !known(struct.rightOrigin)) return 'update refers to an unknown item'
    if (struct.parent instanceof Y.ID && !known(struct.parent)) return 'update refers to an unknown parent'
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const limit = Math.max(Y.getState(doc.store, client), brings.get(client)?.end ?? 0)
    for (const range of ranges) if (range.clock + range.len > limit) return 'update deletes unknown items'
  }
  return null
}
