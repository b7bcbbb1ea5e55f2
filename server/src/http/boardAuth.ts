import type { Request } from 'express'
import { isBoardId } from '../../../shared/src/ids'
import { bearerFrom, facilitatorKeyMatches } from '../auth/facilitatorKey'
import type { TokenClaims, TokenService } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import type { BoardRecord, BoardStore } from '../persistence/types'
import { HttpError } from './errors'

/** The board named in the URL, or a 404 (also for ids outside the id format). */
export async function loadBoard(store: BoardStore, id: unknown): Promise<BoardRecord> {
  const board = typeof id === 'string' && isBoardId(id) ? await store.getBoard(id) : null
  if (!board) throw new HttpError(404, 'unknown_board', 'There is no board with this id.')
  return board
}

/**
 * A facilitator of this board: the board's facilitator key or a facilitator token issued since
 * the last key rotation, as `Authorization: Bearer …`. Anything else is a 401 (a valid
 * participant token a 403). Facilitators lose access by key rotation, so no revocation lookup.
 */
export function requireFacilitator(req: Request, board: BoardRecord, tokens: TokenService): void {
  const credential = bearerFrom(req.get('authorization'))
  if (credential && facilitatorKeyMatches(credential, board.facilitatorKeyHash)) return
  const claims = tokens.verify(credential)
  const current = claims !== null && claims.iat >= board.facilitatorTokensValidAfter
  if (claims?.boardId === board.id && claims.role === 'facilitator' && current) return
  if (claims?.boardId === board.id) throw new HttpError(403, 'forbidden', 'Only facilitators may do this.')
  throw new HttpError(
    401,
    'unauthorized',
    'A facilitator key or facilitator token for this board is required.',
  )
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
 * Like requireFacilitator, but also for people a facilitator promoted after their token was
 * issued (the role override is looked up), and for revoked tokens refused.
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
