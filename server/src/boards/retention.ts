import type { Log } from '../log'
import type { BoardService } from './boardService'

const HOUR = 60 * 60_000
const DAY = 24 * HOUR

/**
 * What retention needs of communities (issue 19): a session is not deleted alone, its community
 * goes whole once every session is idle. An interface, so boards/ does not import community/.
 */
export interface CommunityRetention {
  communityOf(boardId: string): Promise<string | null>
  /** Deletes the community with all its sessions when every one is idle since `before`. */
  deleteIfIdle(communityId: string, before: number): Promise<boolean>
}

/**
 * One sweep: boards idle for `days` days are deleted, except sessions of a community. A community
 * is deleted whole (every session, then its own rows) once all its sessions are idle that long;
 * while one of them was active in that period, its idle sessions stay (the series is kept together).
 */
export async function sweepInactive(
  boards: BoardService,
  communities: CommunityRetention,
  days: number,
  now = Date.now(),
): Promise<{ boards: string[]; communities: string[] }> {
  const before = now - days * DAY
  const seen = new Set<string>()
  const deletedCommunities: string[] = []
  const deletedBoards = await boards.deleteInactive(days, now, async (boardId) => {
    const communityId = await communities.communityOf(boardId)
    if (communityId === null) return true
    if (!seen.has(communityId)) {
      seen.add(communityId)
      if (await communities.deleteIfIdle(communityId, before)) deletedCommunities.push(communityId)
    }
    return false
  })
  return { boards: deletedBoards, communities: deletedCommunities }
}

/**
 * Deletes boards (with their logs, snapshots and revocations) `days` days after their last
 * activity, and communities whose every session is that idle: once at start, then every hour.
 * With several instances each one sweeps; deleting an already deleted board is harmless.
 */
export function retentionSweeper(
  boards: BoardService,
  communities: CommunityRetention,
  days: number,
  log: Log,
): { start(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null
  const sweep = async () => {
    try {
      const deleted = await sweepInactive(boards, communities, days)
      if (deleted.boards.length > 0)
        log(`retention: deleted ${deleted.boards.length} board(s) idle for more than ${days} days`)
      if (deleted.communities.length > 0)
        log(`retention: deleted ${deleted.communities.length} community(ies) idle for more than ${days} days`)
    } catch (error) {
      log('retention sweep failed', error)
    }
  }
  return {
    start() {
      if (days <= 0 || timer) return
      void sweep()
      timer = setInterval(() => void sweep(), HOUR)
      timer.unref()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}
