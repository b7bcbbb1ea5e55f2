import { saveBoard, saveName } from '../storage/localBoards'
import { createBoard, createToken, joinBoard } from './boardsApi'

/**
 * The few ways to get access to a board. Each stores what it got on this device, so the board page
 * only has to read the stored token.
 */

/** Makes a board, then trades the facilitator key for a named facilitator token. */
export async function createBoardAsFacilitator(input: {
  title: string
  name: string
  language: 'nl' | 'en'
  /** Absent: an empty board. */
  templateId?: string
}): Promise<string> {
  const board = await createBoard({
    title: input.title,
    language: input.language,
    ...(input.templateId ? { templateId: input.templateId } : {}),
  })
  // Keep the key before anything else can fail: it is the only way back in as a facilitator.
  saveBoard(board.id, {
    facilitatorKey: board.facilitatorKey,
    joinCode: board.joinCode,
    title: input.title,
    lastOpened: Date.now(),
  })
  saveName(input.name)
  const { token } = await createToken(board.id, board.facilitatorKey, {
    role: 'facilitator',
    name: input.name,
  })
  saveBoard(board.id, { token })
  return board.id
}

/** Joins by code (already normalized) and returns the board id. */
export async function joinWithCode(input: { joinCode: string; name: string }): Promise<string> {
  const joined = await joinBoard(input)
  saveName(input.name)
  saveBoard(joined.boardId, { token: joined.token, joinCode: input.joinCode, lastOpened: Date.now() })
  return joined.boardId
}

/** A facilitator link (`#key=`) opened on this device: trade the key for a token. */
export async function openWithFacilitatorKey(boardId: string, key: string, name: string): Promise<void> {
  const { token } = await createToken(boardId, key, { role: 'facilitator', name })
  saveName(name)
  saveBoard(boardId, { token, facilitatorKey: key, lastOpened: Date.now() })
}
