import { isBoardId, OBJECT_ID_PATTERN } from './ids'

/**
 * A board has several Yjs documents ("rooms"), addressed as `/sync/<room>`:
 * - `<boardId>`                   content: notes and zones; participants and facilitators write.
 * - `<boardId>/control`           session state; only facilitators (and the server) write.
 * - `<boardId>/drafts/<pid>`      one participant's private notes before a reveal; only that
 *                                 participant and facilitators may open it.
 * - `<boardId>/votes`             ballots; only the server opens it (never a socket).
 * Room names come from URLs, so they are parsed strictly and never used raw in paths or channels.
 */

export type RoomKind = 'content' | 'control' | 'drafts' | 'votes'

export interface RoomAddress {
  boardId: string
  kind: RoomKind
  /** For drafts rooms: whose drafts. */
  participantId?: string
}

export function contentRoom(boardId: string): string {
  return boardId
}

export function controlRoom(boardId: string): string {
  return `${boardId}/control`
}

export function draftsRoom(boardId: string, participantId: string): string {
  return `${boardId}/drafts/${participantId}`
}

export function votesRoom(boardId: string): string {
  return `${boardId}/votes`
}

export function roomName(address: RoomAddress): string {
  switch (address.kind) {
    case 'content':
      return contentRoom(address.boardId)
    case 'control':
      return controlRoom(address.boardId)
    case 'votes':
      return votesRoom(address.boardId)
    case 'drafts':
      return draftsRoom(address.boardId, address.participantId ?? '')
  }
}

export function parseRoomName(name: string): RoomAddress | null {
  const [boardId, suffix, extra, ...rest] = name.split('/')
  if (rest.length > 0 || !isBoardId(boardId)) return null
  if (suffix === undefined) return { boardId, kind: 'content' }
  if (suffix === 'control' && extra === undefined) return { boardId, kind: 'control' }
  if (suffix === 'votes' && extra === undefined) return { boardId, kind: 'votes' }
  if (suffix === 'drafts' && extra !== undefined && OBJECT_ID_PATTERN.test(extra)) {
    return { boardId, kind: 'drafts', participantId: extra }
  }
  return null
}
