import type { StoredRoom } from '../persistence/types'
import { encodeSyncStep2, encodeUpdate } from './messages'

/** Changes kept behind the cached full state before it is encoded afresh. */
const MAX_CHANGES_BEHIND = 500
const MAX_BYTES_BEHIND = 4 * 1024 * 1024

/** An update that changes nothing (a new document's state): the step 2 of a room stored empty. */
const EMPTY_UPDATE = new Uint8Array([0, 0])

/**
 * The answer to "send me everything" (a sync step 1 with an empty state vector): a whole-document
 * sync step 2 frame, encoded once, plus the update frames that came after it. Encoding a 20 MB
 * board takes ~100 ms and a flood of step 1 messages would repeat it for each (issue 16, F3).
 *
 * A cold room starts with what storage returned: the snapshot as the step 2 and the log behind it
 * as the changes, so a new client is answered from the stored bytes while the room is still
 * applying them (issue 17: ~50 ms for 2,000 notes) and the room never encodes its document for it.
 *
 * The changes go BEFORE the step: the client holds them until their base arrives (Yjs keeps
 * updates whose parents it lacks pending), so when sync step 2 makes it "synced" it has
 * everything. Sent after the step, a client that reads the board when it is synced misses them.
 * Applying a change twice is a no-op, so changes a socket also received as broadcasts do no harm.
 */
export class NewClientAnswer {
  private step2: Uint8Array | null = null
  private since: Uint8Array[] = []
  private sinceBytes = 0

  /**
   * Starts from the stored state: the snapshot (or nothing) and the log after it, as stored. Kept
   * however long the log is (the document is not there yet to encode afresh); the next change
   * drops it if it is too far behind.
   */
  fromStored(stored: StoredRoom): void {
    this.step2 = encodeSyncStep2(stored.snapshot ?? EMPTY_UPDATE)
    this.since = stored.updates.map(encodeUpdate)
    this.sinceBytes = this.since.reduce((sum, frame) => sum + frame.byteLength, 0)
  }

  /** A frame the room broadcast: it goes behind the cached step (the cache is dropped when too far). */
  followed(frame: Uint8Array): void {
    if (this.step2 === null) return
    this.since.push(frame)
    this.sinceBytes += frame.byteLength
    if (this.since.length > MAX_CHANGES_BEHIND || this.sinceBytes > MAX_BYTES_BEHIND) this.drop()
  }

  drop(): void {
    this.step2 = null
    this.since = []
    this.sinceBytes = 0
  }

  /** The frames, changes first; `encodeWhole` (the document's state now) fills an empty cache. */
  frames(encodeWhole: () => Uint8Array): Uint8Array[] {
    if (this.step2 === null) this.step2 = encodeSyncStep2(encodeWhole())
    return [...this.since, this.step2]
  }
}
