import type { TimerRequest, VoteRequest, VotingRequest } from '../../../shared/src/api'
import type { Role } from '../../../shared/src/roles'
import { request } from '../api/http'

/**
 * The facilitation endpoints of docs/api.md ("Facilitation (session) API"). The server writes the
 * results into the control document, so callers rarely need the answers: everyone's screen follows
 * the document.
 */

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

/** Bodies as the server's schemas take them (shared/src/api): the two cannot drift apart. */
export type SessionAction = TimerRequest

export function sessionAction(boardId: string, token: string, body: SessionAction): Promise<unknown> {
  return request(`${board(boardId)}/session`, { method: 'POST', body, bearer: token })
}

export function getServerTime(): Promise<{ now: number }> {
  return request('/api/time')
}

export function setReady(boardId: string, token: string, ready: boolean): Promise<unknown> {
  return request(`${board(boardId)}/ready`, { method: 'POST', body: { ready }, bearer: token })
}

// ── private writing ─────────────────────────────────────────────────────────────────────────

export interface DraftNote {
  id: string
  text: string
  zoneId: string | null
  hidden: boolean
  color: string
}

export interface ParticipantDrafts {
  participantId: string
  name: string
  notes: DraftNote[]
}

export function listDrafts(boardId: string, token: string): Promise<{ participants: ParticipantDrafts[] }> {
  return request(`${board(boardId)}/drafts`, { bearer: token })
}

const draftPath = (boardId: string, participantId: string, noteId: string) =>
  `${board(boardId)}/drafts/${encodeURIComponent(participantId)}/${encodeURIComponent(noteId)}`

export function setDraftHidden(
  boardId: string,
  token: string,
  draft: { participantId: string; noteId: string; hidden: boolean },
): Promise<unknown> {
  return request(draftPath(boardId, draft.participantId, draft.noteId), {
    method: 'PATCH',
    body: { hidden: draft.hidden },
    bearer: token,
  })
}

export function removeDraft(
  boardId: string,
  token: string,
  draft: { participantId: string; noteId: string },
): Promise<unknown> {
  return request(draftPath(boardId, draft.participantId, draft.noteId), { method: 'DELETE', bearer: token })
}

export function revealDrafts(boardId: string, token: string, anonymous: boolean): Promise<unknown> {
  return request(`${board(boardId)}/reveal`, { method: 'POST', body: { anonymous }, bearer: token })
}

// ── dot voting ──────────────────────────────────────────────────────────────────────────────

export type OpenVoting = Extract<VotingRequest, { action: 'open' }>

export function setVoting(boardId: string, token: string, body: VotingRequest): Promise<unknown> {
  return request(`${board(boardId)}/voting`, { method: 'POST', body, bearer: token })
}

export function castVote(boardId: string, token: string, noteId: string, delta: 1 | -1): Promise<unknown> {
  const body: VoteRequest = { noteId, delta }
  return request(`${board(boardId)}/votes`, { method: 'POST', body, bearer: token })
}

export interface MyVotes {
  perPerson: number
  used: number
  remaining: number
  mine: Record<string, number>
}

export function getMyVotes(boardId: string, token: string): Promise<MyVotes> {
  return request(`${board(boardId)}/votes/mine`, { bearer: token })
}

export interface NoteVoters {
  noteId: string
  total: number
  voters: { participantId: string; name: string; count: number }[]
}

export interface VotersOverview {
  voteId: string
  open: boolean
  notes: NoteVoters[]
}

/** Facilitators only, and only for a vote that is not anonymous (else 403 `vote_anonymous`). */
export function getVoters(boardId: string, token: string, voteId?: string): Promise<VotersOverview> {
  const query = voteId ? `?voteId=${encodeURIComponent(voteId)}` : ''
  return request(`${board(boardId)}/votes/voters${query}`, { bearer: token })
}

// ── people ──────────────────────────────────────────────────────────────────────────────────

const participantPath = (boardId: string, participantId: string) =>
  `${board(boardId)}/participants/${encodeURIComponent(participantId)}`

export function changeRole(
  boardId: string,
  token: string,
  participantId: string,
  role: Role,
): Promise<unknown> {
  return request(`${participantPath(boardId, participantId)}/role`, {
    method: 'POST',
    body: { role },
    bearer: token,
  })
}

export function revokeParticipant(boardId: string, token: string, participantId: string): Promise<unknown> {
  return request(`${participantPath(boardId, participantId)}/revoke`, { method: 'POST', bearer: token })
}
