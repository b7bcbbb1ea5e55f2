import type { CommunityPage, CommunitySessionSummary } from '../../../shared/src/api/communityAnswers'
import type { SessionSummary } from '../../../shared/src/community/sessionSummary'
import { newBoardId } from '../../../shared/src/ids'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import { hashFacilitatorKey, newFacilitatorKey } from '../auth/facilitatorKey'
import type { BoardService } from '../boards/boardService'
import { KeyedSerialQueue } from '../lib/serialQueue'
import type { CommunityRecord } from '../persistence/communityTypes'
import type { BoardRecord, Persistence } from '../persistence/types'
import type { StoredSession } from '../work/communityTasks'
import { actionViews, type SessionRef, syncActions } from './communityActions'

/**
 * Communities of practice (issue 19, docs/community.md): a name, a key, a series of sessions
 * (boards). Creating sessions, actions and search live next to this (communitySessions.ts,
 * communityActions.ts, communitySearch.ts); this class holds what they share.
 */

/** A refusal the routes answer with `status` and `code` (the service does not know HTTP). */
export class CommunityError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Summaries of stored sessions, made in the heavy-work pool (work/communityTasks.ts). */
export type SummariseSessions = (
  communityId: string,
  sessions: StoredSession[],
) => Promise<Record<string, SessionSummary>>

export interface CommunitySession extends SessionRef {
  board: BoardRecord
}

export interface CommunityServiceDeps {
  store: Persistence
  boards: BoardService
  summarise: SummariseSessions
}

export class CommunityService {
  /** Writes of one community (action sync, new sessions, statuses) one after another. */
  private readonly queues = new KeyedSerialQueue<string>()

  constructor(readonly deps: CommunityServiceDeps) {}

  serial<T>(communityId: string, work: () => Promise<T>): Promise<T> {
    return this.queues.run(communityId, work)
  }

  async create(input: {
    name: string
    description: string
    membersMaySearch: boolean
  }): Promise<{ community: CommunityRecord; key: string }> {
    const key = newFacilitatorKey()
    const community: CommunityRecord = {
      // Like a board id: 128 random bits, the secret part of the page's address.
      id: newBoardId(),
      name: input.name,
      description: input.description,
      facilitatorKeyHash: hashFacilitatorKey(key),
      membersMaySearch: input.membersMaySearch,
      createdAt: Date.now(),
    }
    await this.deps.store.createCommunity(community)
    return { community, key }
  }

  async update(
    id: string,
    fields: {
      name?: string | undefined
      description?: string | undefined
      membersMaySearch?: boolean | undefined
    },
  ): Promise<void> {
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
    await this.deps.store.updateCommunity(id, changes)
  }

  /** A new key; the old one stops working at once (the hash is replaced). */
  async rotateKey(id: string): Promise<string> {
    const key = newFacilitatorKey()
    await this.deps.store.updateCommunity(id, { facilitatorKeyHash: hashFacilitatorKey(key) })
    return key
  }

  /** The sessions whose board still exists, by position. */
  async sessions(communityId: string): Promise<CommunitySession[]> {
    const links = await this.deps.store.communitySessions(communityId)
    const boards = await Promise.all(links.map((link) => this.deps.store.getBoard(link.boardId)))
    return links.flatMap((link, index) => {
      const board = boards[index]
      return board ? [{ boardId: link.boardId, position: link.position, title: board.title, board }] : []
    })
  }

  /** The stored documents of the sessions, summarised in the pool. */
  async summarise(
    communityId: string,
    sessions: readonly CommunitySession[],
  ): Promise<Record<string, SessionSummary>> {
    if (sessions.length === 0) return {}
    const stored = await Promise.all(
      sessions.map(async ({ boardId }) => {
        const [content, control] = await Promise.all([
          this.deps.store.loadRoom(contentRoom(boardId)),
          this.deps.store.loadRoom(controlRoom(boardId)),
        ])
        return { boardId, content, control }
      }),
    )
    return this.deps.summarise(communityId, stored)
  }

  /** Reads every session and copies their agreements into the action list; returns the summaries. */
  async syncedSummaries(
    communityId: string,
    sessions: readonly CommunitySession[],
  ): Promise<Record<string, SessionSummary>> {
    const summaries = await this.summarise(communityId, sessions)
    await this.serial(communityId, () => syncActions(this.deps.store, communityId, summaries))
    return summaries
  }

  async actions(communityId: string, sessions: readonly SessionRef[]) {
    const [actions, statuses] = await Promise.all([
      this.deps.store.communityActions(communityId),
      this.deps.store.actionStatuses(communityId),
    ])
    return actionViews(actions, statuses, sessions)
  }

  async page(community: CommunityRecord): Promise<CommunityPage> {
    const sessions = await this.sessions(community.id)
    const summaries = await this.syncedSummaries(community.id, sessions)
    return {
      id: community.id,
      name: community.name,
      description: community.description,
      membersMaySearch: community.membersMaySearch,
      createdAt: community.createdAt,
      sessions: sessions.map((session) => sessionView(session, summaries[session.boardId])),
      actions: await this.actions(community.id, sessions),
    }
  }

  /**
   * Deletes every session (as DELETE /api/boards/:id does: sockets closed on every instance), then
   * the community's own rows. Returns the sessions' titles.
   */
  async delete(communityId: string): Promise<string[]> {
    return this.serial(communityId, async () => {
      const sessions = await this.sessions(communityId)
      for (const session of sessions) await this.deps.boards.deleteBoard(session.boardId)
      await this.deps.store.deleteCommunity(communityId)
      return sessions.map((session) => session.title)
    })
  }

  /**
   * Retention: deletes the community whole when every one of its sessions is idle since `before`;
   * false (nothing deleted) while any session was active after it.
   */
  async deleteIfIdle(communityId: string, before: number): Promise<boolean> {
    const sessions = await this.sessions(communityId)
    if (sessions.some((session) => session.board.lastActivityAt >= before)) return false
    await this.delete(communityId)
    return true
  }
}

function sessionView(
  session: CommunitySession,
  summary: SessionSummary | undefined,
): CommunitySessionSummary {
  return {
    boardId: session.boardId,
    position: session.position,
    title: session.title,
    createdAt: session.board.createdAt,
    question: summary?.question ?? '',
    templateId: session.board.templateId,
    status: summary?.status ?? 'planned',
    participants: summary?.participants ?? 0,
    topNotes: summary?.topNotes ?? [],
    agreements: (summary?.agreements ?? []).map(({ who, what, when }) => ({ who, what, when })),
  }
}
