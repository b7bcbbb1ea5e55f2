import * as Y from 'yjs'
import type { DocumentStore } from '../persistence/types'
import { BoardLimitError, type BoardLimits, updateLimitRefusal } from './boardLimits'
import type { SyncHooks } from './hooks'
import { Room, type RoomOptions } from './room'
import { changeOnCopy } from './serverCopy'

/** Limits every write path checks (issue 16): per board, and per socket for what sockets may ask. */
export interface WriteLimits {
  board: BoardLimits
  /** Sync step 1 requests per socket per second; each is answered with a diff of the whole board. */
  syncRequestsPerSecond: number
  /** Largest awareness state a socket may set for itself (JSON bytes). */
  awarenessMaxStateBytes: number
  /** Awareness bytes a socket may send per second, over all entries it carries. */
  awarenessBytesPerSecond: number
}

/** Generous defaults for code that builds a RoomManager without a config (tools, benches). */
export const DEFAULT_WRITE_LIMITS: WriteLimits = {
  board: { maxRoomBytes: 64 * 1024 * 1024, maxNotes: 25_000, maxTextLength: 10_000, maxDepth: 16 },
  syncRequestsPerSecond: 2,
  awarenessMaxStateBytes: 16 * 1024,
  awarenessBytesPerSecond: 256 * 1024,
}

/** How long an evicted board's rooms stay unloadable; far longer than any request in flight. */
const DELETED_BOARD_MEMORY_MS = 10 * 60_000

/** `<boardId>` or `<boardId>/…` (room names are parsed before they get here). */
const boardOf = (room: string): string => room.split('/', 1)[0] as string

