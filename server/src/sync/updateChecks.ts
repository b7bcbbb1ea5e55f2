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
 * delete set); storing them would grow the log on every reconnect. Checked range by range on the
 * document's structs (the update's size, not the board's: building the document's whole delete
 * set cost every note-moving edit, whose update deletes the old place, a walk over the board).
 */
export function isRedundant(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  if (addsContent(decoded, doc)) return false
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges)
      if (!allDeleted(doc, client, range.clock, range.clock + range.len)) return false
  }
  return true
}

/** True when the document has every item of `client` in [clock, end) and all of them are deleted. */
export function allDeleted(doc: Y.Doc, client: number, clock: number, end: number): boolean {
  if (clock >= end) return true
  const structs = doc.store.clients.get(client)
  if (!structs || Y.getState(doc.store, client) < end) return false
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i] as Y.Item | Y.GC
    if (struct.id.clock >= end) break
    if (!struct.deleted) return false
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
