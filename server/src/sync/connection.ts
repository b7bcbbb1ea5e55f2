import type { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE_CODES, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../../shared/src/protocol'
import type { RoomAddress } from '../../../shared/src/rooms'
import { controlRoom } from '../../../shared/src/rooms'
import type { TokenClaims } from '../auth/tokens'
import { SerialQueue } from '../lib/serialQueue'
import { updateLimitRefusal } from './boardLimits'
import type { AfterStore, SyncHooks, UpdateContext } from './hooks'
import {
  awarenessState,
  type ClientMessage,
  decodeClientMessage,
  encodeAwarenessEntries,
  encodeAwarenessStates,
  encodePermissionDenied,
  encodeSyncStep1,
  MalformedMessageError,
} from './messages'
import { TokenBucket } from './rateLimit'
import type { Room, RoomPeer } from './room'
import { roomAccess } from './roomAccess'
import type { RoomManager } from './roomManager'
import { addsContent, isRedundant, missingDependency } from './updateChecks'

type UpdateMessage = Extract<ClientMessage, { type: 'update' }>

/** Bytes of edits a reconnecting client may send ahead of its sync step 2 (see storeUpdate). */
const MAX_DEFERRED_BYTES = 4 * 1024 * 1024
/** A room near its size limit folds its log at most this often to make room (see boardFull). */
const COMPACT_TO_FIT_EVERY_MS = 10_000
const lastCompactToFit = new WeakMap<Room, number>()

export interface ConnectionDeps {
  rooms: RoomManager
  /** The registered extensions' update hooks (session rules, Prullenbak, authors). */
  hooks: Pick<SyncHooks, 'beforeStore' | 'afterStore'>
  /** Per-socket budgets: a flood of updates closes the socket, excess awareness is dropped. */
  updateLimit: TokenBucket
  awarenessLimit: TokenBucket
  log: (message: string, error?: unknown) => void
  /**
   * This socket was closed for a flood (updates, sync requests, oversized presence): its sender
   * pauses before reconnecting, so closing it does not turn into a reconnect loop.
   */
  onFlood?: () => void
  /** Counts refused frames by reason (metrics). */
  onRefused?: (reason: 'malformed' | 'read-only' | 'storage' | 'rate-limit' | 'board-limit') => void
}

/**
 * One client socket in one room. Messages are handled strictly in arrival order (a SerialQueue),
 * and not before the room has loaded from storage, so a client's sync step 1 is never answered
 * from an empty document.
 */
export class Connection implements RoomPeer {
  readonly canWrite: boolean
  /** Awareness client ids this socket has announced; removed for everyone when it closes. */
  private readonly awarenessIds = new Set<number>()
  private room: Room | null = null
  /** The room that answered this socket's sync step 1 before it joined (see answerBeforeJoined). */
  private answeredBy: Room | null = null
  /** For a participant in a content or drafts room: the board's control room (locks, time up). */
  private control: Room | null = null
  private ownAwarenessId: number | null = null
  /** Set once the client's sync step 2 (everything it has that the server lacks) was handled. */
  private initialSyncDone = false
  private readonly deferred: UpdateMessage[] = []
  private deferredBytes = 0
  /** Joining, then each frame, strictly in arrival order. */
  private readonly inOrder = new SerialQueue()
  private closed = false
  /** Sync step 1 requests: each is answered with a diff of the whole board (issue 16, F3). */
  private readonly syncRequests: TokenBucket
  /** Awareness bytes over all entries a frame carries, own and relayed (issue 16, F5). */
  private readonly awarenessBytes: TokenBucket
  lastSentAt = Date.now()

  constructor(
    private readonly ws: WebSocket,
    readonly claims: TokenClaims,
    readonly address: RoomAddress,
    readonly roomName: string,
    private readonly deps: ConnectionDeps,
  ) {
    this.canWrite = roomAccess(address, claims.role, claims.participantId).write
    const limits = deps.rooms.limits
    // A client asks once per connection; the burst allows a spare, not a flood.
    this.syncRequests = new TokenBucket(limits.syncRequestsPerSecond, limits.syncRequestsPerSecond)
    this.awarenessBytes = new TokenBucket(limits.awarenessBytesPerSecond, limits.awarenessBytesPerSecond)
    // Joining starts now (its room loads while the socket is being accepted); frames wait for it.
    const joined = this.join()
    void this.inOrder.run(() => joined)
    ws.on('message', (data, isBinary) => {
      const frame = toBytes(data)
      if (isBinary && this.answerBeforeJoined(frame)) return
      void this.inOrder.run(() => this.handleFrame(frame, isBinary))
    })
    ws.on('close', () => this.leave())
    ws.on('error', (error) => this.deps.log(`socket error in room ${roomName}`, error))
  }

  /**
   * A new client's sync step 1 (empty state vector) that arrives before the socket joined: the
   * room answers it from storage while it is still loading (Room.answerNewClient), not after
   * applying the board. Reading needs no more than the access checked at the upgrade; everything
   * else (other state vectors, the client's own writes) waits for the load, in arrival order.
   */
  private answerBeforeJoined(frame: Uint8Array): boolean {
    if (this.room !== null || this.answeredBy !== null || this.closed || frame[0] !== MESSAGE_SYNC)
      return false
    let message: ClientMessage
    try {
      message = decodeClientMessage(frame)
    } catch {
      return false // refused in order, like any malformed frame
    }
    if (message.type !== 'syncStep1' || !hasNothing(message.stateVector)) return false
    const room = this.deps.rooms.inMemory(this.roomName)
    if (!room || !this.syncRequests.take()) return false
    this.answeredBy = room
    room.answerNewClient(this)
    return true
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return
    this.lastSentAt = Date.now()
    this.ws.send(message, BINARY)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.ws.close(code, reason)
  }

  private async join(): Promise<void> {
    try {
      const checked = this.address.kind === 'content' || this.address.kind === 'drafts'
      const needsControl = checked && this.claims.role === 'participant'
      // Both rooms load at once (a cold board: two reads from storage in parallel, not one after
      // the other); whatever loaded is kept on `this`, so a failure of the other still releases it.
      const [room, control] = await Promise.allSettled([
        this.deps.rooms.acquire(this.roomName),
        needsControl ? this.deps.rooms.acquire(controlRoom(this.address.boardId)) : Promise.resolve(null),
      ])
      if (room.status === 'fulfilled') this.room = room.value
      if (control.status === 'fulfilled') this.control = control.value
      if (room.status === 'rejected') throw room.reason
      if (control.status === 'rejected') throw control.reason
    } catch (error) {
      // leave() releases only alongside the main room; without it, give the control room back here.
      if (!this.room && this.control) {
        this.deps.rooms.release(this.control)
        this.control = null
      }
      this.deps.log(`room ${this.roomName}: load failed`, error)
      this.close(CLOSE_CODES.storageError, 'storage unavailable')
      return
    }
    const room = this.room
    if (this.closed || !room) {
      this.releaseRooms()
      return
    }
    room.peers.add(this)
    this.send(encodeSyncStep1(room.doc))
    const present = [...room.awareness.getStates().keys()]
    if (present.length > 0) this.send(encodeAwarenessStates(room.awareness, present))
  }

  private async handleFrame(frame: Uint8Array, isBinary: boolean): Promise<void> {
    const room = this.room
    if (!room || this.closed) return
    if (!isBinary) {
      this.deps.onRefused?.('malformed')
      this.close(CLOSE_CODES.malformed, 'binary frames only')
      return
    }
    if (frame[0] === MESSAGE_AWARENESS && !this.awarenessBytes.take(frame.byteLength)) {
      this.deps.onRefused?.('rate-limit')
      // Larger than a whole second's budget: no client sends that, and receiving such frames is
      // the cost (1.5 MB at 30/s from 5 sockets took the event loop). Closed, with a pause.
      if (frame.byteLength > this.deps.rooms.limits.awarenessBytesPerSecond) {
        this.deps.onFlood?.()
        this.close(CLOSE_CODES.tooManyMessages, 'presence too large')
      }
      // Otherwise over the budget: dropped before any decoding, whoever's entries it carries.
      return
    }
    let message: ClientMessage
    try {
      message = decodeClientMessage(frame)
    } catch (error) {
      const reason = error instanceof MalformedMessageError ? error.message : 'malformed frame'
      this.deps.onRefused?.('malformed')
      this.close(CLOSE_CODES.malformed, `malformed: ${reason}`.slice(0, 120))
      return
    }
    await this.handleMessage(room, message)
  }

  private async handleMessage(room: Room, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'syncStep1':
        // A client asks once per connection; a flood is closed (transient: it may reconnect).
        if (!this.syncRequests.take()) {
          this.deps.onRefused?.('rate-limit')
          this.deps.onFlood?.()
          this.close(CLOSE_CODES.tooManyMessages, 'too many sync requests')
          return
        }
        for (const frame of room.syncAnswer(message.stateVector)) this.send(frame)
        return
      case 'update':
        await this.handleUpdate(room, message)
        return
      case 'awareness': {
        // The stock client relays other people's awareness too, so foreign entries are dropped,
        // not punished; only the socket's own client id (its first, and not taken by another
        // socket) is applied. Nobody can move someone else's cursor or rename them.
        const first = message.entries[0]
        if (this.ownAwarenessId === null && first && room.claimAwarenessId(first.clientId, this)) {
          this.ownAwarenessId = first.clientId
        }
        const own = message.entries.filter((entry) => entry.clientId === this.ownAwarenessId)
        if (own.length === 0) return
        const limit = this.deps.rooms.limits.awarenessMaxStateBytes
        try {
          for (const entry of own) {
            if (entry.stateJson.byteLength > limit)
              throw new MalformedMessageError('awareness state too large')
            awarenessState(entry)
          }
        } catch (error) {
          this.deps.onRefused?.('malformed')
          this.deps.onFlood?.()
          this.close(CLOSE_CODES.malformed, (error as Error).message)
          return
        }
        // Only the socket's own presence counts against its limit: the relayed echoes of everyone
        // else's cursors (one message per change of anyone in the room) cost nothing more than the
        // decoding above, and counting them used up the budget in rooms of 30+, dropping people's
        // own cursor moves.
        if (!this.deps.awarenessLimit.take()) {
          this.deps.onRefused?.('rate-limit')
          return
        }
        for (const entry of own) {
          if (isNullState(entry.stateJson)) this.awarenessIds.delete(entry.clientId)
          else this.awarenessIds.add(entry.clientId)
        }
        const update = own.length === message.entries.length ? message.update : encodeAwarenessEntries(own)
        awarenessProtocol.applyAwarenessUpdate(room.awareness, update, this)
        return
      }
      case 'queryAwareness':
        this.send(encodeAwarenessStates(room.awareness, [...room.awareness.getStates().keys()]))
        return
      case 'auth':
        return
    }
  }

  private async handleUpdate(room: Room, message: UpdateMessage): Promise<void> {
    if (!this.deps.updateLimit.take()) {
      // Closing is safe: the client re-sends unsaved changes in its sync step 2 on reconnect.
      this.deps.onRefused?.('rate-limit')
      this.deps.onFlood?.()
      this.close(CLOSE_CODES.tooManyMessages, 'too many updates')
      return
    }
    if (!isRedundant(message.decoded, room.doc)) {
      if (this.canWrite) await this.storeUpdate(room, message)
      else if (addsContent(message.decoded, room.doc)) {
        // Read-only sockets may hold stale local edits; refuse new content, ignore the rest.
        this.deps.onRefused?.('read-only')
        this.send(encodePermissionDenied('read-only'))
      }
    }
    if (message.isSyncStep2 && !this.initialSyncDone) {
      this.initialSyncDone = true
      this.deferredBytes = 0
      for (const deferred of this.deferred.splice(0)) await this.storeUpdate(room, deferred)
    }
  }

  private async storeUpdate(room: Room, message: UpdateMessage): Promise<void> {
    if (this.closed) return
    const missing = missingDependency(message.decoded, room.doc)
    if (missing) {
      // A reconnecting client sends new edits before its sync step 2 fills the gap in front of
      // them; hold those until it arrives. After that, a gap means a broken or hostile client.
      if (!this.initialSyncDone && this.deferredBytes + message.update.length <= MAX_DEFERRED_BYTES) {
        this.deferred.push(message)
        this.deferredBytes += message.update.length
        return
      }
      this.deps.onRefused?.('malformed')
      this.close(
        this.initialSyncDone ? CLOSE_CODES.malformed : CLOSE_CODES.tooManyMessages,
        missing.slice(0, 120),
      )
      return
    }
    const update: UpdateContext = {
      claims: this.claims,
      address: this.address,
      room,
      control: this.control,
      update: message.update,
      decoded: message.decoded,
      rooms: this.deps.rooms,
    }
    const refusal = this.deps.hooks.beforeStore(update)
    if (refusal) {
      // Never stored, never shared; the client holds an edit the board will not have, so it is
      // told to reload from the server (4409 is final for the y-websocket client).
      this.deps.onRefused?.('read-only')
      this.close(CLOSE_CODES.refused, refusal)
      return
    }
    const overLimit = await this.boardFull(room, message)
    if (overLimit) {
      // 4413 is final: re-sending the same edit would be refused again; the client says why.
      this.deps.onRefused?.('board-limit')
      this.close(CLOSE_CODES.boardLimit, overLimit)
      return
    }
    // Read before the update is applied: afterwards a deleted note's fields are gone.
    const followUp = this.deps.hooks.afterStore(update)
    try {
      await room.submitUpdate(message.update)
    } catch (error) {
      this.deps.log(`room ${room.name}: append failed`, error)
      this.deps.onRefused?.('storage')
      this.close(CLOSE_CODES.storageError, 'update not saved')
      return
    }
    if (followUp) await this.afterStored(room, followUp)
  }

  /** The extensions' follow-ups to a stored update (the Prullenbak, new notes' authors). */
  private async afterStored(room: Room, followUp: AfterStore): Promise<void> {
    try {
      await followUp()
    } catch (error) {
      // The update itself is stored; a lost copy in the Prullenbak must not close the socket.
      this.deps.log(`room ${room.name}: trash or author correction failed`, error)
    }
  }

  /**
   * Why storing this update would cross a board limit (size, notes, text, depth, root types). A
   * room over its byte limit first folds its log, at most every 10 s: deleted text in the log
   * should not fill a board that holds much less.
   */
  private async boardFull(room: Room, message: UpdateMessage): Promise<string | null> {
    const limits = this.deps.rooms.limits.board
    const bytes = message.update.byteLength
    const now = Date.now()
    if (
      room.storedBytes + bytes > limits.maxRoomBytes &&
      now - (lastCompactToFit.get(room) ?? 0) > COMPACT_TO_FIT_EVERY_MS
    ) {
      lastCompactToFit.set(room, now)
      await room.compactToFit(limits.maxRoomBytes - bytes)
    }
    return updateLimitRefusal(message.decoded, room.doc, room.storedBytes, bytes, limits)
  }

  private leave(): void {
    this.closed = true
    this.answeredBy?.removePeer(this)
    const room = this.room
    if (!room) return
    room.peers.delete(this)
    room.releaseAwarenessIds(this)
    if (this.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(room.awareness, [...this.awarenessIds], this)
    }
    this.releaseRooms()
  }

  private releaseRooms(): void {
    if (this.room) this.deps.rooms.release(this.room)
    if (this.control) this.deps.rooms.release(this.control)
  }
}

/** The options of every frame sent (one object, not one per frame and peer). */
const BINARY = { binary: true } as const

/** A state vector without any change: a client that has nothing yet. */
function hasNothing(stateVector: Uint8Array): boolean {
  for (const clock of Y.decodeStateVector(stateVector).values()) if (clock > 0) return false
  return true
}

/** `null` as JSON: the entry says its client left. */
function isNullState(json: Uint8Array): boolean {
  return json.byteLength === 4 && json[0] === 0x6e && json[1] === 0x75 && json[2] === 0x6c && json[3] === 0x6c
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]))
  return new Uint8Array(0)
}
