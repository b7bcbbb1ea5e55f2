import { newBoardId, newObjectId } from '../../../shared/src/ids'
import { newJoinCode, normalizeJoinCode } from '../../../shared/src/joinCode'
import type { Language } from '../../../shared/src/model/meta'
import type { Role } from '../../../shared/src/roles'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import type { Template } from '../../../shared/src/templates/schema'
import { hashFacilitatorKey, newFacilitatorKey } from '../auth/facilitatorKey'
import type { TokenService } from '../auth/tokens'
import { type BoardRecord, DuplicateError, type Persistence } from '../persistence/types'
import { buildInitialDocs, type InitialDocs } from './initialDocs'

export interface CreatedBoard {
  board: BoardRecord
  /** Shown once; only its hash is stored. */
  facilitatorKey: string
}

/** Board lifecycle shared by the HTTP routes (and later by import and retention). */
export class BoardService {
  constructor(
    private readonly store: Persistence,
    private readonly tokens: TokenService,
  ) {}

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
