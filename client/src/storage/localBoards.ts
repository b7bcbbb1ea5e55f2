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
}

const BOARDS_KEY = 'oogst.boards'
const NAME_KEY = 'oogst.name'

// Fallback for browsers that refuse storage, so a single visit still works.
const memory = new Map<string, string>()

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return memory.get(key) ?? null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    memory.set(key, value)
  }
}

function readAll(): Record<string, StoredBoard> {
  const raw = read(BOARDS_KEY)
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, StoredBoard>) : {}
  } catch {
    return {}
  }
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
  write(BOARDS_KEY, JSON.stringify(all))
}

export function forgetToken(boardId: string): void {
  saveBoard(boardId, { token: undefined })
}

/** Boards this device can open again, most recent first. */
export function listStoredBoards(): StoredBoard[] {
  return Object.values(readAll())
    .filter((board) => board.token || board.facilitatorKey)
    .sort((a, b) => (b.lastOpened ?? 0) - (a.lastOpened ?? 0))
}

export function getStoredName(): string {
  return read(NAME_KEY) ?? ''
}

export function saveName(name: string): void {
  write(NAME_KEY, name.trim())
}
