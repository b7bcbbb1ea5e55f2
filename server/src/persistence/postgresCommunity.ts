import type pg from 'pg'
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
import { searchLimit } from './searchStems'
import { DuplicateError } from './types'

/**
 * Communities in PostgreSQL (issue 19). Search uses PostgreSQL's own Dutch stemming: a stored
 * tsvector column generated from the text with the `dutch` configuration (GIN-indexed), queried
 * with plainto_tsquery('dutch', what was typed), ranked by ts_rank. The stems the caller computed
 * are stored (same rows as SQLite) but not used here. Only the first 100,000 characters of a text
 * are indexed: a tsvector holds at most 1 MB, and the server does not cap a note's length, so a
 * huge note would otherwise fail the whole session's re-index.
 */
export const COMMUNITY_MIGRATION = `
  CREATE TABLE communities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    facilitator_key_hash TEXT NOT NULL,
    members_may_search BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE community_sessions (
    board_id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    position INT NOT NULL,
    added_at BIGINT NOT NULL,
    UNIQUE (community_id, position)
  );
  CREATE TABLE community_actions (
    seq BIGSERIAL NOT NULL,
    id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    source_board_id TEXT NOT NULL,
    source_note_id TEXT NOT NULL,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    when_text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (source_board_id, source_note_id)
  );
  CREATE INDEX community_actions_community ON community_actions (community_id, created_at);
  CREATE TABLE action_statuses (
    seq BIGSERIAL NOT NULL,
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL,
    community_id TEXT NOT NULL,
    board_id TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    by_name TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX action_statuses_community ON action_statuses (community_id, at);
  CREATE INDEX action_statuses_action ON action_statuses (action_id);
  CREATE INDEX action_statuses_board ON action_statuses (board_id);
  CREATE TABLE search_entries (
    id BIGSERIAL PRIMARY KEY,
    community_id TEXT NOT NULL,
    board_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    stems TEXT NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (to_tsvector('dutch', left(text, 100000))) STORED
  );
  CREATE INDEX search_entries_vector ON search_entries USING GIN (search_vector);
  CREATE INDEX search_entries_board ON search_entries (board_id);
  CREATE INDEX search_entries_community ON search_entries (community_id);
  CREATE TABLE search_marks (
    board_id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    indexed_at BIGINT NOT NULL
  );
  CREATE INDEX search_marks_community ON search_marks (community_id);`

/** Every community table, for VACUUM after deletions. */
export const COMMUNITY_TABLES =
  'communities, community_sessions, community_actions, action_statuses, search_entries, search_marks'

/**
 * PostgreSQL text cannot hold U+0000, which a note (a Yjs string) can: it is dropped from the
 * board-derived texts instead of failing the whole write or search.
 */
const noNul = (text: string): string => text.replaceAll('\u0000', '')

const isDuplicate = (error: unknown) => (error as { code?: string }).code === '23505'

type InTransaction = <T>(isolation: string, work: (client: pg.PoolClient) => Promise<T>) => Promise<T>

export interface PostgresCommunities {
  store: CommunityStore
  /** Deletes the board's community rows, inside deleteBoard's transaction. */
  deleteBoardRows(client: pg.PoolClient, boardId: string): Promise<void>
}

