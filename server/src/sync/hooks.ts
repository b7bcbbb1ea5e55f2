import type * as Y from 'yjs'
import type { RoomAddress } from '../../../shared/src/rooms'
import type { TokenClaims } from '../auth/tokens'
import type { Room } from './room'
import type { RoomManager } from './roomManager'
import type { DecodedUpdate } from './updateChecks'

/**
 * The sync core's hooks, in the style of Hocuspocus's extensions (onAuthenticate, onChange,
 * onStoreDocument, connected, onDisconnect): the session rules, board activity, placement repair
 * and metrics register here (server.ts) instead of being imported by sync code, so `sync/` never
 * depends on `session/` (tests/unit/serverFolders.test.ts keeps it so).
 */
export interface SyncExtension {
  /** A socket was accepted into a room (the session records who joined; presence; metrics). */
  onJoin?(claims: TokenClaims, address: RoomAddress): void
  /** That socket closed; called once for each onJoin. */
  onLeave?(claims: TokenClaims, address: RoomAddress): void
  /**
   * Why a client's update may not be stored (a refusal closes the socket with 4409), or null.
   * Runs before the board limits and before anything is applied; the first refusal wins.
   */
  beforeStore?(update: UpdateContext): string | null
  /**
   * Reads what a checked update is about to replace and returns the follow-up to run once it is
   * stored (the Prullenbak, authors' names), or null. Follow-ups run in registration order; one
   * that fails is logged and does not close the socket: the update itself is stored.
   */
  afterStore?(update: UpdateContext): AfterStore | null
  /** Once per room before anything is loaded into its document (declare root types here). */
  onRoomCreated?(room: Room): void
  /** After the Yjs transaction that applied updates this instance stored (see RoomOptions). */
  afterStoredApply?(room: Room, transaction: Y.Transaction, rooms: RoomManager): void
  /** Each time a batch of updates is stored (board activity, metrics). */
  onUpdatesStored?(room: string, count: number): void
}

/** A client's update on its way into a room, as the hooks see it. */
export interface UpdateContext {
  readonly claims: TokenClaims
  readonly address: RoomAddress
  /** The room, before the update is applied. */
  readonly room: Room
  /** For a participant in a content or drafts room: the board's control room (locks, time up). */
  readonly control: Room | null
  readonly update: Uint8Array
  readonly decoded: DecodedUpdate
  readonly rooms: RoomManager
}

export type AfterStore = () => Promise<void>

/** The registered extensions as one: each hook calls them all in order. */
export type SyncHooks = Required<SyncExtension>

export function combineExtensions(extensions: readonly SyncExtension[]): SyncHooks {
  return {
    onJoin: (claims, address) => {
      for (const extension of extensions) extension.onJoin?.(claims, address)
    },
    onLeave: (claims, address) => {
      for (const extension of extensions) extension.onLeave?.(claims, address)
    },
    beforeStore: (update) => {
      for (const extension of extensions) {
        const refusal = extension.beforeStore?.(update)
        if (refusal) return refusal
      }
      return null
    },
    afterStore: (update) => {
      const followUps = extensions.flatMap((extension) => extension.afterStore?.(update) ?? [])
      if (followUps.length === 0) return null
      return async () => {
        for (const followUp of followUps) await followUp()
      }
    },
    onRoomCreated: (room) => {
      for (const extension of extensions) extension.onRoomCreated?.(room)
    },
    afterStoredApply: (room, transaction, rooms) => {
      for (const extension of extensions) extension.afterStoredApply?.(room, transaction, rooms)
    },
    onUpdatesStored: (room, count) => {
      for (const extension of extensions) extension.onUpdatesStored?.(room, count)
    },
  }
}

/** No extensions: tools and benches that build a RoomManager on its own. */
export const NO_HOOKS: SyncHooks = combineExtensions([])
