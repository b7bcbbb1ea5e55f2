import type { Request } from 'express'
import { isBoardId } from '../../../shared/src/ids'
import { bearerFrom, facilitatorKeyMatches } from '../auth/facilitatorKey'
import type { TokenClaims } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import { CommunityError } from '../community/communityService'
import type { CommunityRecord } from '../persistence/communityTypes'
import type { Persistence } from '../persistence/types'
import { HttpError } from './errors'

/** The community named in the URL, or a 404 (also for ids outside the id format). */
export async function loadCommunity(store: Persistence, id: unknown): Promise<CommunityRecord> {
  const community = typeof id === 'string' && isBoardId(id) ? await store.getCommunity(id) : null
  if (!community) throw new HttpError(404, 'unknown_community', 'There is no community with this id.')
  return community
}

/** The community key, exactly like a board's facilitator key (`Authorization: Bearer <key>`). */
export function hasCommunityKey(req: Request, community: CommunityRecord): boolean {
  const key = bearerFrom(req.get('authorization'))
  return key !== null && facilitatorKeyMatches(key, community.facilitatorKeyHash)
}

export function requireCommunityKey(req: Request, community: CommunityRecord): void {
  if (!hasCommunityKey(req, community))
    throw new HttpError(401, 'unauthorized', 'The community key is required (Authorization: Bearer <key>).')
}

/**
 * Who may search: the community key, or a member — a participant's or facilitator's token that
 * still gives access to one of its sessions — when the community allows members to search.
 */
export async function requireSearchAccess(
  req: Request,
  community: CommunityRecord,
  deps: { store: Persistence; boards: BoardService },
): Promise<void> {
  if (hasCommunityKey(req, community)) return
  const access = await deps.boards.verifyAccess(bearerFrom(req.get('authorization')))
  if (!access) throw new HttpError(401, 'unauthorized', 'The community key or a session token is required.')
  const member =
    access.claims.role !== 'viewer' && (await deps.store.communityOfBoard(access.board.id)) === community.id
  if (!member) throw new HttpError(403, 'forbidden', 'This token is not for a session of this community.')
  if (!community.membersMaySearch)
    throw new HttpError(403, 'members_may_not_search', 'This community lets only its facilitators search.')
}

/** A board token of this board that still gives access (the status route). */
export async function requireBoardToken(
  req: Request,
  boardId: string,
  boards: BoardService,
): Promise<TokenClaims> {
  const access = await boards.verifyAccess(bearerFrom(req.get('authorization')), boardId)
  if (!access) throw new HttpError(401, 'unauthorized', 'A valid token for this board is required.')
  return access.claims
}

/** The service's refusals as the API's error shape. */
export function asHttpError(error: unknown): unknown {
  return error instanceof CommunityError ? new HttpError(error.status, error.code, error.message) : error
}
