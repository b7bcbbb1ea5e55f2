import type {
  CommunityActionHistoryEntry,
  CommunityActionState,
  CommunityPage,
  CommunitySearchHit,
  CommunitySessionStatus,
  CreatedCommunity,
} from '../../../shared/src/api/communityAnswers'
import type { ActionStatusName } from '../../../shared/src/model/lookback'
import type { CreatedBoard } from './boardsApi'
import { ApiError, request } from './http'

/**
 * The community endpoints (docs/community.md, issue 19). Every call but making a community carries
 * the community's facilitator key as a Bearer header; setting an action's status carries the
 * board token of the person in the session.
 */

// The answers' types are the server's own (shared/src/api/communityAnswers.ts: types only, no zod).
export type {
  CommunityActionView as CommunityAction,
  CommunityPage,
  CommunitySearchHit as SearchHit,
  CommunitySessionSummary as CommunitySession,
  CreatedCommunity,
} from '../../../shared/src/api/communityAnswers'
export type SessionStatus = CommunitySessionStatus
export type ActionState = CommunityActionState
export type ActionStatus = ActionStatusName
export type CommunityReportFormat = 'md' | 'html' | 'docx' | 'pdf'

const base = (id: string) => `/api/communities/${encodeURIComponent(id)}`

export function createCommunity(input: {
  name: string
  description?: string
  language?: 'nl' | 'en'
}): Promise<CreatedCommunity> {
  return request('/api/communities', { method: 'POST', body: input })
}

export function getCommunity(id: string, key: string): Promise<CommunityPage> {
  return request(base(id), { bearer: key })
}

export function updateCommunity(
  id: string,
  key: string,
  patch: { name?: string; description?: string; membersMaySearch?: boolean },
): Promise<CommunityPage> {
  return request(base(id), { method: 'PATCH', body: patch, bearer: key })
}

export function rotateCommunityKey(id: string, key: string): Promise<CreatedCommunity> {
  return request(`${base(id)}/key`, { method: 'POST', bearer: key })
}

export function createCommunitySession(
  id: string,
  key: string,
  input: {
    title: string
    question?: string
    templateId?: string
    copyFromLast?: boolean
    language?: 'nl' | 'en'
  },
): Promise<CreatedBoard & { position: number }> {
  return request(`${base(id)}/sessions`, { method: 'POST', body: input, bearer: key })
}

/** A facilitator token for one of the community's sessions (the community key runs them all). */
export function sessionFacilitator(
  id: string,
  key: string,
  boardId: string,
): Promise<{ facilitatorUrl: string; token: string }> {
  return request(`${base(id)}/sessions/${encodeURIComponent(boardId)}/facilitator`, {
    method: 'POST',
    bearer: key,
  })
}

export async function searchCommunity(
  id: string,
  bearer: string,
  q: string,
  limit = 20,
): Promise<CommunitySearchHit[]> {
  const query = new URLSearchParams({ q, limit: String(limit) })
  const { hits } = await request<{ hits: CommunitySearchHit[] }>(`${base(id)}/search?${query}`, { bearer })
  return hits
}

export function deleteCommunity(
  id: string,
  key: string,
  confirm: string,
): Promise<{ deletedSessions: string[] }> {
  return request(base(id), { method: 'DELETE', body: { confirm }, bearer: key })
}

/** The Jaaroverzicht as a file: fetched with the key (a plain link cannot send it), then saved. */
export async function fetchCommunityReport(
  id: string,
  key: string,
  format: CommunityReportFormat,
): Promise<{ blob: Blob; disposition: string | null }> {
  let response: Response
  try {
    response = await fetch(`${base(id)}/report?format=${format}`, {
      headers: { Authorization: `Bearer ${key}` },
      cache: 'no-store',
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error')
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { code?: unknown } } | null
    const code = payload?.error?.code
    throw new ApiError(
      response.status,
      typeof code === 'string' ? code : `http_${response.status}`,
      response.statusText,
    )
  }
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') }
}

/** A participant or facilitator in the session marks a carried-forward action (Terugblik). */
export function setActionStatus(
  boardId: string,
  token: string,
  actionId: string,
  input: { status: ActionStatus; note?: string },
): Promise<{ history: CommunityActionHistoryEntry[] }> {
  return request(
    `/api/boards/${encodeURIComponent(boardId)}/actions/${encodeURIComponent(actionId)}/status`,
    {
      method: 'POST',
      body: input,
      bearer: token,
    },
  )
}
