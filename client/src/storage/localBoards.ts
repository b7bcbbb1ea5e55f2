import { readStored, readStoredRecord, writeStored } from './safeStorage'

/**
 * What this device remembers about boards: the access token per board, the facilitator key for
 * boards made here, and the person's name so they don't have to type it again.
 * Everything lives in localStorage; when storage is blocked the app still works for one visit.
 */

export interface StoredBoard {
  boardId: string
  token?: string
  facilitatorKey?: string
  joinCode?: string
  title?: string
  lastOpened?: number
  /** Made (or restored) in this browser: the begeleider is asked to keep the facilitator link. */
  keyPrompt?: boolean
  /** The begeleider said they kept the facilitator link: the reminder stops. */
  keySaved?: boolean
}

const BOARDS_KEY = 'oogst.boards'
const NAME_KEY = 'oogst.name'

function readAll(): Record<string, StoredBoard> {
  return readStoredRecord<StoredBoard>(BOARDS_KEY)
}

export function getStoredBoard(boardId: string): StoredBoard | null {
  return readAll()[boardId] ?? null
}

/** Merges `patch` into what is stored for the board; `undefined` fields are removed. */
export function saveBoard(boardId: string, patch: Partial<Omit<StoredBoard, 'boardId'>>): void {
  const all = readAll()
  const next: StoredBoard = { ...all[boardId], ...patch, boardId }
  for (const key of Object.keys(patch) as (keyof StoredBoard)[]) {
    if (patch[key as keyof typeof patch] === undefined) delete next[key]
  }
  all[boardId] = next
  writeStored(BOARDS_KEY, JSON.stringify(all))
}

export function forgetToken(boardId: string): void {
  saveBoard(boardId, { token: undefined })
}

/** Everything this device remembers about a board, e.g. after it was deleted. */
export function forgetBoard(boardId: string): void {
  const all = readAll()
  if (!all[boardId]) return
  delete all[boardId]
  writeStored(BOARDS_KEY, JSON.stringify(all))
}

/** Boards this device can open again, most recent first. */
export function listStoredBoards(): StoredBoard[] {
  return Object.values(readAll())
    .filter((board) => board.token || board.facilitatorKey)
    .sort((a, b) => (b.lastOpened ?? 0) - (a.lastOpened ?? 0))
}

export function getStoredName(): string {
  return readStored(NAME_KEY) ?? ''
}

export function saveName(name: string): void {
  writeStored(NAME_KEY, name.trim())
}
