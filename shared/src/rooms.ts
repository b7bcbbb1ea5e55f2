import { isBoardId } from './ids'

/**
 * A board has several Yjs documents ("rooms"), addressed as `/sync/<room>`:
 * - `<boardId>`          content: notes and zones; participants and facilitators write.
 * - `<boardId>/control`  session state; only facilitators write, everyone reads.
 * Room names come from URLs, so they are parsed strictly and never used raw in paths or channels.
 */

export type RoomKind = 'content' | 'control'

export interface RoomAddress {
  boardId: string
  kind: RoomKind
}

export function contentRoom(boardId: string): string {
  return boardId
}

export function controlRoom(boardId: string): string {
  return `${boardId}/control`
}

export function roomName(address: RoomAddress): string {
  return address.kind === 'content' ? contentRoom(address.boardId) : controlRoom(address.boardId)
}

export function parseRoomName(name: string): RoomAddress | null {
  const [boardId, suffix, ...rest] = name.split('/')
  if (rest.length > 0 || !isBoardId(boardId)) return null
  if (suffix === undefined) return { boardId, kind: 'content' }
  if (suffix === 'control') return { boardId, kind: 'control' }
  return null
}
