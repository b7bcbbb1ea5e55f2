import { CLOSE_CODES } from '../../../shared/src/protocol'
import type { AccessTarget, BoardEvents, BoardService } from '../boards/boardService'
import type { ControlMessage } from '../fanout/control'
import type { Fanout } from '../fanout/types'
import type { Persistence } from '../persistence/types'
import type { RoomManager } from './roomManager'
import type { SyncServer } from './syncServer'

export interface AccessEventDeps {
  sync: SyncServer
  rooms: RoomManager
  boards: BoardService
  store: Persistence
  /** Without fan-out (one instance) everything stays local. */
  fanout?: Fanout
  log: (message: string, error?: unknown) => void
}

export interface AccessEvents {
  /** For BoardService: revocation, key rotation, deletion. */
  board: BoardEvents
  /** For SessionService: a person's role changed, so their sockets reconnect with the new one. */
  roleChanged(boardId: string, participantId: string): void
}

/**
 * Ends access on every instance, not only the one that took the HTTP request: access is checked
 * when a socket connects, so a socket on another instance would otherwise keep its old rights.
 *
 * The instance that made the change acts locally as before, then publishes a control message
 * (after storage has the change, so a receiver's check sees it). A receiver does not take the
 * message's word for anything final: it closes a socket for good only when storage says the
 * access has ended, with the close codes the local path uses.
 */
export function createAccessEvents(deps: AccessEventDeps): AccessEvents {
  const { sync, rooms, fanout } = deps
  const publish = (message: ControlMessage) => fanout?.publishControl(message)

  const closeDeleted = async (boardId: string) => {
    sync.closeMatching(boardId, 'everyone', CLOSE_CODES.boardDeleted, 'board deleted')
    await rooms.evictBoard(boardId)
  }

  if (fanout)
    fanout
      .onControl((message) => {
        receive(deps, message).catch((error) =>
          deps.log(`control message for board ${message.boardId} failed`, error),
        )
      })
      .catch((error) => deps.log('control channel unavailable', error))

  return {
    board: {
      async endAccess(boardId, target, reason) {
        if (reason === 'deleted') return closeDeleted(boardId)
        sync.closeMatching(boardId, target, CLOSE_CODES.removed, 'access revoked')
        publish({ boardId, target, event: 'revoked' })
      },
      async deleted(boardId) {
        publish({ boardId, target: 'everyone', event: 'deleted' })
      },
    },
    roleChanged(boardId, participantId) {
      sync.closeMatching(boardId, { participantId }, CLOSE_CODES.reconnect, 'role changed')
      publish({ boardId, target: { participantId }, event: 'role-changed' })
    },
  }
}

/** Another instance's event, applied to this instance's sockets and rooms. */
async function receive(deps: AccessEventDeps, message: ControlMessage): Promise<void> {
  const { sync, rooms, store } = deps
  const { boardId, target } = message
  switch (message.event) {
    case 'role-changed':
      // Reconnecting is harmless, so no check is needed: the new socket gets the current role.
      // The role's update was published before this message on the same Redis connection, so
      // it arrives here first.
      sync.closeMatching(boardId, target, CLOSE_CODES.reconnect, 'role changed')
      return
    case 'revoked':
      await closeEnded(deps, boardId, target)
      return
    case 'deleted':
      if (await store.getBoard(boardId)) {
        deps.log(`ignored a deletion message for board ${boardId}, which still exists`)
        return
      }
      sync.closeMatching(boardId, 'everyone', CLOSE_CODES.boardDeleted, 'board deleted')
      // Waits for this instance's writes in flight; from now on its rooms cannot load again.
      await rooms.evictBoard(boardId)
      // Writes this instance stored between the deletion and this message would have recreated
      // rows of the board; the board row is gone (checked above), so deleting again is safe.
      await store.deleteBoard(boardId)
      return
  }
}

/** Closes the matching sockets whose access storage says has ended; the rest stay open. */
async function closeEnded(deps: AccessEventDeps, boardId: string, target: AccessTarget): Promise<void> {
  // One check per distinct claims: a person has several sockets (content, control, drafts).
  const checks = new Map<string, ReturnType<BoardService['accessEnded']>>()
  await Promise.all(
    deps.sync.matching(boardId, target).map(async (connection) => {
      const { claims } = connection
      const key = `${claims.participantId} ${claims.role} ${claims.iat}`
      let check = checks.get(key)
      if (!check) {
        check = deps.boards.accessEnded(claims)
        checks.set(key, check)
      }
      const ended = await check
      if (ended === 'deleted') connection.close(CLOSE_CODES.boardDeleted, 'board deleted')
      else if (ended === 'revoked') connection.close(CLOSE_CODES.removed, 'access revoked')
    }),
  )
}
