import type pg from 'pg'
import { COMMUNITY_MIGRATION } from './postgresCommunity'

/**
 * Versioned migrations for PostgreSQL. Each runs once, in order, in its own transaction; a lock
 * keeps two instances that start together from running them twice.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE room_heads (
     room TEXT PRIMARY KEY,
     last_seq BIGINT NOT NULL
   );
   CREATE TABLE room_updates (
     room TEXT NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (room, seq)
   );
   CREATE TABLE room_snapshots (
     room TEXT PRIMARY KEY,
     data BYTEA NOT NULL,
     seq BIGINT NOT NULL
   );
   CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     language TEXT NOT NULL,
     template_id TEXT NOT NULL,
     join_code TEXT NOT NULL UNIQUE,
     facilitator_key_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `CREATE TABLE templates (
     id TEXT PRIMARY KEY,
     json TEXT NOT NULL,
     edit_key_hash TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );`,
  `ALTER TABLE boards ADD COLUMN last_activity_at BIGINT NOT NULL DEFAULT 0;
   ALTER TABLE boards ADD COLUMN facilitator_tokens_valid_after BIGINT NOT NULL DEFAULT 0;
   UPDATE boards SET last_activity_at = created_at;
   CREATE INDEX boards_last_activity ON boards (last_activity_at);
   CREATE TABLE revocations (
     board_id TEXT NOT NULL,
     participant_id TEXT NOT NULL,
     revoked_at BIGINT NOT NULL,
     PRIMARY KEY (board_id, participant_id)
   );`,
  COMMUNITY_MIGRATION,
]

/** Arbitrary constant identifying Oogst's migration lock among other apps' advisory locks. */
const MIGRATION_LOCK = 741_100_001

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query(
      'CREATE TABLE IF NOT EXISTS oogst_migrations (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    )
    const { rows } = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM oogst_migrations',
    )
    for (let version = rows[0]?.version ?? 0; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN')
      try {
        await client.query(MIGRATIONS[version] as string)
        await client.query('INSERT INTO oogst_migrations (version) VALUES ($1)', [version + 1])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}
