/**
 * Storage of communities (issue 19): a community of practice ("Gemeenschap") with its series of
 * sessions (boards), the actions carried forward from their agreements, the status history of
 * those actions, and the full-text index over its harvest. Every adapter (memory, SQLite,
 * PostgreSQL) passes the same contract suite (tests/integration/persistence.contract.ts).
 */

export interface CommunityRecord {
  id: string
  name: string
  description: string
  /** SHA-256 of the community's facilitator key (shown once; shareable among co-facilitators). */
  facilitatorKeyHash: string
  /** Members (anyone with a valid token for one of its sessions) may search its harvest. */
  membersMaySearch: boolean
  createdAt: number
}

/** A board made in a community; `position` is 1, 2, 3 … in the order sessions were added. */
export interface CommunitySessionRecord {
  communityId: string
  boardId: string
  position: number
  addedAt: number
}

/** An agreement (Wie/Wat/Wanneer) of a session, carried forward as the community's action. */
export interface CommunityActionRecord {
  id: string
  communityId: string
  /** The session whose agreements zone holds the note, and that note. Unique together. */
  sourceBoardId: string
  sourceNoteId: string
  who: string
  what: string
  when: string
  createdAt: number
}

export type ActionStatus = 'done' | 'ongoing' | 'failed'

/** One entry of an action's status history (append-only). */
export interface ActionStatusRecord {
  id: string
  actionId: string
  communityId: string
  /** The session (board) in which the status was set. */
  boardId: string
  status: ActionStatus
  note: string
  byName: string
  at: number
}

export type SearchKind = 'note' | 'agreement' | 'insight'

/** One searchable text of a session. */
export interface SearchEntry {
  boardId: string
  /** The note's id (for an insight of the harvest notes: a stable id such as `insights`). */
  noteId: string
  kind: SearchKind
  /** The text as written (shown in results; PostgreSQL indexes it with the `dutch` configuration). */
  text: string
  /** The text's Dutch stems, space-separated (shared/src/suggest/text.ts); SQLite's FTS5 indexes these. */
  stems: string
}

export interface SearchQuery {
  /** What the person typed (PostgreSQL: plainto_tsquery('dutch', text)). */
  text: string
  /** Its Dutch stems (SQLite FTS5 and memory: every stem must occur, prefix allowed on the last). */
  stems: string[]
}

export interface SearchHit extends SearchEntry {
  /** Higher is better; only the order within one answer means something. */
  score: number
}

export interface CommunityStore {
  /** Rejects with DuplicateError when the id is taken. */
  createCommunity(community: CommunityRecord): Promise<void>
  getCommunity(id: string): Promise<CommunityRecord | null>
  updateCommunity(
    id: string,
    fields: Partial<
      Pick<CommunityRecord, 'name' | 'description' | 'membersMaySearch' | 'facilitatorKeyHash'>
    >,
  ): Promise<void>
  /**
   * Deletes the community's own rows: the record, its session links, actions, statuses and search
   * entries. Its boards are deleted by the service first (deleteBoard), one by one.
   */
  deleteCommunity(id: string): Promise<void>
  /** Links a board to a community as its next session; returns its position. A board belongs to one community at most. */
  addCommunitySession(communityId: string, boardId: string, at: number): Promise<number>
  /** The community's sessions, by position. */
  communitySessions(communityId: string): Promise<CommunitySessionRecord[]>
  /** The community a board belongs to, or null. */
  communityOfBoard(boardId: string): Promise<string | null>
  /**
   * Inserts the action, or, when (sourceBoardId, sourceNoteId) exists, updates who/what/when and
   * keeps the stored id and createdAt. Returns the stored id.
   */
  upsertCommunityAction(action: CommunityActionRecord): Promise<string>
  /** Oldest first. */
  communityActions(communityId: string): Promise<CommunityActionRecord[]>
  /** Deletes an action and its status history. */
  deleteCommunityAction(id: string): Promise<void>
  addActionStatus(status: ActionStatusRecord): Promise<void>
  /** The whole status history of the community's actions, oldest first. */
  actionStatuses(communityId: string): Promise<ActionStatusRecord[]>
  /** Replaces every search entry of one session (in one transaction) and records when. */
  replaceSearchEntries(
    communityId: string,
    boardId: string,
    entries: readonly SearchEntry[],
    indexedAt: number,
  ): Promise<void>
  /** When the session's entries were last replaced, or null when never. */
  searchIndexedAt(boardId: string): Promise<number | null>
  /** Best first, at most `limit`, only within the community. */
  searchCommunity(communityId: string, query: SearchQuery, limit: number): Promise<SearchHit[]>
}

/*
 * Deleting a board (BoardStore.deleteBoard) also deletes, in the same transaction, its session
 * link, the actions sourced from it (with their statuses), the statuses set in it, and its search
 * entries: nothing of a deleted session stays behind.
 */
