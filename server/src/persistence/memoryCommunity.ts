import type {
  ActionStatusRecord,
  CommunityActionRecord,
  CommunityRecord,
  CommunitySessionRecord,
  CommunityStore,
  SearchEntry,
  SearchHit,
} from './communityTypes'
import { foldForSearch, searchableStems, searchLimit } from './searchStems'
import { DuplicateError } from './types'

/**
 * Communities in process memory (tests and demos), with the same behaviour as the SQLite and
 * PostgreSQL adapters: every read returns copies, so a caller can never change stored state.
 */
export interface MemoryCommunities {
  store: CommunityStore
  /** Removes everything of a deleted board (called by the adapter's deleteBoard). */
  forgetBoard(boardId: string): void
}

interface StoredEntry extends SearchEntry {
  communityId: string
}

/**
 * Stems matching like the SQLite FTS5 query: every stem must be one of the entry's stems, the
 * last may be the start of one (someone still typing). Scored by how much of the entry matched.
 */
export function scoreStems(entryStems: string, queryStems: readonly string[]): number | null {
  const tokens = foldForSearch(entryStems).split(/\s+/).filter(Boolean)
  const stems = searchableStems(queryStems).map(foldForSearch)
  if (stems.length === 0 || tokens.length === 0) return null
  let matches = 0
  for (const [i, stem] of stems.entries()) {
    const last = i === stems.length - 1
    const hits = tokens.filter((token) => (last ? token.startsWith(stem) : token === stem)).length
    if (hits === 0) return null
    matches += hits
  }
  return matches / Math.sqrt(tokens.length)
}

export function createMemoryCommunities(): MemoryCommunities {
  const communities = new Map<string, CommunityRecord>()
  /** Links in the order they were made; positions are per community. */
  let sessions: CommunitySessionRecord[] = []
  /** In insertion order, which breaks ties of createdAt / at (oldest first). */
  let actions: CommunityActionRecord[] = []
  let statuses: ActionStatusRecord[] = []
  let entries: StoredEntry[] = []
  /** boardId → { communityId, indexedAt }. */
  const indexed = new Map<string, { communityId: string; at: number }>()

  const byTime = <T>(items: T[], time: (item: T) => number): T[] =>
    items
      .map((item, order) => ({ item, order }))
      .sort((a, b) => time(a.item) - time(b.item) || a.order - b.order)
      .map(({ item }) => item)

  const dropActions = (doomed: (action: CommunityActionRecord) => boolean) => {
    const ids = new Set(actions.filter(doomed).map((action) => action.id))
    actions = actions.filter((action) => !ids.has(action.id))
    statuses = statuses.filter((status) => !ids.has(status.actionId))
  }

  const store: CommunityStore = {
    async createCommunity(community) {
      if (communities.has(community.id)) throw new DuplicateError('community id taken')
      communities.set(community.id, { ...community })
    },
    async getCommunity(id) {
      const community = communities.get(id)
      return community ? { ...community } : null
    },
    async updateCommunity(id, fields) {
      const community = communities.get(id)
      if (!community) return
      const { name, description, membersMaySearch, facilitatorKeyHash } = fields
      const defined = Object.entries({ name, description, membersMaySearch, facilitatorKeyHash }).filter(
        ([, value]) => value !== undefined,
      )
      Object.assign(community, Object.fromEntries(defined))
    },
    async deleteCommunity(id) {
      communities.delete(id)
      sessions = sessions.filter((session) => session.communityId !== id)
      dropActions((action) => action.communityId === id)
      statuses = statuses.filter((status) => status.communityId !== id)
      entries = entries.filter((entry) => entry.communityId !== id)
      for (const [boardId, mark] of indexed) if (mark.communityId === id) indexed.delete(boardId)
    },
    async addCommunitySession(communityId, boardId, at) {
      if (!communities.has(communityId)) throw new Error('community not found')
      if (sessions.some((session) => session.boardId === boardId))
        throw new DuplicateError('board is already a session of a community')
      const positions = sessions.filter((s) => s.communityId === communityId).map((s) => s.position)
      const position = Math.max(0, ...positions) + 1
      sessions.push({ communityId, boardId, position, addedAt: at })
      return position
    },
    async communitySessions(communityId) {
      return sessions
        .filter((session) => session.communityId === communityId)
        .sort((a, b) => a.position - b.position)
        .map((session) => ({ ...session }))
    },
    async communityOfBoard(boardId) {
      return sessions.find((session) => session.boardId === boardId)?.communityId ?? null
    },
    async upsertCommunityAction(action) {
      const existing = actions.find(
        (a) => a.sourceBoardId === action.sourceBoardId && a.sourceNoteId === action.sourceNoteId,
      )
      if (existing) {
        Object.assign(existing, { who: action.who, what: action.what, when: action.when })
        return existing.id
      }
      if (actions.some((a) => a.id === action.id)) throw new DuplicateError('action id taken')
      actions.push({ ...action })
      return action.id
    },
    async communityActions(communityId) {
      const own = actions.filter((action) => action.communityId === communityId)
      return byTime(own, (action) => action.createdAt).map((action) => ({ ...action }))
    },
    async deleteCommunityAction(id) {
      dropActions((action) => action.id === id)
    },
    async addActionStatus(status) {
      if (statuses.some((s) => s.id === status.id)) throw new DuplicateError('status id taken')
      statuses.push({ ...status })
    },
    async actionStatuses(communityId) {
      const own = statuses.filter((status) => status.communityId === communityId)
      return byTime(own, (status) => status.at).map((status) => ({ ...status }))
    },
    async replaceSearchEntries(communityId, boardId, replacement, indexedAt) {
      entries = entries.filter((entry) => entry.boardId !== boardId)
      for (const entry of replacement) entries.push({ ...entry, boardId, communityId })
      indexed.set(boardId, { communityId, at: indexedAt })
    },
    async searchIndexedAt(boardId) {
      return indexed.get(boardId)?.at ?? null
    },
    async searchCommunity(communityId, query, limit) {
      const hits: SearchHit[] = []
      for (const { communityId: owner, ...entry } of entries) {
        if (owner !== communityId) continue
        const score = scoreStems(entry.stems, query.stems)
        if (score !== null) hits.push({ ...entry, score })
      }
      return hits
        .sort(
          (a, b) =>
            b.score - a.score || a.boardId.localeCompare(b.boardId) || a.noteId.localeCompare(b.noteId),
        )
        .slice(0, searchLimit(limit))
    },
  }

  return {
    store,
    forgetBoard(boardId) {
      sessions = sessions.filter((session) => session.boardId !== boardId)
      dropActions((action) => action.sourceBoardId === boardId)
      statuses = statuses.filter((status) => status.boardId !== boardId)
      entries = entries.filter((entry) => entry.boardId !== boardId)
      indexed.delete(boardId)
    },
  }
}
