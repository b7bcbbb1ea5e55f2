import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Fanout } from '../fanout/types'
import { SerialQueue } from '../lib/serialQueue'
import type { DocumentStore, StoredRoom } from '../persistence/types'
import { AwarenessBatch } from './awarenessBatch'
import { CommitPacer } from './commitPacer'
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from './messages'
import { NewClientAnswer } from './newClientAnswer'
import { SeqTracker } from './seqTracker'

/**
 * How long a gap in the sequence numbers may stay open before storage is read: the message about
 * the missing update is usually just behind (another instance's publish), and reading PostgreSQL
 * for every interleaving doubled the latency of a board written through two instances.
 */
const GAP_GRACE_MS = 150

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
  /**
   * Group commit: while the room is busy (commitPacer.ts), the least time between the
   * starts of two commits (ms, default 0). The edits that arrive meanwhile go into one commit, one
   * apply and one frame per socket. A room below that rate commits every edit at once.
   */
  commitGapMs?: number
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
/** Origin of the first load from storage: nobody is sent it again (see loadFirst). */
const FIRST_LOAD_ORIGIN = Symbol('first-load')

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
  /** Spaces commits while the room is busy (group commit, commitPacer.ts). */
  private readonly commitPacer: CommitPacer
  /** Set by destroy(): a holder that outlived an eviction (deleted board) can no longer write. */
  private destroyed = false
  private idle: Promise<void> = Promise.resolve()
  private readonly seqs = new SeqTracker()
  private gapTimer: NodeJS.Timeout | null = null
  private updatesSinceCompaction = 0
  /** Bytes of the last snapshot; the log is the rest of bytesStored (compactionDue). */
  private snapshotBytes = 0
  /** Serialises everything that changes `seq` together with the document. */
  private readonly exclusiveQueue = new SerialQueue()
  private readonly awarenessBroadcast: AwarenessBatch
  private readonly awarenessFanout: AwarenessBatch
  /** Bytes this room takes in storage (snapshot plus log), for the board size limit. */
  private bytesStored = 0
  /** The answer to "send me everything", from storage at first (newClientAnswer.ts). */
  private readonly newClients = new NewClientAnswer()
  /** False until storage was read: new clients asking before then wait here (answerNewClient). */
  private storedRead = false
  private readonly waitingForStorage = new Set<RoomPeer>()

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
  ) {
    this.commitPacer = new CommitPacer(options.commitGapMs ?? 0)
    // The server's own awareness state stays empty: only clients are present.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // The stored state: whoever is a peer by now was answered from those very bytes.
      if (origin === FIRST_LOAD_ORIGIN) return
      const frame = encodeUpdate(update)
      this.newClients.followed(frame)
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

  /**
   * A room that starts loading its stored state at once; `loaded` rejects (and the room is
   * destroyed) when the store fails. Until then the room only answers new clients (answerNewClient).
   */
  static open(
    name: string,
    store: DocumentStore,
    options: RoomOptions,
  ): { room: Room; loaded: Promise<Room> } {
    const room = new Room(name, store, options)
    return { room, loaded: room.load() }
  }

  private async load(): Promise<Room> {
    const { fanout } = this.options
    try {
      // Subscribe before reading storage, so no update can fall between the two.
      await fanout?.join(this.name, {
        onUpdate: (from, to, update) => void this.receiveRemoteUpdate(from, to, update),
        onAwareness: (update) => this.receiveRemoteAwareness(update),
      })
      const loaded = await this.exclusive(() => this.loadFirstLocked())
      this.updatesSinceCompaction = loaded
    } catch (error) {
      await fanout?.leave(this.name)
      this.destroy()
      throw error
    }
    return this
  }

  /**
   * The first read from storage. New clients are answered from the stored bytes before they are
   * applied (issue 17: applying a 2,000-note board takes ~50 ms, sending it ~1); they become
   * peers at that moment, so every later change reaches them as a broadcast. The document is
   * applied after one turn of the event loop, so a sync step 1 already on its way is answered
   * from storage too instead of waiting for the apply.
   */
  private async loadFirstLocked(): Promise<number> {
    const stored = await this.store.loadRoom(this.name, this.seqs.complete)
    this.newClients.fromStored(stored)
    this.storedRead = true
    for (const peer of this.waitingForStorage) this.answerFromStore(peer)
    this.waitingForStorage.clear()
    await new Promise((resolve) => setImmediate(resolve))
    const damaged = this.applyStored(stored, FIRST_LOAD_ORIGIN)
    // A row that could not be applied was sent to the early clients as it was stored (their Yjs
    // skips it the same way); later joiners get the document encoded afresh.
    if (damaged) this.newClients.drop()
    return stored.updates.length
  }

  /**
   * A new client (empty state vector) whose connection has not joined yet: answered from storage
   * as soon as it is read (now, if it was), and a peer from then on.
   */
  answerNewClient(peer: RoomPeer): void {
    if (this.destroyed) return
    if (this.storedRead) this.answerFromStore(peer)
    else this.waitingForStorage.add(peer)
  }

  private answerFromStore(peer: RoomPeer): void {
    for (const frame of this.syncAnswer(EMPTY_STATE_VECTOR)) peer.send(frame)
    this.peers.add(peer)
  }

  /** A socket that closed, also one still waiting for storage. */
  removePeer(peer: RoomPeer): void {
    this.waitingForStorage.delete(peer)
    this.peers.delete(peer)
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
   * cached whole document and the changes since (newClientAnswer.ts). A client that has part of
   * the board gets the difference, encoded for it (those requests are rate-limited).
   */
  syncAnswer(stateVector: Uint8Array): Uint8Array[] {
    // "Has part of the board" means: some of the room's own clients' changes. A client with only its
    // own new edits (or made-up client ids) needs the whole document all the same.
    const known = [...Y.decodeStateVector(stateVector)].some(
      ([client, clock]) => clock > 0 && Y.getState(this.doc.store, client) > 0,
    )
    if (known) return [encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))]
    return this.newClients.frames(() => Y.encodeStateAsUpdate(this.doc))
  }

  /** Storage sequence number up to which this document is complete. */
  get storedSeq(): number {
    return this.seqs.complete
  }

  /** Queues a validated update; resolves once it is durable, applied and broadcast. */
  submitUpdate(update: Uint8Array): Promise<void> {
    if (this.destroyed) return Promise.reject(new Error(`room ${this.name}: closed`))
    this.commitPacer.countEdit()
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
        await this.commitPacer.beforeCommit()
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
        if (this.compactionDue()) await this.compact()
      }
    } finally {
      this.writing = false
    }
  }

  /**
   * Applies updates in one Yjs transaction: one 'update' event, one broadcast frame. Returns
   * whether an update could not be applied.
   */
  private applyLocked(updates: readonly Uint8Array[], origin: unknown): boolean {
    let damaged = false
    this.doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(this.doc, update)
        } catch (error) {
          // Updates are validated before they are stored; a failure here means a damaged row.
          // Skipping it keeps the rest of the board readable.
          damaged = true
          this.options.log?.(`room ${this.name}: skipped an update that could not be applied`, error)
        }
      }
    }, origin)
    return damaged
  }

  /** Applies what storage returned and records its sequence number; true if a row was damaged. */
  private applyStored(stored: StoredRoom, origin: unknown): boolean {
    const updates = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
    this.bytesStored += byteLength(updates)
    if (stored.snapshot) this.snapshotBytes = stored.snapshot.byteLength
    const damaged = updates.length > 0 && this.applyLocked(updates, origin)
    this.seqs.caughtUp(stored.lastSeq)
    return damaged
  }

  /** Reads from storage whatever came after `seq`; returns how many log updates that was. */
  private async catchUpLocked(): Promise<number> {
    const stored = await this.store.loadRoom(this.name, this.seqs.complete)
    this.applyStored(stored, FANOUT_ORIGIN)
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

  /**
   * Folding rewrites the whole snapshot, and a board's snapshot grows with its history (Yjs keeps
   * a small record of every overwritten value: 50,000 note moves make about 1 MB). Folding every
   * `compactAfterUpdates` updates regardless made the disk rewrite that megabyte three times a
   * second under load, and the writes queued behind it: the bench's ramp fell from 1,600 to 130
   * edits/s once its room had that history (issue 17). So the log must also have grown to half
   * the snapshot, which keeps the bytes written for snapshots within twice the bytes of the updates
   * themselves; and at ten times the count it is folded anyway, so a load replays a bounded log.
   */
  private compactionDue(): boolean {
    const every = this.options.compactAfterUpdates
    if (this.updatesSinceCompaction < every) return false
    const logBytes = this.bytesStored - this.snapshotBytes
    return logBytes * 2 >= this.snapshotBytes || this.updatesSinceCompaction >= every * 10
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
      this.snapshotBytes = snapshot.byteLength
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
    // One Buffer for every peer: the socket library would otherwise wrap the bytes once per peer.
    const frame = Buffer.isBuffer(message)
      ? message
      : Buffer.from(message.buffer, message.byteOffset, message.byteLength)
    for (const peer of this.peers) peer.send(frame)
  }

  destroy(): void {
    this.destroyed = true
    this.waitingForStorage.clear()
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.awarenessBroadcast.stop()
    this.awarenessFanout.stop()
    void this.options.fanout?.leave(this.name)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

/** The state vector of a client that has nothing: it is sent the whole board. */
const EMPTY_STATE_VECTOR = new Uint8Array([0])

function byteLength(updates: readonly Uint8Array[]): number {
  return updates.reduce((sum, update) => sum + update.byteLength, 0)
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
