import type { ReportAction } from '../../../shared/src/community/actionHistory'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import type { CommunityRecord } from '../persistence/communityTypes'
import type { Persistence } from '../persistence/types'
import type { YearReportFormat } from '../report/yearReport'
import type { YearReportTaskInput } from '../work/yearReportTask'

/**
 * What the Jaaroverzicht (issue 19) and the session reports read from storage: the community's
 * actions with their status history, and its sessions' stored documents. Only bytes and rows are
 * read here; decoding and rendering happen in the pool.
 */

/** The community's actions, oldest first, each with its status history (oldest first). */
export async function communityReportActions(
  store: Persistence,
  communityId: string,
): Promise<ReportAction[]> {
  const [actions, statuses] = await Promise.all([
    store.communityActions(communityId),
    store.actionStatuses(communityId),
  ])
  return actions.map((action) => ({
    id: action.id,
    who: action.who,
    what: action.what,
    when: action.when,
    sourceBoardId: action.sourceBoardId,
    sourceNoteId: action.sourceNoteId,
    history: statuses
      .filter((status) => status.actionId === action.id)
      .sort((a, b) => a.at - b.at)
      .map(({ status, note, byName, at, boardId }) => ({ status, note, byName, at, boardId })),
  }))
}

export async function yearReportInput(
  store: Persistence,
  community: CommunityRecord,
  options: { format: YearReportFormat; now: number; timeZone: string },
): Promise<YearReportTaskInput> {
  const links = await store.communitySessions(community.id)
  const sessions = await Promise.all(
    links.map(async (link) => {
      const [content, control] = await Promise.all([
        store.loadRoom(contentRoom(link.boardId)),
        store.loadRoom(controlRoom(link.boardId)),
      ])
      return { boardId: link.boardId, position: link.position, content, control }
    }),
  )
  return {
    community: { name: community.name, description: community.description, createdAt: community.createdAt },
    sessions: sessions.sort((a, b) => a.position - b.position),
    actions: await communityReportActions(store, community.id),
    ...options,
  }
}
