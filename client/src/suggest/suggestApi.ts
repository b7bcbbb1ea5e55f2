import type { Suggestion } from '../../../shared/src/suggest/suggest'
import { request } from '../api/http'

/** What POST /api/boards/:id/suggestions answers (docs/api.md, "Grouping suggestions"). */
export interface BoardSuggestion extends Suggestion {
  considered: number
  locked: number
  grouped: number
}

/** Asks the server for groups of one question (or of the whole board with null). */
export function requestSuggestions(
  boardId: string,
  token: string,
  zoneId: string | null,
): Promise<BoardSuggestion> {
  return request<BoardSuggestion>(`/api/boards/${encodeURIComponent(boardId)}/suggestions`, {
    method: 'POST',
    body: { zoneId },
    bearer: token,
  })
}
