import { request } from './http'

/** The facilitator's endpoints for joining by code (see docs/api.md, "Joining"). */

export interface JoinState {
  joinCode: string
  joinOpen: boolean
  participantUrl: string
}

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

export function rotateJoinCode(boardId: string, token: string): Promise<JoinState> {
  return request(`${board(boardId)}/join-code`, { method: 'POST', bearer: token })
}

export function setJoiningOpen(boardId: string, token: string, open: boolean): Promise<JoinState> {
  return request(`${board(boardId)}/joining`, { method: 'POST', body: { open }, bearer: token })
}

/** Ids of the people a facilitator removed from the board. */
export async function removedParticipants(boardId: string, token: string): Promise<string[]> {
  const body = await request<{ participantIds: string[] }>(`${board(boardId)}/participants/removed`, {
    bearer: token,
  })
  return body.participantIds
}

/** "Weer toelaten": they can join again, and their old link works again. */
export function allowParticipant(boardId: string, token: string, participantId: string): Promise<void> {
  return request(`${board(boardId)}/participants/${encodeURIComponent(participantId)}/allow`, {
    method: 'POST',
    bearer: token,
  })
}

/** A link that is this same participant (same id, same dots), for a person on a new device. */
export async function participantLink(
  boardId: string,
  token: string,
  participantId: string,
  name: string,
): Promise<string> {
  const body = await request<{ url: string }>(
    `${board(boardId)}/participants/${encodeURIComponent(participantId)}/link`,
    { method: 'POST', body: { name }, bearer: token },
  )
  return body.url
}
