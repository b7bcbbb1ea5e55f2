import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Fanout } from '../fanout/types'
import { SerialQueue } from '../lib/serialQueue'
import type { DocumentStore } from '../persistence/types'
import { AwarenessBatch } from './awarenessBatch'
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from './messages'
import { SeqTracker } from './seqTracker'

/**
 * How long a gap in the sequence numbers may stay open before storage is read: the message about
 * the missing update is usually just behind (another instance's publish), and reading PostgreSQL
 * for every interleaving doubled the latency of a board written through two instances.
 */
const GAP_GRACE_MS = 150

/** Changes kept behind the cached full state before it is encoded afresh (see syncAnswer). */
const MAX_CHANGES_BEHIND = 500
const MAX_BYTES_BEHIND = 4 * 1024 * 1024

/** What a room needs from a connected socket. */
export interface RoomPeer {
  send(message: Uint8Array): void
}

interface PendingUpdate {
  update: Uint8Array
  resolve: () => void
  reject: (error: unknown) => void
}

export interface RoomOptions {
  compactAfterUpdates: number
  fanout?: Fanout
  /** How long awareness changes are gathered before one fan-out message carries them all. */
  awarenessFanoutMs?: number
  /** The same for the room's own sockets (after a quiet spell the first change goes at once). */
  awarenessBroadcastMs?: number
  /** Called each time a batch is stored (metrics, board activity). */
  onUpdatesStored?: (room: string, count: number) => void
  /**
   * Called with the Yjs transaction that applied updates this instance stored (a client's or the
   * server's own), not those read from storage or received from another instance: a rule that
   * answers a change with a change of its own (placement repair) runs once, where it was stored.
   */
  afterStoredApply?: (room: Room, transaction: Y.Transaction) => void
  /**
   * Called once per room before anything is loaded into its document. A root type that is first
   * read after an update arrived is a new object, not the one in that update's transaction, so a
   * rule that looks at what a transaction changed declares its root types here.
   */
  onRoomCreated?: (room: Room) => void
  log?: (message: string, error?: unknown) => void
}

/** Origin of changes that came from another instance: they are not published again. */
const FANOUT_ORIGIN = Symbol('fanout')
/** Origin of the updates this instance stored itself. */
const STORED_HERE_ORIGIN = Symbol('stored-here')

