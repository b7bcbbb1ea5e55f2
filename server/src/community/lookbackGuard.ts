import * as Y from 'yjs'
import { readLookback } from '../../../shared/src/model/lookback'
import { sessionRoot } from '../../../shared/src/model/schema'
import type { SyncExtension } from '../sync/hooks'

/**
 * `session.lookback` (a community session's Terugblik, issue 19) is written by the server only.
 * Participants cannot write the control document at all; facilitators can (rounds, locks), so
 * their updates to a control room whose board has a Terugblik are tried on a copy first, and one
 * that changes `lookback` is refused (4409), like a participant's edit of a locked note. The
 * history in storage stays the truth either way; this keeps every screen showing it.
 *
 * Only boards with a Terugblik pay for the copy (a control document is small: rounds, timer,
 * names), and only for facilitators' own updates, which follow clicks, not keystrokes.
 */
export const lookbackGuard: SyncExtension = {
  beforeStore({ address, room, update }) {
    if (address.kind !== 'control') return null
    if (!(sessionRoot(room.doc).get('lookback') instanceof Y.Map)) return null
    const copy = new Y.Doc()
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
      const before = snapshot(copy)
      Y.applyUpdate(copy, update)
      return snapshot(copy) === before ? null : 'the Terugblik (lookback) is written by the server only'
    } finally {
      copy.destroy()
    }
  },
}

/** The lookback map as comparable text, the map's own identity included (replacing it counts). */
function snapshot(doc: Y.Doc): string {
  const map = sessionRoot(doc).get('lookback')
  const identity = map instanceof Y.Map && map._item ? `${map._item.id.client}:${map._item.id.clock}` : 'none'
  const raw = map instanceof Y.Map ? map.toJSON() : null
  return JSON.stringify([identity, raw, [...readLookback(doc)]])
}