export function createPostgresCommunities(
  pool: pg.Pool,
  inTransaction: InTransaction,
  afterDeletion: () => void,
): PostgresCommunities {
  const orDuplicate = async <T>(work: () => Promise<T>, what: string): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      if (isDuplicate(error)) throw new DuplicateError(what)
      throw error
    }
  }

  const store: CommunityStore = {
    async createCommunity(c) {
      await orDuplicate(
        () =>
          pool.query(
            `INSERT INTO communities (id, name, description, facilitator_key_hash, members_may_search, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [c.id, c.name, c.description, c.facilitatorKeyHash, c.membersMaySearch, c.createdAt],
          ),
        'community id taken',
      )
    },
    async getCommunity(id) {
      const { rows } = await pool.query<CommunityRow>('SELECT * FROM communities WHERE id = $1', [id])
      return rows[0] ? toCommunity(rows[0]) : null
    },
    async updateCommunity(id, fields) {
      await pool.query(
        `UPDATE communities SET name = COALESCE($2, name), description = COALESCE($3, description),
           members_may_search = COALESCE($4, members_may_search),
           facilitator_key_hash = COALESCE($5, facilitator_key_hash) WHERE id = $1`,
        [
          id,
          fields.name ?? null,
          fields.description ?? null,
          fields.membersMaySearch ?? null,
          fields.facilitatorKeyHash ?? null,
        ],
      )
    },
    async deleteCommunity(id) {
      await inTransaction('READ COMMITTED', async (client) => {
        await client.query(
          `DELETE FROM action_statuses WHERE community_id = $1
             OR action_id IN (SELECT id FROM community_actions WHERE community_id = $1)`,
          [id],
        )
        for (const table of ['community_actions', 'community_sessions', 'search_entries', 'search_marks'])
          await client.query(`DELETE FROM ${table} WHERE community_id = $1`, [id])
        await client.query('DELETE FROM communities WHERE id = $1', [id])
      })
      afterDeletion()
    },
    async addCommunitySession(communityId, boardId, at) {
      return inTransaction('READ COMMITTED', async (client) => {
        // Locking the community's row makes concurrent additions take turns: positions stay 1, 2, 3.
        const community = await client.query('SELECT 1 FROM communities WHERE id = $1 FOR UPDATE', [
          communityId,
        ])
        if (community.rows.length === 0) throw new Error('community not found')
        const { rows } = await orDuplicate(
          () =>
            client.query<{ position: number }>(
              `INSERT INTO community_sessions (board_id, community_id, position, added_at)
               SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3 FROM community_sessions WHERE community_id = $2
               RETURNING position`,
              [boardId, communityId, at],
            ),
          'board is already a session of a community',
        )
        return Number(rows[0]?.position)
      })
    },
    async communitySessions(communityId) {
      const { rows } = await pool.query<{
        board_id: string
        community_id: string
        position: number
        added_at: string
      }>('SELECT * FROM community_sessions WHERE community_id = $1 ORDER BY position', [communityId])
      return rows.map((row) => ({
        communityId: row.community_id,
        boardId: row.board_id,
        position: Number(row.position),
        addedAt: Number(row.added_at),
      }))
    },
    async communityOfBoard(boardId) {
      const { rows } = await pool.query<{ community_id: string }>(
        'SELECT community_id FROM community_sessions WHERE board_id = $1',
        [boardId],
      )
      return rows[0]?.community_id ?? null
    },
    async upsertCommunityAction(a) {
      const { rows } = await orDuplicate(
        () =>
          pool.query<{ id: string }>(
            `INSERT INTO community_actions (id, community_id, source_board_id, source_note_id, who, what, when_text, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (source_board_id, source_note_id)
             DO UPDATE SET who = excluded.who, what = excluded.what, when_text = excluded.when_text
             RETURNING id`,
            [
              a.id,
              a.communityId,
              a.sourceBoardId,
              noNul(a.sourceNoteId),
              noNul(a.who),
              noNul(a.what),
              noNul(a.when),
              a.createdAt,
            ],
          ),
        'action id taken',
      )
      return rows[0]?.id ?? a.id
    },
    async communityActions(communityId) {
      const { rows } = await pool.query<ActionRow>(
        'SELECT * FROM community_actions WHERE community_id = $1 ORDER BY created_at, seq',
        [communityId],
      )
      return rows.map(toAction)
    },
    async deleteCommunityAction(id) {
      await inTransaction('READ COMMITTED', async (client) => {
        await client.query('DELETE FROM action_statuses WHERE action_id = $1', [id])
        await client.query('DELETE FROM community_actions WHERE id = $1', [id])
      })
    },
    async addActionStatus(s) {
      await orDuplicate(
        () =>
          pool.query(
            `INSERT INTO action_statuses (id, action_id, community_id, board_id, status, note, by_name, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [s.id, s.actionId, s.communityId, s.boardId, s.status, noNul(s.note), noNul(s.byName), s.at],
          ),
        'status id taken',
      )
    },
    async actionStatuses(communityId) {
      const { rows } = await pool.query<StatusRow>(
        'SELECT * FROM action_statuses WHERE community_id = $1 ORDER BY at, seq',
        [communityId],
      )
      return rows.map(toStatus)
    },
    async replaceSearchEntries(communityId, boardId, entries, indexedAt) {
      await inTransaction('READ COMMITTED', async (client) => {
        await client.query('DELETE FROM search_entries WHERE board_id = $1', [boardId])
        if (entries.length > 0) {
          // One statement for the whole session: arrays unnested in step.
          await client.query(
            `INSERT INTO search_entries (community_id, board_id, note_id, kind, text, stems)
             SELECT $1, $2, e.note_id, e.kind, e.text, e.stems
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS e(note_id, kind, text, stems)`,
            [
              communityId,
              boardId,
              entries.map((e) => noNul(e.noteId)),
              entries.map((e) => e.kind),
              entries.map((e) => noNul(e.text)),
              entries.map((e) => noNul(e.stems)),
            ],
          )
        }
        await client.query(
          `INSERT INTO search_marks (board_id, community_id, indexed_at) VALUES ($1, $2, $3)
           ON CONFLICT (board_id) DO UPDATE SET community_id = excluded.community_id, indexed_at = excluded.indexed_at`,
          [boardId, communityId, indexedAt],
        )
      })
    },
    async searchIndexedAt(boardId) {
      const { rows } = await pool.query<{ indexed_at: string }>(
        'SELECT indexed_at FROM search_marks WHERE board_id = $1',
        [boardId],
      )
      return rows[0] ? Number(rows[0].indexed_at) : null
    },
    async searchCommunity(communityId, query, limit) {
      const max = searchLimit(limit)
      if (max === 0) return []
      // plainto_tsquery takes any text as words (no operators), so nothing typed is syntax.
      const { rows } = await pool.query<HitRow>(
        `SELECT e.board_id, e.note_id, e.kind, e.text, e.stems, ts_rank(e.search_vector, q) AS score
         FROM search_entries e, plainto_tsquery('dutch', $2) AS q
         WHERE e.community_id = $1 AND e.search_vector @@ q
         ORDER BY score DESC, e.board_id, e.note_id LIMIT $3`,
        [communityId, noNul(query.text), max],
      )
      return rows.map(toHit)
    },
  }

  return {
    store,
    async deleteBoardRows(client, boardId) {
      await client.query(
        `DELETE FROM action_statuses WHERE board_id = $1
           OR action_id IN (SELECT id FROM community_actions WHERE source_board_id = $1)`,
        [boardId],
      )
      await client.query('DELETE FROM community_actions WHERE source_board_id = $1', [boardId])
      for (const table of ['community_sessions', 'search_entries', 'search_marks'])
        await client.query(`DELETE FROM ${table} WHERE board_id = $1`, [boardId])
    },
  }
}
