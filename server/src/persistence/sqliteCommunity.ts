import type Database from 'better-sqlite3'
import {
  type ActionRow,
  type CommunityRow,
  type HitRow,
  type StatusRow,
  toAction,
  toCommunity,
  toHit,
  toStatus,
} from './communityRows'
import type { CommunityStore } from './communityTypes'
import { ftsMatchExpression, searchLimit } from './searchStems'
import { DuplicateError } from './types'

/**
 * Communities in SQLite (issue 19). Search runs on FTS5 over the Dutch Snowball stems the caller
 * computed (shared/src/suggest/text.ts): FTS5 has no Dutch tokenizer, its `porter` is English.
 * The FTS table takes its content from search_entries (triggers keep it in step), so the text
 * is stored once.
 */
export const COMMUNITY_MIGRATION = `
  CREATE TABLE communities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    facilitator_key_hash TEXT NOT NULL,
    members_may_search INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE community_sessions (
    board_id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    UNIQUE (community_id, position)
  );
  CREATE TABLE community_actions (
    id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    source_board_id TEXT NOT NULL,
    source_note_id TEXT NOT NULL,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    when_text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (source_board_id, source_note_id)
  );
  CREATE INDEX community_actions_community ON community_actions (community_id, created_at);
  CREATE TABLE action_statuses (
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL,
    community_id TEXT NOT NULL,
    board_id TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    by_name TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX action_statuses_community ON action_statuses (community_id, at);
  CREATE INDEX action_statuses_action ON action_statuses (action_id);
  CREATE INDEX action_statuses_board ON action_statuses (board_id);
  CREATE TABLE search_entries (
    id INTEGER PRIMARY KEY,
    community_id TEXT NOT NULL,
    board_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    stems TEXT NOT NULL
  );
  CREATE INDEX search_entries_board ON search_entries (board_id);
  CREATE INDEX search_entries_community ON search_entries (community_id);
  CREATE VIRTUAL TABLE search_fts USING fts5(
    stems, content = 'search_entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER search_entries_added AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts (rowid, stems) VALUES (new.id, new.stems);
  END;
  CREATE TRIGGER search_entries_removed AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
  END;
  CREATE TABLE search_marks (
    board_id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    indexed_at INTEGER NOT NULL
  );
  CREATE INDEX search_marks_community ON search_marks (community_id);`

