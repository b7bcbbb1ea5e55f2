import type { ActionStatusName } from '../model/lookback'

/**
 * What the community routes answer (docs/community.md, issue 19). Types only, so the app may
 * import them without zod.
 */

export type CommunitySessionStatus = 'planned' | 'running' | 'ended'
export type CommunityActionState = ActionStatusName | 'open'

export interface CommunitySessionSummary {
  boardId: string
  position: number
  title: string
  createdAt: number
  /** The board's central question ('' when it has none). */
  question: string
  templateId: string
  status: CommunitySessionStatus
  participants: number
  topNotes: { text: string; votes: number }[]
  agreements: { who: string; what: string; when: string }[]
}

export interface CommunityActionHistoryEntry {
  status: ActionStatusName
  note: string
  byName: string
  at: number
  boardId: string
  position: number
}

export interface CommunityActionView {
  id: string
  who: string
  what: string
  when: string
  sourceBoardId: string
  sourcePosition: number
  sourceTitle: string
  /** The newest status, 'open' without any. */
  status: CommunityActionState
  history: CommunityActionHistoryEntry[]
}

export interface CommunityPage {
  id: string
  name: string
  description: string
  membersMaySearch: boolean
  createdAt: number
  sessions: CommunitySessionSummary[]
  actions: CommunityActionView[]
}

export interface CreatedCommunity {
  id: string
  facilitatorKey: string
  communityUrl: string
}

export interface CommunitySearchHit {
  boardId: string
  sessionTitle: string
  position: number
  noteId: string
  kind: 'note' | 'agreement' | 'insight'
  text: string
  /** `/b/<boardId>#note=<noteId>`: relative, the reader adds their own origin (and token). */
  link: string
}
