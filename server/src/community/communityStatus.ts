import type { CommunityActionHistoryEntry } from '../../../shared/src/api/communityAnswers'
import { type ActionStatusName, readLookback, writeLookbackEntry } from '../../../shared/src/model/lookback'
import { controlRoom } from '../../../shared/src/rooms'
import type { TokenClaims } from '../auth/tokens'
import type { ActionStatusRecord, CommunityActionRecord } from '../persistence/communityTypes'
import type { RoomManager } from '../sync/roomManager'
import { appendStatus } from './communityActions'
import { CommunityError, type CommunityService } from './communityService'

/**
 * Whether the server put `action` in the Terugblik of the session `board`, from storage alone: it
 * came from an earlier session, existed when the board was made, and was not done by then. The
 * `lookback` map cannot answer that by itself, since facilitators may write the control document.
 */
export function wasInTerugblik(
  action: CommunityActionRecord,
  statuses: readonly ActionStatusRecord[],
  board: { createdAt: number; position: number },
  positionOf: (boardId: string) => number | undefined,
): boolean {
  const source = positionOf(action.sourceBoardId)
  if (source === undefined || source >= board.position || action.createdAt > board.createdAt) return false
  const before = statuses.filter((status) => status.actionId === action.id && status.at < board.createdAt)
  const newest = before.reduce<ActionStatusRecord | null>(
    (last, status) => (!last || status.at >= last.at ? status : last),
    null,
  )
  return newest?.status !== 'done'
}

/**
 * "Gedaan / loopt / niet gelukt" during a session's Terugblik (issue 19). The person's board token
 * decides: participants and facilitators of THAT board, for an action that board's Terugblik holds.
 * The status is appended to the history in storage (the truth), then mirrored into the control
 * document's `lookback` through the same durable path as any server action, so every screen shows it.
 */
export async function setActionStatus(
  service: CommunityService,
  rooms: RoomManager,
  input: {
    boardId: string
    claims: TokenClaims
    actionId: string
    status: ActionStatusName
    note: string
  },
): Promise<CommunityActionHistoryEntry[]> {
  if (input.claims.role === 'viewer')
    throw new CommunityError(403, 'forbidden', 'A screen link cannot set the status of an action.')
  const notFound = new CommunityError(
    404,
    'unknown_action',
    "This action is not in this session's Terugblik.",
  )
  const communityId = await service.deps.store.communityOfBoard(input.boardId)
  if (!communityId) throw notFound
  const lookback = await rooms.read(controlRoom(input.boardId), readLookback)
  const noteId = [...lookback].find(([, entry]) => entry.actionId === input.actionId)?.[0]
  if (!noteId) throw notFound
  return service.serial(communityId, async () => {
    const [actions, statuses, sessions] = await Promise.all([
      service.deps.store.communityActions(communityId),
      service.deps.store.actionStatuses(communityId),
      service.sessions(communityId),
    ])
    const action = actions.find((candidate) => candidate.id === input.actionId)
    const here = sessions.find((session) => session.boardId === input.boardId)
    const positionOf = (boardId: string) => sessions.find((session) => session.boardId === boardId)?.position
    if (!action || !here) throw notFound
    // A facilitator's client could have added the action to `lookback` by hand.
    const board = { createdAt: here.board.createdAt, position: here.position }
    if (!wasInTerugblik(action, statuses, board, positionOf)) throw notFound
    const record = await appendStatus(service.deps.store, {
      actionId: input.actionId,
      communityId,
      boardId: input.boardId,
      status: input.status,
      note: input.note,
      byName: input.claims.name,
      at: Date.now(),
    })
    await rooms.change(controlRoom(input.boardId), (doc) =>
      writeLookbackEntry(doc, noteId, {
        actionId: record.actionId,
        status: record.status,
        note: record.note,
        byName: record.byName,
        at: record.at,
      }),
    )
    const view = (await service.actions(communityId, sessions)).find((action) => action.id === input.actionId)
    return view?.history ?? []
  })
}
