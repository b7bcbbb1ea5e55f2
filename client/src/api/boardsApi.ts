import type { Role } from '../../../shared/src/roles'

/**
 * Thin wrappers around the Oogst HTTP API. Every failure becomes an ApiError with the server's
 * error code (or `network` when the server could not be reached), so screens can explain it.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

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
  participantUrl: string
  viewerUrl?: string
}

async function request<T>(
  path: string,
  init: { method?: string; body?: unknown; bearer?: string },
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  if (init.bearer) headers.Authorization = `Bearer ${init.bearer}`
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error')
  }
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText,
    )
  }
  return payload as T
}

export function createBoard(input: { title: string; language: 'nl' | 'en' }): Promise<CreatedBoard> {
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

export function joinBoard(input: { joinCode: string; name: string }): Promise<JoinedBoard> {
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
  if (error.status === 429) return 'errors.tooManyTries'
  if (error.status === 401 || error.status === 403) return 'errors.linkInvalid'
  if (error.status === 404) return 'errors.boardNotFound'
  return 'errors.generic'
}
