import type { Language } from '../../../shared/src/model/meta'
import type { CommunityStore } from './communityTypes'

/**
 * Storage behind the server. Every adapter (memory, SQLite, later PostgreSQL) passes the same
 * contract suite in tests/integration/persistence.contract.ts.
 *
 * Documents are stored as an append-only log of Yjs updates per room plus at most one snapshot.
 * `appendUpdates` must be durable when its promise resolves: the server only broadcasts an update
 * after that.
 */
export interface StoredRoom {
  /** Merged state written by the last compaction, or null. */
  snapshot: Uint8Array | null
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[]
  /** Sequence number of the last update included (or of the snapshot; 0 when empty). */
  lastSeq: number
}

export interface DocumentStore {
  /**
   * The stored state of a room, read consistently (no compaction can interleave). With
   * `afterSeq` only what came after that sequence number: the snapshot only if it is newer, and
   * the updates after both. Instances use that to backfill gaps in the fan-out stream.
   */
  loadRoom(room: string, afterSeq?: number): Promise<StoredRoom>
  /**
   * Appends updates durably, in one transaction (group commit), numbering them 1, 2, 3 … per
   * room. Resolves with the sequence number of the last one once they are on disk.
   */
  appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * Replaces the snapshot and every update with seq ≤ uptoSeq by `snapshot`, in one transaction.
   * Updates appended after uptoSeq stay in the log.
   */
  compactRoom(room: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /** Number of updates in the log (after the snapshot). */
  logLength(room: string): Promise<number>
  deleteRoom(room: string): Promise<void>
}

export interface BoardRecord {
  id: string
  title: string
  language: Language
  templateId: string
  joinCode: string
  /** SHA-256 of the facilitator key; the key itself is only shown once, at creation. */
  facilitatorKeyHash: string
  createdAt: number
  /** Last time anyone wrote to the board; retention deletes boards idle for too long. */
  lastActivityAt: number
  /** Facilitator tokens issued before this moment are void (set when the key is rotated). */
  facilitatorTokensValidAfter: number
}

export interface BoardStore {
  /** Inserts a board; rejects with DuplicateError when id or join code is taken. */
  createBoard(board: BoardRecord): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  getBoardByJoinCode(joinCode: string): Promise<BoardRecord | null>
  /**
   * Deletes the board with everything of it: its rooms' logs and snapshots, its revocations, and
   * (in the same transaction) its community rows: session link, actions sourced from it with their
   * statuses, statuses set in it, search entries (see communityTypes.ts).
   */
  deleteBoard(id: string): Promise<void>
  touchBoard(id: string, at: number): Promise<void>
  /** Ids of boards whose last activity is before `before` (retention). */
  inactiveBoardIds(before: number): Promise<string[]>
  rotateFacilitatorKey(id: string, keyHash: string, validAfter: number): Promise<void>
  revokeParticipant(boardId: string, participantId: string, at: number): Promise<void>
  isRevoked(boardId: string, participantId: string): Promise<boolean>
  /** Lets a revoked participant back in ("weer toelaten"); nothing when they were not revoked. */
  allowParticipant(boardId: string, participantId: string): Promise<void>
  /** Ids of the board's revoked participants, oldest revocation first. */
  revokedParticipants(boardId: string): Promise<string[]>
  /** Replaces the join code (rotation, closing); rejects with DuplicateError when it is taken. */
  setJoinCode(id: string, joinCode: string): Promise<void>
}

/** Small key-value store for installation settings (e.g. the token secret). */
export interface SettingsStore {
  getSetting(key: string): Promise<string | null>
  /** Stores `value` unless the key exists; returns the value that is stored afterwards. */
  setSettingIfAbsent(key: string, value: string): Promise<string>
}

/** A facilitator's own template, saved on this installation. */
export interface TemplateRecord {
  id: string
  /** The template as validated JSON text (see shared/src/templates/schema.ts). */
  json: string
  /** SHA-256 of the key that allows editing and deleting it (returned once, when saved). */
  editKeyHash: string
  createdAt: number
  updatedAt: number
}

export interface TemplateStore {
  saveTemplate(template: TemplateRecord): Promise<void>
  getTemplate(id: string): Promise<TemplateRecord | null>
  /** All saved templates, newest first. */
  listTemplates(): Promise<TemplateRecord[]>
  /** Replaces the JSON; false when there is no such template. */
  updateTemplate(id: string, json: string, updatedAt: number): Promise<boolean>
  deleteTemplate(id: string): Promise<void>
}

export interface Persistence extends DocumentStore, BoardStore, SettingsStore, TemplateStore, CommunityStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres'
  close(): Promise<void>
}

export class DuplicateError extends Error {
  override name = 'DuplicateError'
}