/**
 * Loads rooms on first use, shares one Room per name, and unloads a room a grace period after its
 * last peer leaves (compacting it on the way out).
 *
 * Failure rules (from Hocuspocus #382 and #954): a failed load leaves no Room behind, so the next
 * connection retries the load instead of finding an empty document that would later overwrite the
 * stored one; a failed compaction does not keep a room in memory.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>()
  /** The same rooms once loaded, for synchronous reads (metrics). */
  private readonly loaded = new Map<string, Room>()
  /** Rooms still loading from storage (they can already answer new clients). */
  private readonly opening = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly unloading = new Map<string, Promise<void>>()
  /**
   * Boards evicted as deleted. Their rooms are never loaded again in this process: a socket or a
   * server action that was already on its way in would otherwise load an empty room and write
   * rows for a board that no longer exists. Kept long enough for any such straggler.
   */
  private readonly deletedBoards = new Set<string>()

  private readonly catchUpTimer: NodeJS.Timeout | null = null
  readonly limits: WriteLimits
  /** What each Room is created with: the options and the room-level hooks, bound to this manager. */
  private readonly roomOptions: RoomOptions

  constructor(
    private readonly store: DocumentStore,
    private readonly options: Omit<RoomOptions, 'afterStoredApply' | 'onRoomCreated' | 'onUpdatesStored'> & {
      unloadGraceMs: number
      catchUpIntervalMs?: number
      limits?: WriteLimits
      /** Room-level hooks of the registered extensions (sync/hooks.ts). */
      hooks: Pick<SyncHooks, 'afterStoredApply' | 'onRoomCreated' | 'onUpdatesStored'>
    },
  ) {
    this.limits = options.limits ?? DEFAULT_WRITE_LIMITS
    const { hooks } = options
    this.roomOptions = {
      ...options,
      afterStoredApply: (room, transaction) => hooks.afterStoredApply(room, transaction, this),
      onRoomCreated: hooks.onRoomCreated,
      onUpdatesStored: hooks.onUpdatesStored,
    }
    // With fan-out, a lost message is noticed at the next one; this catches the last one too.
    if (options.fanout) {
      this.catchUpTimer = setInterval(() => void this.catchUpAll(), options.catchUpIntervalMs ?? 2000)
      this.catchUpTimer.unref()
    }
  }

  private async catchUpAll(): Promise<void> {
    for (const loading of this.rooms.values()) {
      const room = await loading.catch(() => null)
      await room?.catchUp().catch((error) => this.options.log?.(`room ${room.name}: catch-up failed`, error))
    }
  }

  /** The loaded room, loading it if needed. Cancels a pending unload. */
  async acquire(name: string): Promise<Room> {
    this.cancelUnload(name)
    await this.unloading.get(name)
    if (this.deletedBoards.has(boardOf(name))) throw new Error(`room ${name}: board deleted`)
    let loading = this.rooms.get(name)
    if (!loading) {
      const { room: opened, loaded: started } = Room.open(name, this.store, this.roomOptions)
      loading = started
      this.rooms.set(name, started)
      this.opening.set(name, opened)
      started.then(
        (room) => {
          if (this.opening.get(name) !== opened) return
          this.opening.delete(name)
          this.loaded.set(name, room)
        },
        () => {
          if (this.opening.get(name) === opened) this.opening.delete(name)
          if (this.rooms.get(name) === started) this.rooms.delete(name)
        },
      )
    }
    const room = await loading
    // Counted once loaded: a room stays in memory while anyone (socket, server action) holds it.
    room.holds += 1
    this.cancelUnload(name)
    return room
  }

  /** Ends one hold taken by `acquire`; schedules the unload once nobody holds the room. */
  release(room: Room): void {
    room.holds = Math.max(0, room.holds - 1)
    if (room.holds > 0 || this.unloadTimers.has(room.name)) return
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name)
      void this.unload(room.name)
    }, this.options.unloadGraceMs)
    timer.unref()
    this.unloadTimers.set(room.name, timer)
  }

  /**
   * Reads a room's document (loading it if needed). `read` must not change the document: writes
   * go through `change`, so that they are stored before anyone sees them.
   */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.acquire(name)
    try {
      return read(room.doc)
    } finally {
      this.release(room)
    }
  }

  /**
   * A change made by the server itself (timer, reveal, votes): `change` edits a copy of the
   * document (serverCopy.ts: kept for large rooms); the resulting update takes the same path as a
   * client's: stored, applied, broadcast.
   */
  async change<T>(name: string, change: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.acquire(name)
    try {
      const { result, update, failed } = changeOnCopy(room.doc, room.storedBytes, change)
      if (update) {
        // Server actions obey the board limits too (a reveal of drafts into a full board).
        const refusal = updateLimitRefusal(
          Y.decodeUpdate(update),
          room.doc,
          room.storedBytes,
          update.byteLength,
          this.limits.board,
        )
        try {
          if (refusal) throw new BoardLimitError(refusal)
          await room.submitUpdate(update)
        } catch (error) {
          failed()
          throw error
        }
      }
      return result
    } finally {
      this.release(room)
    }
  }

  /**
   * The room by this name, loaded or still loading (not one being unloaded): a connection that
   * has not joined yet asks it to answer a new client's sync step 1 (Room.answerNewClient).
   */
  inMemory(name: string): Room | null {
    return this.loaded.get(name) ?? this.opening.get(name) ?? null
  }

  /** Names of rooms currently in memory (loaded or loading). */
  loadedRoomNames(): string[] {
    return [...this.rooms.keys()]
  }

  loadedRooms(): Room[] {
    return [...this.loaded.values()]
  }

  /** The room if it is in memory and loaded, without loading it. */
  async peek(name: string): Promise<Room | null> {
    const loading = this.rooms.get(name)
    return loading ? loading.catch(() => null) : null
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(name)
    }
  }

  private async unload(name: string): Promise<void> {
    const loading = this.rooms.get(name)
    if (!loading) return
    const room = await loading.catch(() => null)
    if (!room || room.holds > 0 || this.rooms.get(name) !== loading) return
    this.rooms.delete(name)
    this.loaded.delete(name)
    const done = room
      .flushAndCompact()
      .catch((error) => this.options.log?.(`room ${name}: flush on unload failed`, error))
      .finally(() => {
        room.destroy()
        this.unloading.delete(name)
      })
    this.unloading.set(name, done)
    await done
  }

  /**
   * Drops every room of a deleted board from memory without compacting: waits for writes in
   * flight (so none lands after the deletion), then forgets the documents.
   */
  async evictBoard(boardId: string): Promise<void> {
    this.deletedBoards.add(boardId)
    setTimeout(() => this.deletedBoards.delete(boardId), DELETED_BOARD_MEMORY_MS).unref()
    const names = [...this.rooms.keys()].filter((name) => name === boardId || name.startsWith(`${boardId}/`))
    await Promise.all(
      names.map(async (name) => {
        this.cancelUnload(name)
        const loading = this.rooms.get(name)
        this.rooms.delete(name)
        this.loaded.delete(name)
        this.opening.delete(name)
        const room = await loading?.catch(() => null)
        if (!room) return
        await room.settle()
        room.destroy()
      }),
    )
  }

  /** Flushes and unloads every room (shutdown). Peers must have been closed first. */
  async closeAll(): Promise<void> {
    if (this.catchUpTimer) clearInterval(this.catchUpTimer)
    for (const name of this.unloadTimers.keys()) this.cancelUnload(name)
    await Promise.all([...this.rooms.keys()].map((name) => this.unload(name)))
    await Promise.all(this.unloading.values())
  }
}
