import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { COMMUNITY_MIGRATION, createSqliteCommunities } from './sqliteCommunity'
import {
  type BoardRecord,
  DuplicateError,
  type Persistence,
  type StoredRoom,
  type TemplateRecord,
} from './types'

/**
 * SQLite in WAL mode with synchronous=FULL: a committed append survives power loss, which is
 * what "durable before broadcast" promises. better-sqlite3 is synchronous, so each append is one
 * fsync'd transaction by the time the promise resolves.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE room_updates (
     room TEXT NOT NULL,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (room, seq)
   ) WITHOUT ROWID;
   CREATE TABLE room_snapshots (
     room TEXT PRIMARY KEY,
     data BLOB NOT NULL,
     seq INTEGER NOT NULL
   );
   CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     language TEXT NOT NULL,
     template_id TEXT NOT NULL,
     join_code TEXT NOT NULL UNIQUE,
     facilitator_key_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `CREATE TABLE templates (
     id TEXT PRIMARY KEY,
     json TEXT NOT NULL,
     edit_key_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  `ALTER TABLE boards ADD COLUMN last_activity_at INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE boards ADD COLUMN facilitator_tokens_valid_after INTEGER NOT NULL DEFAULT 0;
   UPDATE boards SET last_activity_at = created_at;
   CREATE INDEX boards_last_activity ON boards (last_activity_at);
   CREATE TABLE revocations (
     board_id TEXT NOT NULL,
     participant_id TEXT NOT NULL,
     revoked_at INTEGER NOT NULL,
     PRIMARY KEY (board_id, participant_id)
   ) WITHOUT ROWID;`,
  COMMUNITY_MIGRATION,
]

interface BoardRow {
  id: string
  title: string
  language: string
  template_id: string
  join_code: string
  facilitator_key_hash: string
  created_at: number
  last_activity_at: number
  facilitator_tokens_valid_after: number
}

interface TemplateRow {
  id: string
  json: string
  edit_key_hash: string
  created_at: number
  updated_at: number
}

export function toTemplate(row: TemplateRow | undefined): TemplateRecord | null {
  if (!row) return null
  return {
    id: row.id,
    json: row.json,
    editKeyHash: row.edit_key_hash,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }
}

export function toBoard(row: BoardRow | undefined): BoardRecord | null {
  if (!row) return null
  return {
    id: row.id,
    title: row.title,
    language: row.language === 'en' ? 'en' : 'nl',
    templateId: row.template_id,
    joinCode: row.join_code,
    facilitatorKeyHash: row.facilitator_key_hash,
    createdAt: Number(row.created_at),
    lastActivityAt: Number(row.last_activity_at),
    facilitatorTokensValidAfter: Number(row.facilitator_tokens_valid_after),
  }
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}

export function createSqlitePersistence(dataDir: string): Persistence {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'oogst.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  // Deleted rows are overwritten with zeros, not only unlinked: a deleted board's notes, names,
  // drafts, title and join code must not stay readable in the file (docs/privacy.md).
  db.pragma('secure_delete = ON')
  migrate(db)

  const q = {
    snapshot: db.prepare<[string], { data: Buffer; seq: number }>(
      'SELECT data, seq FROM room_snapshots WHERE room = ?',
    ),
    updatesAfter: db.prepare<[string, number], { data: Buffer; seq: number }>(
      'SELECT data, seq FROM room_updates WHERE room = ? AND seq > ? ORDER BY seq',
    ),
    maxSeq: db.prepare<[string], { seq: number | null }>(
      'SELECT MAX(seq) AS seq FROM room_updates WHERE room = ?',
    ),
    insertUpdate: db.prepare('INSERT INTO room_updates (room, seq, data) VALUES (?, ?, ?)'),
    upsertSnapshot: db.prepare(
      'INSERT INTO room_snapshots (room, data, seq) VALUES (?, ?, ?) ON CONFLICT(room) DO UPDATE SET data = excluded.data, seq = excluded.seq',
    ),
    deleteUpdatesUpTo: db.prepare('DELETE FROM room_updates WHERE room = ? AND seq <= ?'),
    countUpdates: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM room_updates WHERE room = ?',
    ),
    deleteRoomUpdates: db.prepare('DELETE FROM room_updates WHERE room = ?'),
    deleteRoomSnapshot: db.prepare('DELETE FROM room_snapshots WHERE room = ?'),
    insertBoard: db.prepare(
      'INSERT INTO boards (id, title, language, template_id, join_code, facilitator_key_hash, created_at, last_activity_at, facilitator_tokens_valid_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    touchBoard: db.prepare('UPDATE boards SET last_activity_at = MAX(last_activity_at, ?) WHERE id = ?'),
    inactiveBoards: db.prepare<[number], { id: string }>('SELECT id FROM boards WHERE last_activity_at < ?'),
    rotateKey: db.prepare(
      'UPDATE boards SET facilitator_key_hash = ?, facilitator_tokens_valid_after = ? WHERE id = ?',
    ),
    revoke: db.prepare(
      'INSERT OR IGNORE INTO revocations (board_id, participant_id, revoked_at) VALUES (?, ?, ?)',
    ),
    isRevoked: db.prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM revocations WHERE board_id = ? AND participant_id = ?',
    ),
    deleteRevocations: db.prepare('DELETE FROM revocations WHERE board_id = ?'),
    allowParticipant: db.prepare('DELETE FROM revocations WHERE board_id = ? AND participant_id = ?'),
    revokedOf: db.prepare<[string], { participant_id: string }>(
      'SELECT participant_id FROM revocations WHERE board_id = ? ORDER BY revoked_at, participant_id',
    ),
    setJoinCode: db.prepare('UPDATE boards SET join_code = ? WHERE id = ?'),
    // Rooms of a board are `<id>` and `<id>/…`; substr avoids LIKE, whose _ would be a wildcard.
    deleteBoardUpdates: db.prepare(
      "DELETE FROM room_updates WHERE room = @id OR substr(room, 1, length(@id) + 1) = @id || '/'",
    ),
    deleteBoardSnapshots: db.prepare(
      "DELETE FROM room_snapshots WHERE room = @id OR substr(room, 1, length(@id) + 1) = @id || '/'",
    ),
    boardById: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?'),
    boardByCode: db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE join_code = ?'),
    deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    insertSettingIfAbsent: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
    insertTemplate: db.prepare(
      'INSERT INTO templates (id, json, edit_key_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    templateById: db.prepare<[string], TemplateRow>('SELECT * FROM templates WHERE id = ?'),
    allTemplates: db.prepare<[], TemplateRow>('SELECT * FROM templates ORDER BY created_at DESC'),
    updateTemplate: db.prepare('UPDATE templates SET json = ?, updated_at = ? WHERE id = ?'),
    deleteTemplate: db.prepare('DELETE FROM templates WHERE id = ?'),
  }

  // The snapshot's seq is kept so that sequence numbers keep increasing after the log is emptied.
  const lastSeqOf = (room: string): number =>
    Math.max(q.maxSeq.get(room)?.seq ?? 0, q.snapshot.get(room)?.seq ?? 0)

  /**
   * With secure_delete the zeroed pages go to the write-ahead log first, while older frames of the
   * log still hold the deleted text: copy everything into the database file and empty the log.
   * When a reader keeps part of the log (another process reading the file), SQLite copies what it
   * can; the rest is overwritten by later commits.
   */
  const flushDeletions = () => db.pragma('wal_checkpoint(TRUNCATE)')
  const communities = createSqliteCommunities(db, flushDeletions)

  const append = db.transaction((room: string, updates: readonly Uint8Array[]): number => {
    let seq = lastSeqOf(room)
    for (const update of updates) q.insertUpdate.run(room, ++seq, update)
    return seq
  })

  const compact = db.transaction((room: string, snapshot: Uint8Array, uptoSeq: number) => {
    // A snapshot never replaces a newer one (another writer may have compacted further).
    if (uptoSeq <= (q.snapshot.get(room)?.seq ?? 0)) return
    q.upsertSnapshot.run(room, snapshot, uptoSeq)
    q.deleteUpdatesUpTo.run(room, uptoSeq)
  })

  const load = db.transaction((room: string, afterSeq: number): StoredRoom => {
    const stored = q.snapshot.get(room)
    const snap = stored && stored.seq > afterSeq ? stored : undefined
    const fromSeq = snap?.seq ?? afterSeq
    const rows = q.updatesAfter.all(room, fromSeq)
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: Math.max(fromSeq, rows.at(-1)?.seq ?? 0),
    }
  })

  return {
    kind: 'sqlite',
    ...communities.store,
    async loadRoom(room, afterSeq = 0) {
      return load(room, afterSeq)
    },
    async appendUpdates(room, updates) {
      return append(room, updates)
    },
    async compactRoom(room, snapshot, uptoSeq) {
      compact(room, snapshot, uptoSeq)
    },
    async logLength(room) {
      return q.countUpdates.get(room)?.n ?? 0
    },
    async deleteRoom(room) {
      db.transaction(() => {
        q.deleteRoomUpdates.run(room)
        q.deleteRoomSnapshot.run(room)
      })()
    },
    async createBoard(board) {
      try {
        q.insertBoard.run(
          board.id,
          board.title,
          board.language,
          board.templateId,
          board.joinCode,
          board.facilitatorKeyHash,
          board.createdAt,
          board.lastActivityAt,
          board.facilitatorTokensValidAfter,
        )
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
          throw new DuplicateError('taken')
        throw error
      }
    },
    async getBoard(id) {
      return toBoard(q.boardById.get(id))
    },
    async getBoardByJoinCode(joinCode) {
      return toBoard(q.boardByCode.get(joinCode))
    },
    async deleteBoard(id) {
      const hadSearchEntries = db.transaction(() => {
        q.deleteBoard.run(id)
        q.deleteRevocations.run(id)
        q.deleteBoardUpdates.run({ id })
        q.deleteBoardSnapshots.run({ id })
        return communities.deleteBoardRows(id)
      })()
      if (hadSearchEntries) communities.purgeDeletedWords()
      else flushDeletions()
    },
    async touchBoard(id, at) {
      q.touchBoard.run(at, id)
    },
    async inactiveBoardIds(before) {
      return q.inactiveBoards.all(before).map((row) => row.id)
    },
    async rotateFacilitatorKey(id, keyHash, validAfter) {
      q.rotateKey.run(keyHash, validAfter, id)
    },
    async revokeParticipant(boardId, participantId, at) {
      q.revoke.run(boardId, participantId, at)
    },
    async isRevoked(boardId, participantId) {
      return (q.isRevoked.get(boardId, participantId)?.n ?? 0) > 0
    },
    async allowParticipant(boardId, participantId) {
      q.allowParticipant.run(boardId, participantId)
    },
    async revokedParticipants(boardId) {
      return q.revokedOf.all(boardId).map((row) => row.participant_id)
    },
    async setJoinCode(id, joinCode) {
      try {
        q.setJoinCode.run(joinCode, id)
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
          throw new DuplicateError('join code taken')
        throw error
      }
    },
    async getSetting(key) {
      return q.getSetting.get(key)?.value ?? null
    },
    async setSettingIfAbsent(key, value) {
      q.insertSettingIfAbsent.run(key, value)
      return q.getSetting.get(key)?.value as string
    },
    async saveTemplate(t) {
      try {
        q.insertTemplate.run(t.id, t.json, t.editKeyHash, t.createdAt, t.updatedAt)
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
          throw new DuplicateError('taken')
        throw error
      }
    },
    async getTemplate(id) {
      return toTemplate(q.templateById.get(id))
    },
    async listTemplates() {
      return q.allTemplates.all().map((row) => toTemplate(row) as TemplateRecord)
    },
    async updateTemplate(id, json, updatedAt) {
      return q.updateTemplate.run(json, updatedAt, id).changes > 0
    },
    async deleteTemplate(id) {
      q.deleteTemplate.run(id)
    },
    async close() {
      db.close()
    },
  }
}
