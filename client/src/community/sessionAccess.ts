import { sessionFacilitator } from '../api/communityApi'
import { boardPath, navigate } from '../routing'
import { saveBoard } from '../storage/localBoards'

/**
 * The community key runs every session: trade it for a facilitator token of that board, keep the
 * token on this device like any board's, and return it.
 */
export async function facilitatorTokenFor(
  communityId: string,
  key: string,
  session: { boardId: string; title: string },
): Promise<string> {
  const { token } = await sessionFacilitator(communityId, key, session.boardId)
  saveBoard(session.boardId, { token, title: session.title, lastOpened: Date.now() })
  return token
}

/** Opens a session as its facilitator; `noteId`: a search result, the board selects that note. */
export async function openSessionAsFacilitator(
  communityId: string,
  key: string,
  session: { boardId: string; title: string },
  noteId?: string,
): Promise<void> {
  await facilitatorTokenFor(communityId, key, session)
  navigate(noteLinkPath(session.boardId, noteId))
}

export function noteLinkPath(boardId: string, noteId?: string): string {
  return noteId ? `${boardPath(boardId)}#note=${encodeURIComponent(noteId)}` : boardPath(boardId)
}
