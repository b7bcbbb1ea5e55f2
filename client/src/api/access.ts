import { getDeviceSecret } from '../storage/deviceSecret'
import { listStoredBoards, saveBoard, saveName } from '../storage/localBoards'
import { ApiError, createBoard, createToken, getBoard, joinBoard } from './boardsApi'

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
  const joined = await joinBoard({ ...input, device: getDeviceSecret() })
  saveName(input.name)
  saveBoard(joined.boardId, { token: joined.token, joinCode: input.joinCode, lastOpened: Date.now() })
  return joined.boardId
}

/**
 * The board this browser already joined with this code, when its stored token still works: the
 * join link or QR opened again goes straight back in (also while joining is closed), with no name
 * to type. Null when there is none, or the token no longer works (then the form is shown).
 */
export async function alreadyJoined(joinCode: string): Promise<string | null> {
  const stored = listStoredBoards().find((board) => board.joinCode === joinCode && board.token)
  if (!stored?.token) return null
  try {
    await getBoard(stored.boardId, stored.token)
    saveBoard(stored.boardId, { lastOpened: Date.now() })
    return stored.boardId
  } catch (error) {
    // Offline: the board page itself explains that; anything else means "join again".
    if (error instanceof ApiError && error.code === 'network') return stored.boardId
    return null
  }
}

/** A facilitator link (`#key=`) opened on this device: trade the key for a token. */
export async function openWithFacilitatorKey(boardId: string, key: string, name: string): Promise<void> {
  const { token } = await createToken(boardId, key, { role: 'facilitator', name })
  saveName(name)
  saveBoard(boardId, { token, facilitatorKey: key, lastOpened: Date.now() })
}
