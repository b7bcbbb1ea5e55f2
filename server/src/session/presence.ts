import type { GroupMember } from '../../../shared/src/groups/peopleGroups'
import type { TokenClaims } from '../auth/tokens'
import type { SyncExtension } from '../sync/hooks'

/**
 * Who is connected to each board's content room on this instance, as participants: group steps
 * are formed from the people present (issue 18). Kept from the sync core's join and leave hooks;
 * one entry per socket, in the order they joined (a person with two tabs is there twice, as before).
 */
export class BoardPresence implements SyncExtension {
  private readonly sockets = new Map<string, TokenClaims[]>()

  onJoin(claims: TokenClaims, address: { boardId: string; kind: string }): void {
    if (address.kind !== 'content' || claims.role !== 'participant') return
    const board = this.sockets.get(address.boardId) ?? []
    board.push(claims)
    this.sockets.set(address.boardId, board)
  }

  onLeave(claims: TokenClaims, address: { boardId: string; kind: string }): void {
    const board = this.sockets.get(address.boardId)
    const at = board?.indexOf(claims) ?? -1
    if (!board || at < 0) return
    board.splice(at, 1)
    if (board.length === 0) this.sockets.delete(address.boardId)
  }

  /** SessionService's Presence. */
  readonly present = (boardId: string): GroupMember[] =>
    (this.sockets.get(boardId) ?? []).map((claims) => ({ id: claims.participantId, name: claims.name }))
}