/**
 * One Yjs document in memory with its connected peers.
 *
 * Write path, in this order: queued update → appended to the store (group commit: every update
 * that arrived while the previous write was on its way to disk goes into one transaction) →
 * applied to the document → broadcast once to every peer → published to other instances. Nothing
 * is sent to anyone before it is on disk, and an update whose write failed is never applied.
 *
 * `seq` is the storage sequence number up to which the document is known to be complete. Updates
 * from other instances carry their numbers; a gap means a lost message and is filled from storage.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Set<RoomPeer>()
  /** Sockets and server actions using this room (RoomManager acquire/release). */
  holds = 0
  private pending: PendingUpdate[] = []
  private writing = false
  /** Set by destroy(): a holder that outlived an eviction (deleted board) can no longer write. */
  private destroyed = false
  private idle: Promise<void> = Promise.resolve()
  private readonly seqs = new SeqTracker()
  private gapTimer: NodeJS.Timeout | null = null
  private updatesSinceCompaction = 0
  /** Serialises everything that changes `seq` together with the document. */
  private readonly exclusiveQueue = new SerialQueue()
  private readonly awarenessBroadcast: AwarenessBatch
  private readonly awarenessFanout: AwarenessBatch
  /** Bytes this room takes in storage (snapshot plus log), for the board size limit. */
  private bytesStored = 0
  /**
   * The answer to "send me everything": the whole document as a sync step 2 frame, encoded once,
   * plus the update frames broadcast since (dropped when they pile up, then encoded afresh).
   */
  private fullState: { step2: Uint8Array; since: Uint8Array[]; sinceBytes: number } | null = null

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
  ) {
    // The server's own awareness state stays empty: only clients are present.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array) => {
      const frame = encodeUpdate(update)
      const full = this.fullState
      if (full) {
        full.since.push(frame)
        full.sinceBytes += frame.byteLength
        if (full.since.length > MAX_CHANGES_BEHIND || full.sinceBytes > MAX_BYTES_BEHIND)
          this.fullState = null
      }
      this.broadcast(frame)
    })
    options.onRoomCreated?.(this)
    const afterStoredApply = options.afterStoredApply
    if (afterStoredApply)
      this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (transaction.origin === STORED_HERE_ORIGIN) afterStoredApply(this, transaction)
      })
    const encodeStates = (ids: number[]) => awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
    this.awarenessBroadcast = new AwarenessBatch(
      options.awarenessBroadcastMs ?? 40,
      (ids) => this.broadcast(encodeAwareness(encodeStates(ids))),
      true,
    )
    this.awarenessFanout = new AwarenessBatch(
      options.awarenessFanoutMs ?? 50,
      (ids) => this.options.fanout?.publishAwareness(this.name, encodeStates(ids)),
      false,
    )
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed]
      this.awarenessBroadcast.add(changed)
      if (origin !== FANOUT_ORIGIN && this.options.fanout) this.awarenessFanout.add(changed)
    })
  }

  /** Loads the stored state. Throws (and leaves nothing behind) when the store fails. */
  static async load(name: string, store: DocumentStore, options: RoomOptions): Promise<Room> {
    const room = new Room(name, store, options)
    try {
      // Subscribe before reading storage, so no update can fall between the two.
      await options.fanout?.join(name, {
        onUpdate: (from, to, update) => void room.receiveRemoteUpdate(from, to, update),
        onAwareness: (update) => room.receiveRemoteAwareness(update),
      })
      const loaded = await room.exclusive(() => room.catchUpLocked())
      room.updatesSinceCompaction = loaded
    } catch (error) {
      await options.fanout?.leave(name)
      room.destroy()
      throw error
    }
    return room
  }

  /** Updates this instance stored since the last compaction. */
  get uncompactedUpdates(): number {
    return this.updatesSinceCompaction
  }

  /** Bytes of this room in storage (snapshot plus log), as far as this instance knows. */
  get storedBytes(): number {
    return this.bytesStored
  }

  /**
   * The frames that answer a client's sync step 1. A new client (empty state vector) gets the
   * cached whole document and the changes since: encoding a 20 MB board takes ~100 ms and a flood
   * of step 1 messages would repeat it for each (issue 16, F3). Applying a change twice is a no-op
   * in Yjs, so the changes the socket also received as broadcasts do no harm. A client that has
   * part of the board gets the difference, encoded for it (those requests are rate-limited).
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array[] {
    // "Has part of the board" means: some of the room's own clients' changes. A client with only its
    // own new edits (or made-up client ids) needs the whole document all the same.
    const known = [...Y.decodeStateVector(stateVector)].some(
      ([client, clock]) => clock > 0 && Y.getState(this.doc.store, client) > 0,
    )
    if (known) return [encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))]
    this.fullState ??= { step2: encodeSyncStep2(Y.encodeStateAsUpdate(this.doc)), since: [], sinceBytes: 0 }
    // The changes go first: the client holds them until the base arrives (Yjs keeps updates whose
    // parents it lacks pending), so when sync step 2 makes it "synced" it has everything. Sent
    // after the step, a client that reads the board when it is synced missed the newest changes.
    return [...this.fullState.since, this.fullState.step2]
  }

  /** Storage sequence number up to which this document is complete. */
  get storedSeq(): number {
    return this.seqs.complete
  }

  /** Queues a validated update; resolves once it is durable, applied and broadcast. */
  submitUpdate(update: Uint8Array): Promise<void> {
    if (this.destroyed) return Promise.reject(new Error(`room ${this.name}: closed`))
    return new Promise((resolve, reject) => {
      this.pending.push({ update, resolve, reject })
      if (!this.writing) {
        this.writing = true
        this.idle = this.writeLoop()
      }
    })
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0)
        const updates = batch.map((item) => item.update)
        let lastSeq: number
        try {
          lastSeq = await this.store.appendUpdates(this.name, updates)
        } catch (error) {
          for (const item of batch) item.reject(error)
          continue
        }
        const firstSeq = lastSeq - batch.length + 1
        this.bytesStored += byteLength(updates)
        await this.exclusive(() => {
          // Another instance may have written in between, its message still on the way: apply
          // ours now (updates commute) and read storage only if the gap stays open.
          this.applyLocked(updates, STORED_HERE_ORIGIN)
          this.noteApplied(firstSeq, lastSeq)
        })
        this.updatesSinceCompaction += batch.length
        this.options.onUpdatesStored?.(this.name, batch.length)
        for (const item of batch) item.resolve()
        this.options.fanout?.publishUpdate(
          this.name,
          firstSeq,
          lastSeq,
          updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates),
        )
        if (this.updatesSinceCompaction >= this.options.compactAfterUpdates) await this.compact()
      }
    } finally {
      this.writing = false
    }
  }

  /** Applies updates in one Yjs transaction: one 'update' event, one broadcast frame. */
  private applyLocked(updates: readonly Uint8Array[], origin: unknown): void {
    this.doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(this.doc, update)
        } catch (error) {
          // Updates are validated before they are stored; a failure here means a damaged row.
          // Skipping it keeps the rest of the board readable.
          this.options.log?.(`room ${this.name}: skipped an update that could not be applied`, error)
        }
      }
    }, origin)
  }

  /** Reads from storage whatever came after `seq`; returns how many log updates that was. */
  private async catchUpLocked(): Promise<number> {
    const stored = await this.store.loadRoom(this.name, this.seqs.complete)
    const updates = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    this.bytesStored += byteLength(updates)
    if (updates.length > 0) this.applyLocked(updates, FANOUT_ORIGIN)
    this.seqs.caughtUp(stored.lastSeq)
    return stored.updates.length
  }

  /** Periodic safety net: a lost fan-out message with no later one to reveal the gap. */
  catchUp(): Promise<number> {
    return this.exclusive(() => this.catchUpLocked())
  }

  private receiveRemoteUpdate(fromSeq: number, toSeq: number, update: Uint8Array): Promise<void> {
    return this.exclusive(() => {
      if (toSeq <= this.seqs.complete) return
      // Published only after commit, so storage has everything up to toSeq if a gap stays open.
      this.bytesStored += update.byteLength
      this.applyLocked([update], FANOUT_ORIGIN)
      this.noteApplied(fromSeq, toSeq)
    }).catch((error) => this.options.log?.(`room ${this.name}: fan-out update failed`, error))
  }

  /** Records applied numbers; a gap left open is filled from storage after a grace period. */
  private noteApplied(from: number, to: number): void {
    this.seqs.applied(from, to)
    if (!this.seqs.hasGap || this.gapTimer || this.destroyed) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null
      void this.exclusive(async () => {
        if (this.seqs.hasGap && !this.destroyed) await this.catchUpLocked()
      }).catch((error) => this.options.log?.(`room ${this.name}: catch-up failed`, error))
    }, GAP_GRACE_MS)
  }

  private receiveRemoteAwareness(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FANOUT_ORIGIN)
    } catch (error) {
      this.options.log?.(`room ${this.name}: unreadable awareness from fan-out`, error)
    }
  }

  private exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    return this.exclusiveQueue.run(work)
  }

  /** Folds the log into a snapshot. A failure keeps the log as it was, which is still complete. */
  private async compact(): Promise<void> {
    if (this.updatesSinceCompaction === 0) return
    // Document and seq are read together (no await between), so the snapshot covers seq.
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    const uptoSeq = this.seqs.complete
    try {
      const before = this.bytesStored
      await this.store.compactRoom(this.name, snapshot, uptoSeq)
      this.updatesSinceCompaction = 0
      // What was appended while the snapshot was written stays in the log.
      this.bytesStored = snapshot.byteLength + Math.max(0, this.bytesStored - before)
    } catch (error) {
      this.options.log?.(`room ${this.name}: compaction failed, log kept`, error)
    }
  }

  /**
   * Folds the log now when that could bring the room back under `limit` bytes (a board near its
   * size limit whose log holds deleted text); a no-op when even the snapshot would not fit.
   */
  async compactToFit(limit: number): Promise<void> {
    await this.idle
    if (this.updatesSinceCompaction === 0 || this.bytesStored <= limit) return
    await this.exclusive(() => this.compact())
  }

  /** Waits for queued writes and fan-out catch-up to finish. */
  async settle(): Promise<void> {
    await this.idle
    await this.exclusiveQueue.idle()
  }

  /** Waits for queued writes, then compacts: called before the room leaves memory. */
  async flushAndCompact(): Promise<void> {
    await this.idle
    await this.exclusiveQueue.idle()
    await this.compact()
  }

  /** Which socket speaks for which awareness client id; one socket per id. */
  private readonly awarenessOwners = new Map<number, RoomPeer>()

  claimAwarenessId(clientId: number, peer: RoomPeer): boolean {
    const owner = this.awarenessOwners.get(clientId)
    if (owner && owner !== peer) return false
    this.awarenessOwners.set(clientId, peer)
    return true
  }

  releaseAwarenessIds(peer: RoomPeer): void {
    for (const [clientId, owner] of this.awarenessOwners)
      if (owner === peer) this.awarenessOwners.delete(clientId)
  }

  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message)
  }

  destroy(): void {
    this.destroyed = true
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.awarenessBroadcast.stop()
    this.awarenessFanout.stop()
    void this.options.fanout?.leave(this.name)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

function byteLength(updates: readonly Uint8Array[]): number {
  return updates.reduce((sum, update) => sum + update.byteLength, 0)
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
