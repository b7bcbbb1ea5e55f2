import { newBoardId, newObjectId } from '../../../shared/src/ids'
import { newJoinCode, normalizeJoinCode } from '../../../shared/src/joinCode'
import type { Language } from '../../../shared/src/model/meta'
import type { Role } from '../../../shared/src/roles'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import type { Template } from '../../../shared/src/templates/schema'
import { hashFacilitatorKey, newFacilitatorKey } from '../auth/facilitatorKey'
import type { TokenClaims, TokenService } from '../auth/tokens'
import { type BoardRecord, DuplicateError, type Persistence } from '../persistence/types'
import { buildInitialDocs, type InitialDocs } from './initialDocs'

export interface CreatedBoard {
  board: BoardRecord
  /** Shown once; only its hash is stored. */
  facilitatorKey: string
}

/** What the rest of the server must do when access to a board ends (close sockets, unload). */
export type AccessTarget = { participantId: string } | { role: Role } | 'everyone'

export interface BoardEvents {
  /** Close the matching sockets of a board; for a deleted board also drop its rooms from memory. */
  endAccess(boardId: string, target: AccessTarget, reason: 'revoked' | 'deleted'): Promise<void>
  /** The board is gone from storage (other instances are told only now, see accessEvents.ts). */
  deleted(boardId: string): Promise<void>
}

/** What BoardService needs from the rest of the server; required, so forgetting one does not compile. */
export interface BoardServiceDeps {
  /** What happens to open sockets and loaded rooms when access ends (sync/accessEvents.ts). */
  events: BoardEvents
  /** A role given after the token was issued (co-facilitator, demotion); null keeps the token's. */
  roleResolver: (boardId: string, participantId: string) => Promise<Role | null>
}

/** Writes of a board's last activity are spread out: one per board per this many ms. */
export const TOUCH_INTERVAL_MS = 10 * 60_000

/** Board lifecycle shared by the HTTP routes, the sync server and retention. */
export class BoardService {
  private readonly lastTouched = new Map<string, number>()
  private readonly deleting = new Set<string>()

  constructor(
    private readonly store: Persistence,
    private readonly tokens: TokenService,
    private readonly deps: BoardServiceDeps,
  ) {}

  /**
   * The claims of a token that still gives access right now: signed, unexpired, for an existing
   * board, not revoked, and (for facilitators) issued after the last key rotation.
   */
  async verifyAccess(
    token: unknown,
    boardId?: string,
  ): Promise<{ claims: TokenClaims; board: BoardRecord } | null> {
    const claims = this.tokens.verify(token)
    if (!claims || (boardId !== undefined && claims.boardId !== boardId)) return null
    if (this.deleting.has(claims.boardId)) return null
    const board = await this.store.getBoard(claims.boardId)
    if (!board || (await this.revoked(claims, board))) return null
    const role = await this.deps.roleResolver(board.id, claims.participantId)
    return { claims: role ? { ...claims, role } : claims, board }
  }

  /**
   * Why claims a socket was accepted with no longer give access ('deleted', 'revoked'), or null:
   * the same rules as verifyAccess, for sockets that are already open (another instance's event).
   */
  async accessEnded(claims: TokenClaims): Promise<'deleted' | 'revoked' | null> {
    const board = await this.store.getBoard(claims.boardId)
    if (!board) return 'deleted'
    return (await this.revoked(claims, board)) ? 'revoked' : null
  }

  private async revoked(claims: TokenClaims, board: BoardRecord): Promise<boolean> {
    if (claims.role === 'facilitator' && claims.iat < board.facilitatorTokensValidAfter) return true
    return this.store.isRevoked(board.id, claims.participantId)
  }

  /** Records activity (for retention), at most once per board per TOUCH_INTERVAL_MS. */
  touch(boardId: string, now = Date.now()): void {
    if (now - (this.lastTouched.get(boardId) ?? 0) < TOUCH_INTERVAL_MS) return
    this.lastTouched.set(boardId, now)
    void this.store.touchBoard(boardId, now).catch(() => this.lastTouched.delete(boardId))
  }

  /** A new facilitator key; facilitator tokens issued before now stop working. */
  async rotateFacilitatorKey(boardId: string): Promise<string> {
    const key = newFacilitatorKey()
    await this.store.rotateFacilitatorKey(boardId, hashFacilitatorKey(key), Date.now())
    await this.deps.events.endAccess(boardId, { role: 'facilitator' }, 'revoked')
    return key
  }

  async revokeParticipant(boardId: string, participantId: string): Promise<void> {
    await this.store.revokeParticipant(boardId, participantId, Date.now())
    await this.deps.events.endAccess(boardId, { participantId }, 'revoked')
  }

  /** "Export, then delete": the board and everything of it, now. */
  async deleteBoard(boardId: string): Promise<void> {
    this.deleting.add(boardId)
    try {
      await this.deps.events.endAccess(boardId, 'everyone', 'deleted')
      await this.store.deleteBoard(boardId)
      this.lastTouched.delete(boardId)
      await this.deps.events.deleted(boardId)
    } finally {
      this.deleting.delete(boardId)
    }
  }

  /**
   * Deletes boards without activity for `days` days (those `mayDelete` allows: retention keeps a
   * community's sessions together, see retention.ts); returns their ids.
   */
  async deleteInactive(
    days: number,
    now = Date.now(),
    mayDelete: (boardId: string) => Promise<boolean> = async () => true,
  ): Promise<string[]> {
    const ids = await this.store.inactiveBoardIds(now - days * 24 * 60 * 60_000)
    const deleted: string[] = []
    for (const id of ids) {
      if (!(await mayDelete(id))) continue
      await this.deleteBoard(id)
      deleted.push(id)
    }
    return deleted
  }

  /** A new board from a template, or (import) from the given documents; `template` names its origin. */
  async createBoard(input: {
    title: string
    language: Language
    template: Template
    docs?: InitialDocs
  }): Promise<CreatedBoard> {
    const facilitatorKey = newFacilitatorKey()
    const docs = input.docs ?? buildInitialDocs(input)
    // Join codes are short, so a collision is possible; ids are not, but the retry costs nothing.
    for (let attempt = 0; attempt < 10; attempt++) {
      const board: BoardRecord = {
        id: newBoardId(),
        title: input.title,
        language: input.language,
        templateId: input.template.id,
        joinCode: newJoinCode(),
        facilitatorKeyHash: hashFacilitatorKey(facilitatorKey),
        createdAt: Date.now(),
        lastActivityAt: Date.now(),
        facilitatorTokensValidAfter: 0,
      }
      try {
        // Documents first: a board row never points at a board without its initial state.
        await this.store.appendUpdates(contentRoom(board.id), [docs.content])
        await this.store.appendUpdates(controlRoom(board.id), [docs.control])
        await this.store.createBoard(board)
        return { board, facilitatorKey }
      } catch (error) {
        await this.store.deleteRoom(contentRoom(board.id))
        await this.store.deleteRoom(controlRoom(board.id))
        if (!(error instanceof DuplicateError)) throw error
      }
    }
    throw new Error('could not find a free join code')
  }

  async findByJoinCode(input: string): Promise<BoardRecord | null> {
    const code = normalizeJoinCode(input)
    return code ? this.store.getBoardByJoinCode(code) : null
  }

  issueToken(boardId: string, role: Role, name: string, participantId = newObjectId()): string {
    return this.tokens.sign({ boardId, role, name, participantId })
  }
}
