import * as Y from 'yjs'
import { allDeleted, type DecodedUpdate } from './updateChecks'

/**
 * A scratch copy of a room's document, to try a participant's update on before it is stored: the
 * write policy judges what the update does to the copy (recordViews.ts), whatever its encoding.
 *
 * One copy per room document, kept up to date by following the room's own updates, so a check
 * costs applying one update (not copying the board). An update that was tried and refused is in
 * the copy but will never be in the room: then the copy is rebuilt at once. An
 * accepted update is in the copy before the room has stored it; when the copy turns out to hold
 * part of the update being checked that the room does not (a store that failed, the same edit
 * sent twice), it is rebuilt too, so a check never takes an earlier try for the room's state.
 */

const CHECK_ORIGIN = Symbol('write policy check')

/** The roots the schema names, as maps from the start (an update alone would make them untyped). */
const MAP_ROOTS = ['notes', 'zones', 'shapes', 'clusters', 'meta'] as const

interface Scratch {
  doc: Y.Doc
  stale: boolean
  /** How long the last rebuild took (a refusal's cost on this board: see refusalCostMs). */
  rebuildMs: number
}

const scratches = new WeakMap<Y.Doc, Scratch>()

function copyOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  for (const name of MAP_ROOTS) doc.getMap(name)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source))
  return doc
}

function scratchFor(source: Y.Doc): Scratch {
  const known = scratches.get(source)
  if (known) return known
  const scratch: Scratch = { doc: copyOf(source), stale: false, rebuildMs: 0 }
  const follow = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    // An accepted update is in the copy already (it was judged there): applying the room's
    // transaction again would change nothing, and cost as much as the check did (issue 17).
    if (!scratch.stale && !holdsTransaction(scratch.doc, transaction)) Y.applyUpdate(scratch.doc, update)
  }
  source.on('update', follow)
  source.once('destroy', () => {
    source.off('update', follow)
    scratch.doc.destroy()
    scratches.delete(source)
  })
  scratches.set(source, scratch)
  return scratch
}

function rebuild(scratch: Scratch, source: Y.Doc): void {
  const started = performance.now()
  scratch.doc.destroy()
  scratch.doc = copyOf(source)
  scratch.stale = false
  scratch.rebuildMs = performance.now() - started
}

/**
 * What refusing an update costs on this room's board: rebuilding its copy (about 200 ms for 2,000
 * notes). The sync server lets a refused participant wait in proportion before reconnecting.
 */
export function refusalCostMs(source: Y.Doc): number {
  return scratches.get(source)?.rebuildMs ?? 0
}

/**
 * True when the copy has every struct the room's transaction added and every deletion it made, so
 * applying its update would be a no-op (Yjs skips structs it has and deletions it made already).
 */
function holdsTransaction(copy: Y.Doc, transaction: Y.Transaction): boolean {
  for (const [client, after] of transaction.afterState) {
    if (after > (transaction.beforeState.get(client) ?? 0) && Y.getState(copy.store, client) < after)
      return false
  }
  for (const [client, ranges] of transaction.deleteSet.clients) {
    for (const { clock, len } of ranges) if (!allDeleted(copy, client, clock, clock + len)) return false
  }
  return true
}

/** True when the copy already holds structs or deletions of `decoded` that the room does not. */
function copyIsAhead(decoded: DecodedUpdate, copy: Y.Doc, source: Y.Doc): boolean {
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    const roomState = Y.getState(source.store, client)
    if (clock + struct.length > roomState && Y.getState(copy.store, client) > Math.max(clock, roomState)) {
      return true
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const roomStructs = source.store.clients.get(client)
    const copyStructs = copy.store.clients.get(client)
    if (!roomStructs || !copyStructs) continue
    const roomState = Y.getState(source.store, client)
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, roomState)
      if (clock >= end) continue
      // Every item the room still shows in the range must be shown by the copy too.
      for (let i = Y.findIndexSS(roomStructs, clock); i < roomStructs.length; i++) {
        const shown = roomStructs[i]
        if (!shown || shown.id.clock >= end) break
        if (shown.deleted) continue
        const from = Math.max(shown.id.clock, clock)
        const to = Math.min(shown.id.clock + shown.length, end)
        for (let j = Y.findIndexSS(copyStructs, from); j < copyStructs.length; j++) {
          const copied = copyStructs[j]
          if (!copied || copied.id.clock >= to) break
          if (copied.deleted) return true
        }
      }
    }
  }
  return false
}

/**
 * Applies `update` to the room's scratch copy and returns what `judge` says about the transaction
 * (null: fine, or why not). `judge` runs before Yjs cleans up after the transaction, so what the
 * update deleted can still be read as it was (recordViews.visibleBefore).
 */
export function judgeOnCopy(
  source: Y.Doc,
  update: Uint8Array,
  decoded: DecodedUpdate,
  judge: (transaction: Y.Transaction) => string | null,
): string | null {
  const scratch = scratchFor(source)
  if (scratch.stale || copyIsAhead(decoded, scratch.doc, source)) rebuild(scratch, source)
  const copy = scratch.doc
  let verdict: string | null = 'update could not be checked'
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== CHECK_ORIGIN) return
    try {
      verdict = judge(transaction)
    } catch {
      verdict = 'update could not be checked'
    }
  }
  copy.on('beforeObserverCalls', onTransaction)
  try {
    Y.applyUpdate(copy, update, CHECK_ORIGIN)
  } catch {
    verdict = 'update could not be read'
  } finally {
    copy.off('beforeObserverCalls', onTransaction)
  }
  // Parts Yjs could not place yet would land with a later update, and count as its change.
  if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) verdict ??= 'update is incomplete'
  // At once, not at the next check: its cost is then known (refusalCostMs) and falls on the
  // refused sender, not on the next honest writer.
  if (verdict !== null) rebuild(scratch, source)
  return verdict
}
