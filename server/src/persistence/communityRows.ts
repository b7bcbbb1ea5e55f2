import type {
  ActionStatus,
  ActionStatusRecord,
  CommunityActionRecord,
  CommunityRecord,
  SearchHit,
  SearchKind,
} from './communityTypes'

/**
 * Rows of the community tables as both SQL adapters read them (same column names in SQLite and
 * PostgreSQL), and their records. PostgreSQL's BIGINT columns arrive as strings, hence Number().
 */
export interface CommunityRow {
  id: string
  name: string
  description: string
  facilitator_key_hash: string
  members_may_search: number | boolean
  created_at: number | string
}
export interface ActionRow {
  id: string
  community_id: string
  source_board_id: string
  source_note_id: string
  who: string
  what: string
  when_text: string
  created_at: number | string
}
export interface StatusRow {
  id: string
  action_id: string
  community_id: string
  board_id: string
  status: string
  note: string
  by_name: string
  at: number | string
}
export interface HitRow {
  board_id: string
  note_id: string
  kind: string
  text: string
  stems: string
  score: number
}

export const toCommunity = (row: CommunityRow): CommunityRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  facilitatorKeyHash: row.facilitator_key_hash,
  membersMaySearch: Boolean(row.members_may_search),
  createdAt: Number(row.created_at),
})
export const toAction = (row: ActionRow): CommunityActionRecord => ({
  id: row.id,
  communityId: row.community_id,
  sourceBoardId: row.source_board_id,
  sourceNoteId: row.source_note_id,
  who: row.who,
  what: row.what,
  when: row.when_text,
  createdAt: Number(row.created_at),
})
export const toStatus = (row: StatusRow): ActionStatusRecord => ({
  id: row.id,
  actionId: row.action_id,
  communityId: row.community_id,
  boardId: row.board_id,
  status: row.status as ActionStatus,
  note: row.note,
  byName: row.by_name,
  at: Number(row.at),
})
export const toHit = (row: HitRow): SearchHit => ({
  boardId: row.board_id,
  noteId: row.note_id,
  kind: row.kind as SearchKind,
  text: row.text,
  stems: row.stems,
  score: Number(row.score),
})
