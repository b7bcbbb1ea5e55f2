import type { Request } from 'express'
import { isBoardId } from '../../../shared/src/ids'
import { bearerFrom, facilitatorKeyMatches } from '../auth/facilitatorKey'
import type { TokenClaims } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import type { BoardRecord, BoardStore } from '../persistence/types'
import { HttpError } from './errors'

/** The board named in the URL, or a 404 (also for ids outside the id format). */
export async function loadBoard(store: BoardStore, id: unknown): Promise<BoardRecord> {
  const board = typeof id === 'string' && isBoardId(id) ? await store.getBoard(id) : null
  if (!board) throw new HttpError(404, 'unknown_board', 'There is no board with this id.')
  return board
}

/** Anyone whose token still gives access to this board (not revoked, not rotated away). */
export async function requireAccess(
  req: Request,
  board: BoardRecord,
  boards: BoardService,
): Promise<TokenClaims> {
  const access = await boards.verifyAccess(bearerFrom(req.get('authorization')), board.id)
  if (!access) throw new HttpError(401, 'unauthorized', 'A valid token for this board is required.')
  return access.claims
}

/**
 * A facilitator of this board: the board's facilitator key, or a token that still gives access
 * (not revoked, not from before a key rotation) with the facilitator role as it is now: the role
 * override is looked up, so a co-facilitator who was demoted or removed is refused at once, the
 * same check the WebSocket upgrade makes. Anything else is a 401 (a participant's token a 403).
 */
export async function requireFacilitatorAccess(
  req: Request,
  board: BoardRecord,
  boards: BoardService,
): Promise<void> {
  const credential = bearerFrom(req.get('authorization'))
  if (credential && facilitatorKeyMatches(credential, board.facilitatorKeyHash)) return
  const access = await boards.verifyAccess(credential, board.id)
  if (access?.claims.role === 'facilitator') return
  if (access) throw new HttpError(403, 'forbidden', 'Only facilitators may do this.')
  throw new HttpError(
    401,
    'unauthorized',
    'A facilitator key or facilitator token for this board is required.',
  )
}
