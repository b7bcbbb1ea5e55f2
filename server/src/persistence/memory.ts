import { createMemoryCommunities } from './memoryCommunity'
import {
  type BoardRecord,
  DuplicateError,
  type Persistence,
  type StoredRoom,
  type TemplateRecord,
} from './types'

interface MemoryRoom {
  snapshot: Uint8Array | null
  snapshotSeq: number
  log: { seq: number; update: Uint8Array }[]
  lastSeq: number
}

/**
 * Keeps everything in process memory. For tests and throwaway demos: nothing survives a restart.
 * Copies bytes on the way in and out so callers can never mutate stored state by accident.
 */
export function createMemoryPersistence(): Persistence {
  const rooms = new Map<string, MemoryRoom>()
  const boards = new Map<string, BoardRecord>()
  const settings = new Map<string, string>()
  const templates = new Map<string, TemplateRecord>()
  /** `<boardId> <participantId>` → when revoked. */
  const revoked = new Map<string, number>()
  const communities = createMemoryCommunities()
  const ofBoard = (room: string, boardId: string) => room === boardId || room.startsWith(`${boardId}/`)

  const roomFor = (room: string): MemoryRoom => {
    let entry = rooms.get(room)
    if (!entry) {
      entry = { snapshot: null, snapshotSeq: 0, log: [], lastSeq: 0 }
      rooms.set(room, entry)
    }
    return entry
  }

  return {
    kind: 'memory',
    ...communities.store,

    async loadRoom(room, afterSeq = 0): Promise<StoredRoom> {
      const entry = rooms.get(room)
      if (!entry) return { snapshot: null, updates: [], lastSeq: 0 }
      const withSnapshot = entry.snapshot !== null && entry.snapshotSeq > afterSeq
      const from = withSnapshot ? entry.snapshotSeq : afterSeq
      const rows = entry.log.filter((row) => row.seq > from)
      return {
        snapshot: withSnapshot && entry.snapshot ? entry.snapshot.slice() : null,
        updates: rows.map((row) => row.update.slice()),
        lastSeq: Math.max(from, rows.at(-1)?.seq ?? 0),
      }
    },

    async appendUpdates(room, updates) {
      const entry = roomFor(room)
      for (const update of updates) {
        entry.lastSeq += 1
        entry.log.push({ seq: entry.lastSeq, update: update.slice() })
      }
      return entry.lastSeq
    },

    async compactRoom(room, snapshot, uptoSeq) {
      const entry = roomFor(room)
      if (uptoSeq <= entry.snapshotSeq) return
      entry.snapshot = snapshot.slice()
      entry.snapshotSeq = uptoSeq
      entry.log = entry.log.filter((row) => row.seq > uptoSeq)
    },

    async logLength(room) {
      return rooms.get(room)?.log.length ?? 0
    },

    async deleteRoom(room) {
      rooms.delete(room)
    },

    async createBoard(board) {
      if (boards.has(board.id)) throw new DuplicateError('board id taken')
      for (const existing of boards.values()) {
        if (existing.joinCode === board.joinCode) throw new DuplicateError('join code taken')
      }
      boards.set(board.id, { ...board })
    },

    async getBoard(id) {
      const board = boards.get(id)
      return board ? { ...board } : null
    },

    async getBoardByJoinCode(joinCode) {
      for (const board of boards.values()) if (board.joinCode === joinCode) return { ...board }
      return null
    },

    async deleteBoard(id) {
      boards.delete(id)
      for (const room of [...rooms.keys()]) if (ofBoard(room, id)) rooms.delete(room)
      for (const key of [...revoked.keys()]) if (key.startsWith(`${id} `)) revoked.delete(key)
      communities.forgetBoard(id)
    },

    async touchBoard(id, at) {
      const board = boards.get(id)
      if (board && at > board.lastActivityAt) board.lastActivityAt = at
    },

    async inactiveBoardIds(before) {
      return [...boards.values()].filter((b) => b.lastActivityAt < before).map((b) => b.id)
    },

    async rotateFacilitatorKey(id, keyHash, validAfter) {
      const board = boards.get(id)
      if (board)
        Object.assign(board, { facilitatorKeyHash: keyHash, facilitatorTokensValidAfter: validAfter })
    },

    async revokeParticipant(boardId, participantId, at) {
      const key = `${boardId} ${participantId}`
      if (!revoked.has(key)) revoked.set(key, at)
    },

    async isRevoked(boardId, participantId) {
      return revoked.has(`${boardId} ${participantId}`)
    },
    async allowParticipant(boardId, participantId) {
      revoked.delete(`${boardId} ${participantId}`)
    },
    async revokedParticipants(boardId) {
      const prefix = `${boardId} `
      return [...revoked]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a, atA], [b, atB]) => atA - atB || (a < b ? -1 : 1))
        .map(([key]) => key.slice(prefix.length))
    },
    async setJoinCode(id, joinCode) {
      for (const existing of boards.values()) {
        if (existing.id !== id && existing.joinCode === joinCode) throw new DuplicateError('join code taken')
      }
      const board = boards.get(id)
      if (board) board.joinCode = joinCode
    },

    async getSetting(key) {
      return settings.get(key) ?? null
    },

    async setSettingIfAbsent(key, value) {
      if (!settings.has(key)) settings.set(key, value)
      return settings.get(key) as string
    },

    async saveTemplate(template) {
      if (templates.has(template.id)) throw new DuplicateError('template id taken')
      templates.set(template.id, { ...template })
    },

    async getTemplate(id) {
      const template = templates.get(id)
      return template ? { ...template } : null
    },

    async listTemplates() {
      return [...templates.values()].map((t) => ({ ...t })).sort((a, b) => b.createdAt - a.createdAt)
    },

    async updateTemplate(id, json, updatedAt) {
      const template = templates.get(id)
      if (!template) return false
      templates.set(id, { ...template, json, updatedAt })
      return true
    },

    async deleteTemplate(id) {
      templates.delete(id)
    },

    async close() {},
  }
}
