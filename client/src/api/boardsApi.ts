import type { Role } from '../../../shared/src/roles'

import { ApiError, request } from './http'

export { ApiError }

/** Thin wrappers around the board endpoints of the Oogst HTTP API (see docs/api.md). */

export interface CreatedBoard {
  id: string
  joinCode: string
  facilitatorKey: string
  facilitatorUrl: string
  participantUrl: string
  viewerUrl: string
}

export interface JoinedBoard {
  boardId: string
  participantId: string
  token: string
  role: 'participant'
}

export interface BoardInfo {
  id: string
  title: string
  language: 'nl' | 'en'
  role: Role
  participantId: string
  name: string
  joinCode: string
  /** False while the facilitator has closed joining by code. */
  joinOpen: boolean
  participantUrl: string
  viewerUrl?: string
}

export function createBoard(input: {
  title: string
  language: 'nl' | 'en'
  templateId?: string
}): Promise<CreatedBoard> {
  return request('/api/boards', { method: 'POST', body: input })
}

export function createToken(
  boardId: string,
  facilitatorKey: string,
  input: { role: Role; name: string },
): Promise<{ token: string }> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/tokens`, {
    method: 'POST',
    body: input,
    bearer: facilitatorKey,
  })
}

/** `device`: this browser's secret (storage/deviceSecret.ts), so re-joining is the same person. */
export function joinBoard(input: { joinCode: string; name: string; device: string }): Promise<JoinedBoard> {
  return request('/api/join', { method: 'POST', body: input })
}

export function getBoard(boardId: string, token: string): Promise<BoardInfo> {
  return request(`/api/boards/${encodeURIComponent(boardId)}`, { bearer: token })
}

/** The i18n key that explains an error to the person in plain words. */
export function errorMessageKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'errors.generic'
  if (error.code === 'network') return 'errors.network'
  if (error.code === 'unknown_join_code') return 'errors.unknownJoinCode'
  if (error.code === 'joining_closed') return 'errors.joiningClosed'
  if (error.code === 'participant_removed') return 'errors.participantRemoved'
  if (error.code === 'unknown_template') return 'errors.templateGone'
  if (error.status === 429) return 'errors.tooManyTries'
  if (error.status === 401 || error.status === 403) return 'errors.linkInvalid'
  if (error.status === 404) return 'errors.boardNotFound'
  return 'errors.generic'
}