const isConstraint = (error: unknown) =>
  (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true

export interface SqliteCommunities {
  store: CommunityStore
  /**
   * Deletes the board's community rows; run inside deleteBoard's transaction. True when search
   * entries went (then call `purgeDeletedWords` after the commit).
   */
  deleteBoardRows(boardId: string): boolean
  /**
   * FTS5 keeps a deleted row's words in its index segments (as delete markers) until they are
   * merged; 'optimize' merges everything now, so a deleted session's words leave the file.
   */
  purgeDeletedWords(): void
}

export function createSqliteCommunities(
  db: Database.Database,
  flushDeletions: () => void,
): SqliteCommunities {
  const run = (sql: string) => db.prepare(sql)
  const q = {
    insertCommunity: run(
      'INSERT INTO communities (id, name, description, facilitator_key_hash, members_may_search, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    community: db.prepare<[string], CommunityRow>('SELECT * FROM communities WHERE id = ?'),
    updateCommunity: run(
      `UPDATE communities SET name = COALESCE(@name, name), description = COALESCE(@description, description),
         members_may_search = COALESCE(@membersMaySearch, members_may_search),
         facilitator_key_hash = COALESCE(@facilitatorKeyHash, facilitator_key_hash) WHERE id = @id`,
    ),
    nextPosition: db.prepare<[string], { position: number }>(
      'SELECT COALESCE(MAX(position), 0) + 1 AS position FROM community_sessions WHERE community_id = ?',
    ),
    insertSession: run(
      'INSERT INTO community_sessions (board_id, community_id, position, added_at) VALUES (?, ?, ?, ?)',
    ),
    sessions: db.prepare<
      [string],
      { board_id: string; community_id: string; position: number; added_at: number }
    >('SELECT * FROM community_sessions WHERE community_id = ? ORDER BY position'),
    communityOfBoard: db.prepare<[string], { community_id: string }>(
      'SELECT community_id FROM community_sessions WHERE board_id = ?',
    ),
    upsertAction: db.prepare<unknown[], { id: string }>(
      `INSERT INTO community_actions (id, community_id, source_board_id, source_note_id, who, what, when_text, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (source_board_id, source_note_id)
       DO UPDATE SET who = excluded.who, what = excluded.what, when_text = excluded.when_text
       RETURNING id`,
    ),
    actions: db.prepare<[string], ActionRow>(
      'SELECT * FROM community_actions WHERE community_id = ? ORDER BY created_at, rowid',
    ),
    insertStatus: run(
      'INSERT INTO action_statuses (id, action_id, community_id, board_id, status, note, by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    statuses: db.prepare<[string], StatusRow>(
      'SELECT * FROM action_statuses WHERE community_id = ? ORDER BY at, rowid',
    ),
    deleteActionStatuses: run('DELETE FROM action_statuses WHERE action_id = ?'),
    deleteAction: run('DELETE FROM community_actions WHERE id = ?'),
    insertEntry: run(
      'INSERT INTO search_entries (community_id, board_id, note_id, kind, text, stems) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    upsertMark: run(
      `INSERT INTO search_marks (board_id, community_id, indexed_at) VALUES (?, ?, ?)
       ON CONFLICT (board_id) DO UPDATE SET community_id = excluded.community_id, indexed_at = excluded.indexed_at`,
    ),
    mark: db.prepare<[string], { indexed_at: number }>(
      'SELECT indexed_at FROM search_marks WHERE board_id = ?',
    ),
    search: db.prepare<[string, string, number], HitRow>(
      `SELECT e.board_id, e.note_id, e.kind, e.text, e.stems, -bm25(search_fts) AS score
       FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
       WHERE search_fts MATCH ? AND e.community_id = ?
       ORDER BY score DESC, e.board_id, e.note_id LIMIT ?`,
    ),
    // Of a board: statuses set in it and those of actions sourced from it, then the rest.
    boardStatuses: run(
      `DELETE FROM action_statuses WHERE board_id = @id
         OR action_id IN (SELECT id FROM community_actions WHERE source_board_id = @id)`,
    ),
    boardActions: run('DELETE FROM community_actions WHERE source_board_id = ?'),
    boardSession: run('DELETE FROM community_sessions WHERE board_id = ?'),
    boardEntries: run('DELETE FROM search_entries WHERE board_id = ?'),
    boardMark: run('DELETE FROM search_marks WHERE board_id = ?'),
    // Of a community.
    communityStatuses: run(
      `DELETE FROM action_statuses WHERE community_id = @id
         OR action_id IN (SELECT id FROM community_actions WHERE community_id = @id)`,
    ),
    communityActions: run('DELETE FROM community_actions WHERE community_id = ?'),
    communitySessions: run('DELETE FROM community_sessions WHERE community_id = ?'),
    communityEntries: run('DELETE FROM search_entries WHERE community_id = ?'),
    communityMarks: run('DELETE FROM search_marks WHERE community_id = ?'),
    deleteCommunity: run('DELETE FROM communities WHERE id = ?'),
    optimize: run("INSERT INTO search_fts (search_fts) VALUES ('optimize')"),
  }

  const insertOrDuplicate = (work: () => void, what: string) => {
    try {
      work()
    } catch (error) {
      if (isConstraint(error)) throw new DuplicateError(what)
      throw error
    }
  }

  const addSession = db.transaction((communityId: string, boardId: string, at: number): number => {
    if (!q.community.get(communityId)) throw new Error('community not found')
    const position = q.nextPosition.get(communityId)?.position ?? 1
    insertOrDuplicate(
      () => q.insertSession.run(boardId, communityId, position, at),
      'board is already a session of a community',
    )
    return position
  })

  const deleteAction = db.transaction((id: string) => {
    q.deleteActionStatuses.run(id)
    q.deleteAction.run(id)
  })

  const replaceEntries = db.transaction(
    (
      communityId: string,
      boardId: string,
      entries: Parameters<CommunityStore['replaceSearchEntries']>[2],
      at: number,
    ) => {
      q.boardEntries.run(boardId)
      for (const entry of entries)
        q.insertEntry.run(communityId, boardId, entry.noteId, entry.kind, entry.text, entry.stems)
      q.upsertMark.run(boardId, communityId, at)
    },
  )

  const deleteCommunityRows = db.transaction((id: string): boolean => {
    q.communityStatuses.run({ id })
    q.communityActions.run(id)
    q.communitySessions.run(id)
    const entries = q.communityEntries.run(id).changes
    q.communityMarks.run(id)
    q.deleteCommunity.run(id)
    return entries > 0
  })

  const purgeDeletedWords = () => {
    q.optimize.run()
    flushDeletions()
  }

  const store: CommunityStore = {
    async createCommunity(c) {
      insertOrDuplicate(
        () =>
          q.insertCommunity.run(
            c.id,
            c.name,
            c.description,
            c.facilitatorKeyHash,
            c.membersMaySearch ? 1 : 0,
            c.createdAt,
          ),
        'community id taken',
      )
    },
    async getCommunity(id) {
      const row = q.community.get(id)
      return row ? toCommunity(row) : null
    },
    async updateCommunity(id, fields) {
      q.updateCommunity.run({
        id,
        name: fields.name ?? null,
        description: fields.description ?? null,
        membersMaySearch: fields.membersMaySearch === undefined ? null : fields.membersMaySearch ? 1 : 0,
        facilitatorKeyHash: fields.facilitatorKeyHash ?? null,
      })
    },
    async deleteCommunity(id) {
      if (deleteCommunityRows(id)) purgeDeletedWords()
      else flushDeletions()
    },
    async addCommunitySession(communityId, boardId, at) {
      return addSession(communityId, boardId, at)
    },
    async communitySessions(communityId) {
      return q.sessions.all(communityId).map((row) => ({
        communityId: row.community_id,
        boardId: row.board_id,
        position: Number(row.position),
        addedAt: Number(row.added_at),
      }))
    },
    async communityOfBoard(boardId) {
      return q.communityOfBoard.get(boardId)?.community_id ?? null
    },
    async upsertCommunityAction(a) {
      let id = a.id
      insertOrDuplicate(() => {
        const row = q.upsertAction.get(
          a.id,
          a.communityId,
          a.sourceBoardId,
          a.sourceNoteId,
          a.who,
          a.what,
          a.when,
          a.createdAt,
        )
        id = row?.id ?? a.id
      }, 'action id taken')
      return id
    },
    async communityActions(communityId) {
      return q.actions.all(communityId).map(toAction)
    },
    async deleteCommunityAction(id) {
      deleteAction(id)
    },
    async addActionStatus(s) {
      insertOrDuplicate(
        () =>
          q.insertStatus.run(s.id, s.actionId, s.communityId, s.boardId, s.status, s.note, s.byName, s.at),
        'status id taken',
      )
    },
    async actionStatuses(communityId) {
      return q.statuses.all(communityId).map(toStatus)
    },
    async replaceSearchEntries(communityId, boardId, entries, indexedAt) {
      replaceEntries(communityId, boardId, entries, indexedAt)
    },
    async searchIndexedAt(boardId) {
      const row = q.mark.get(boardId)
      return row ? Number(row.indexed_at) : null
    },
    async searchCommunity(communityId, query, limit) {
      const match = ftsMatchExpression(query.stems)
      const max = searchLimit(limit)
      if (match === null || max === 0) return []
      return q.search.all(match, communityId, max).map(toHit)
    },
  }

  return {
    store,
    deleteBoardRows(boardId) {
      q.boardStatuses.run({ id: boardId })
      q.boardActions.run(boardId)
      q.boardSession.run(boardId)
      const entries = q.boardEntries.run(boardId).changes
      q.boardMark.run(boardId)
      return entries > 0
    },
    purgeDeletedWords,
  }
}
