import pg from 'pg'
import { COMMUNITY_TABLES, createPostgresCommunities } from './postgresCommunity'
import { migratePostgres } from './postgresSchema'
import { toBoard, toTemplate } from './sqlite'
import { DuplicateError, type Persistence, type StoredRoom, type TemplateRecord } from './types'

/** Namespace for per-room advisory locks (compaction), paired with hashtext(room). */
const COMPACTION_LOCK_NAMESPACE = 7411

export interface PostgresOptions {
  connectionString: string
  /** Schema to use instead of the search_path default (tests use one schema each). */
  schema?: string
  maxConnections?: number
}

const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)

/**
 * PostgreSQL storage for running several instances. Appends take the room's row in room_heads
 * (an upsert, so it is locked until commit): sequence numbers are allocated and committed in
 * order, so a reader never sees seq n+1 without n.
 */
export async function createPostgresPersistence(options: PostgresOptions): Promise<Persistence> {
  if (options.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema))
    throw new Error('invalid schema name')
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  pool.on('error', () => {}) // idle client errors surface on the next query instead
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)
  await migratePostgres(pool)

  const inTransaction = async <T>(
    isolation: string,
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> => {
    const client = await pool.connect()
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`)
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /**
   * After a board is deleted: VACUUM frees its dead rows, so new rows overwrite them sooner, and
   * index entries go. It does not zero them on disk (VACUUM FULL would, but locks the tables for
   * every board): docs/privacy.md says what is and is not guaranteed. In the background, one at a
   * time (the retention sweep deletes many boards in a row); a failure only delays the cleanup.
   */
  let vacuum: { running: boolean; again: boolean } = { running: false, again: false }
  const vacuumSoon = (): void => {
    if (vacuum.running) {
      vacuum.again = true
      return
    }
    vacuum = { running: true, again: false }
    pool
      .query(`VACUUM room_updates, room_snapshots, room_heads, boards, revocations, ${COMMUNITY_TABLES}`)
      .catch(() => {})
      .finally(() => {
        const again = vacuum.again
        vacuum = { running: false, again: false }
        if (again) vacuumSoon()
      })
  }

  const communities = createPostgresCommunities(pool, inTransaction, vacuumSoon)

  const store: Persistence = {
    kind: 'postgres',
    ...communities.store,

    loadRoom(room, afterSeq = 0): Promise<StoredRoom> {
      // One consistent snapshot, so a concurrent compaction cannot hide updates from us.
      return inTransaction('REPEATABLE READ', async (client) => {
        const snap = await client.query<{ data: Buffer; seq: string }>(
          'SELECT data, seq FROM room_snapshots WHERE room = $1 AND seq > $2',
          [room, afterSeq],
        )
        const snapshot = snap.rows[0]
        const fromSeq = snapshot ? Number(snapshot.seq) : afterSeq
        const rows = await client.query<{ data: Buffer; seq: string }>(
          'SELECT data, seq FROM room_updates WHERE room = $1 AND seq > $2 ORDER BY seq',
          [room, fromSeq],
        )
        const last = rows.rows.at(-1)
        return {
          snapshot: snapshot ? bytes(snapshot.data) : null,
          updates: rows.rows.map((row) => bytes(row.data)),
          lastSeq: Math.max(fromSeq, last ? Number(last.seq) : 0),
        }
      })
    },

    async appendUpdates(room, updates) {
      if (updates.length === 0) {
        const head = await pool.query<{ last_seq: string }>(
          'SELECT last_seq FROM room_heads WHERE room = $1',
          [room],
        )
        return Number(head.rows[0]?.last_seq ?? 0)
      }
      const { rows } = await pool.query<{ last_seq: string }>(
        `WITH head AS (
           INSERT INTO room_heads (room, last_seq) VALUES ($1, $2)
           ON CONFLICT (room) DO UPDATE SET last_seq = room_heads.last_seq + $2
           RETURNING last_seq
         ), inserted AS (
           INSERT INTO room_updates (room, seq, data)
           SELECT $1, head.last_seq - $2 + u.ord, u.data
           FROM head, unnest($3::bytea[]) WITH ORDINALITY AS u(data, ord)
         )
         SELECT last_seq FROM head`,
        [
          room,
          updates.length,
          updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength)),
        ],
      )
      return Number(rows[0]?.last_seq)
    },

    async compactRoom(room, snapshot, uptoSeq) {
      await inTransaction('READ COMMITTED', async (client) => {
        const lock = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
          [COMPACTION_LOCK_NAMESPACE, room],
        )
        // Another instance is compacting this room right now; its snapshot will do.
        if (!lock.rows[0]?.locked) return
        const upsert = await client.query(
          `INSERT INTO room_snapshots (room, data, seq) VALUES ($1, $2, $3)
           ON CONFLICT (room) DO UPDATE SET data = excluded.data, seq = excluded.seq
           WHERE room_snapshots.seq < excluded.seq`,
          [room, Buffer.from(snapshot), uptoSeq],
        )
        if (upsert.rowCount === 0) return
        await client.query('DELETE FROM room_updates WHERE room = $1 AND seq <= $2', [room, uptoSeq])
      })
    },

    async logLength(room) {
      const { rows } = await pool.query<{ n: string }>(
        'SELECT COUNT(*) AS n FROM room_updates WHERE room = $1',
        [room],
      )
      return Number(rows[0]?.n ?? 0)
    },

    async deleteRoom(room) {
      await inTransaction('READ COMMITTED', async (client) => {
        await client.query('DELETE FROM room_updates WHERE room = $1', [room])
        await client.query('DELETE FROM room_snapshots WHERE room = $1', [room])
        await client.query('DELETE FROM room_heads WHERE room = $1', [room])
      })
    },

    async createBoard(board) {
      try {
        await pool.query(
          `INSERT INTO boards (id, title, language, template_id, join_code, facilitator_key_hash, created_at,
             last_activity_at, facilitator_tokens_valid_after)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            board.id,
            board.title,
            board.language,
            board.templateId,
            board.joinCode,
            board.facilitatorKeyHash,
            board.createdAt,
            board.lastActivityAt,
            board.facilitatorTokensValidAfter,
          ],
        )
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new DuplicateError('taken')
        throw error
      }
    },

    async getBoard(id) {
      const { rows } = await pool.query('SELECT * FROM boards WHERE id = $1', [id])
      return toBoard(rows[0])
    },

    async getBoardByJoinCode(joinCode) {
      const { rows } = await pool.query('SELECT * FROM boards WHERE join_code = $1', [joinCode])
      return toBoard(rows[0])
    },

    async deleteBoard(id) {
      await inTransaction('READ COMMITTED', async (client) => {
        await client.query('DELETE FROM boards WHERE id = $1', [id])
        await client.query('DELETE FROM revocations WHERE board_id = $1', [id])
        // Rooms of a board are `<id>` and `<id>/…`; left() avoids LIKE, whose _ is a wildcard.
        for (const table of ['room_updates', 'room_snapshots', 'room_heads']) {
          await client.query(
            `DELETE FROM ${table} WHERE room = $1 OR left(room, length($1) + 1) = $1 || '/'`,
            [id],
          )
        }
        await communities.deleteBoardRows(client, id)
      })
      vacuumSoon()
    },

    async touchBoard(id, at) {
      await pool.query('UPDATE boards SET last_activity_at = GREATEST(last_activity_at, $1) WHERE id = $2', [
        at,
        id,
      ])
    },

    async inactiveBoardIds(before) {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM boards WHERE last_activity_at < $1', [
        before,
      ])
      return rows.map((row) => row.id)
    },

    async rotateFacilitatorKey(id, keyHash, validAfter) {
      await pool.query(
        'UPDATE boards SET facilitator_key_hash = $1, facilitator_tokens_valid_after = $2 WHERE id = $3',
        [keyHash, validAfter, id],
      )
    },

    async revokeParticipant(boardId, participantId, at) {
      await pool.query(
        'INSERT INTO revocations (board_id, participant_id, revoked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [boardId, participantId, at],
      )
    },

    async isRevoked(boardId, participantId) {
      const { rows } = await pool.query(
        'SELECT 1 FROM revocations WHERE board_id = $1 AND participant_id = $2',
        [boardId, participantId],
      )
      return rows.length > 0
    },

    async allowParticipant(boardId, participantId) {
      await pool.query('DELETE FROM revocations WHERE board_id = $1 AND participant_id = $2', [
        boardId,
        participantId,
      ])
    },

    async revokedParticipants(boardId) {
      const { rows } = await pool.query<{ participant_id: string }>(
        'SELECT participant_id FROM revocations WHERE board_id = $1 ORDER BY revoked_at, participant_id',
        [boardId],
      )
      return rows.map((row) => row.participant_id)
    },

    async setJoinCode(id, joinCode) {
      try {
        await pool.query('UPDATE boards SET join_code = $1 WHERE id = $2', [joinCode, id])
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new DuplicateError('join code taken')
        throw error
      }
    },

    async getSetting(key) {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key])
      return rows[0]?.value ?? null
    },

    async setSettingIfAbsent(key, value) {
      await pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        value,
      ])
      return (await store.getSetting(key)) as string
    },

    async saveTemplate(t) {
      try {
        await pool.query(
          'INSERT INTO templates (id, json, edit_key_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)',
          [t.id, t.json, t.editKeyHash, t.createdAt, t.updatedAt],
        )
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new DuplicateError('taken')
        throw error
      }
    },

    async getTemplate(id) {
      const { rows } = await pool.query('SELECT * FROM templates WHERE id = $1', [id])
      return toTemplate(rows[0])
    },

    async listTemplates() {
      const { rows } = await pool.query('SELECT * FROM templates ORDER BY created_at DESC')
      return rows.map((row) => toTemplate(row) as TemplateRecord)
    },

    async updateTemplate(id, json, updatedAt) {
      const result = await pool.query('UPDATE templates SET json = $1, updated_at = $2 WHERE id = $3', [
        json,
        updatedAt,
        id,
      ])
      return (result.rowCount ?? 0) > 0
    },

    async deleteTemplate(id) {
      await pool.query('DELETE FROM templates WHERE id = $1', [id])
    },

    async close() {
      await pool.end()
    },
  }
  return store
}
