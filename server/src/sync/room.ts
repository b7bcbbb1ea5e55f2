import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocumentStore } from '../persistence/types'
import { encodeAwareness, encodeUpdate } from './messages'

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
  log?: (message: string, error?: unknown) => void
}

/**
 * One Yjs document in memory with its connected peers.
 *
 * Write path, in this order: queued update → appended to the store (group commit: every update
 * that arrived while the previous write was on its way to disk goes into one transaction) →
 * applied to the document → broadcast once to every peer. Nothing is sent to anyone before it is
 * on disk, and an update whose write failed is never applied, so memory never runs ahead of disk.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Set<RoomPeer>()
  private pending: PendingUpdate[] = []
  private writing = false
  private idle: Promise<void> = Promise.resolve()
  private lastSeq = 0
  private updatesSinceCompaction = 0

  private constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
  ) {
    // The server's own awareness state stays empty: only clients are present.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array) => this.broadcast(encodeUpdate(update)))
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange) => {
      const changed = [...added, ...updated, ...removed]
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)))
    })
  }

  /** Loads the stored state. Throws (and leaves nothing behind) when the store fails. */
  static async load(name: string, store: DocumentStore, options: RoomOptions): Promise<Room> {
    const stored = await store.loadRoom(name)
    const room = new Room(name, store, options)
    room.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot)
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(room.doc, update)
        } catch (error) {
          // Updates are validated before they are stored; a failure here means a damaged row.
          // Skipping it keeps the rest of the board readable.
          options.log?.(`room ${name}: skipped an unreadable stored update`, error)
        }
      }
    })
    room.lastSeq = stored.lastSeq
    room.updatesSinceCompaction = stored.updates.length
    return room
  }

  /** Queues a validated update; resolves once it is durable, applied and broadcast. */
  submitUpdate(update: Uint8Array): Promise<void> {
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
        try {
          this.lastSeq = await this.store.appendUpdates(
            this.name,
            batch.map((item) => item.update),
          )
        } catch (error) {
          for (const item of batch) item.reject(error)
          continue
        }
        this.updatesSinceCompaction += batch.length
        // One transaction → one 'update' event → one broadcast frame for the whole batch.
        this.doc.transact(() => {
          for (const item of batch) {
            try {
              Y.applyUpdate(this.doc, item.update)
            } catch (error) {
              // Decoded fine but failed to integrate; it is stored and skipped on load as well.
              this.options.log?.(`room ${this.name}: update could not be applied`, error)
            }
          }
        })
        for (const item of batch) item.resolve()
        if (this.updatesSinceCompaction >= this.options.compactAfterUpdates) await this.compact()
      }
    } finally {
      this.writing = false
    }
  }

  /** Folds the log into a snapshot. A failure keeps the log as it was, which is still complete. */
  private async compact(): Promise<void> {
    if (this.updatesSinceCompaction === 0) return
    try {
      await this.store.compactRoom(this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq)
      this.updatesSinceCompaction = 0
    } catch (error) {
      this.options.log?.(`room ${this.name}: compaction failed, log kept`, error)
    }
  }

  /** Waits for queued writes, then compacts: called before the room leaves memory. */
  async flushAndCompact(): Promise<void> {
    await this.idle
    await this.compact()
  }

  broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message)
  }

  destroy(): void {
    this.awareness.destroy()
    this.doc.destroy()
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}
