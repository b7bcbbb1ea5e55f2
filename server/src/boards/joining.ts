import { newObjectId } from '../../../shared/src/ids'
import { newJoinCode, normalizeJoinCode } from '../../../shared/src/joinCode'
import type { TokenService } from '../auth/tokens'
import { type BoardRecord, type BoardStore, DuplicateError } from '../persistence/types'

/**
 * Joining a board by its code (issue 14, parts 3 and 4).
 *
 * - One browser is one person: the client sends a per-browser secret (`device`) with /join and
 *   the participant id is derived from it and the board (HMAC with the token secret). The same
 *   browser re-opening the link or QR gets the same id, so the same dots and drafts; nothing has
 *   to be stored for that, and the id says nothing about other boards.
 * - A closed board keeps its code as `closed:<code>`: no normalised code can equal that, so a
 *   lookup by code simply misses it, and opening again restores the code. No schema change.
 * - A revoked participant's derived id stays revoked, so that browser cannot re-join (under any
 *   name) until a facilitator lets them back in.
 */

const CLOSED_PREFIX = 'closed:'

/** A browser's secret: 128 random bits or more, base64url (the client makes 32 bytes). */
export const DEVICE_SECRET_PATTERN = /^[A-Za-z0-9_-]{22,86}$/

export interface JoinState {
  /** The code as people type it (also while joining is closed: it comes back on opening). */
  joinCode: string
  joinOpen: boolean
}

export function joinState(board: BoardRecord): JoinState {
  const closed = board.joinCode.startsWith(CLOSED_PREFIX)
  return { joinCode: closed ? board.joinCode.slice(CLOSED_PREFIX.length) : board.joinCode, joinOpen: !closed }
}

export type JoinOutcome =
  | { ok: true; board: BoardRecord; participantId: string }
  | { ok: false; reason: 'unknown_join_code' | 'joining_closed' | 'participant_removed' }

export class Joining {
  constructor(
    private readonly store: BoardStore,
    private readonly tokens: TokenService,
  ) {}

  /** The participant id of a browser on a board; a fresh one for clients without a secret. */
  participantIdFor(boardId: string, device: string | undefined): string {
    return device ? this.tokens.derive(`participant.${boardId}.${device}`) : newObjectId()
  }

  /** Who may join with this code and browser, and as which participant. */
  async check(input: string, device: string | undefined): Promise<JoinOutcome> {
    const code = normalizeJoinCode(input)
    if (!code) return { ok: false, reason: 'unknown_join_code' }
    const board = await this.store.getBoardByJoinCode(code)
    if (!board) {
      const closed = await this.store.getBoardByJoinCode(CLOSED_PREFIX + code)
      return { ok: false, reason: closed ? 'joining_closed' : 'unknown_join_code' }
    }
    const participantId = this.participantIdFor(board.id, device)
    if (await this.store.isRevoked(board.id, participantId))
      return { ok: false, reason: 'participant_removed' }
    return { ok: true, board, participantId }
  }

  /** A new code: links and QR codes with the old one stop working. Closed stays closed. */
  async rotateCode(board: BoardRecord): Promise<JoinState> {
    const { joinOpen } = joinState(board)
    return this.saveCode(board.id, () => newJoinCode(), joinOpen)
  }

  /** Closes or opens joining by code; people who joined before keep their access. */
  async setOpen(board: BoardRecord, open: boolean): Promise<JoinState> {
    const current = joinState(board)
    if (current.joinOpen === open) return current
    // Opening restores the same code, unless another board took it in the meantime.
    let first = true
    return this.saveCode(
      board.id,
      () => {
        const code = first ? current.joinCode : newJoinCode()
        first = false
        return code
      },
      open,
    )
  }

  private async saveCode(boardId: string, nextCode: () => string, open: boolean): Promise<JoinState> {
    // Codes are short, so a collision is possible: try again with another one.
    for (let attempt = 0; attempt < 10; attempt++) {
      const joinCode = nextCode()
      try {
        await this.store.setJoinCode(boardId, open ? joinCode : CLOSED_PREFIX + joinCode)
        return { joinCode, joinOpen: open }
      } catch (error) {
        if (!(error instanceof DuplicateError)) throw error
      }
    }
    throw new Error('could not find a free join code')
  }
}
