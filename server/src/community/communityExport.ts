import type { CommunityRecord } from '../persistence/communityTypes'
import type { CommunityService } from './communityService'

/**
 * A community's data as one JSON document (docs/privacy.md, "Gemeenschappen"): the community
 * (without its key's hash), each session with its board backup (the same JSON as a board's
 * "Back-up"), the actions and their whole status history.
 */
export async function exportCommunity(
  service: CommunityService,
  community: CommunityRecord,
  backup: (boardId: string) => Promise<unknown>,
) {
  const sessions = await service.sessions(community.id)
  // The agreements as they are now, so the export holds every action the page would show.
  await service.syncedSummaries(community.id, sessions)
  const backups: unknown[] = []
  // One at a time: each backup is a pool task of its own board.
  for (const session of sessions) backups.push(await backup(session.boardId))
  const [actions, history] = await Promise.all([
    service.deps.store.communityActions(community.id),
    service.deps.store.actionStatuses(community.id),
  ])
  return {
    kind: 'oogst-community-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    community: {
      id: community.id,
      name: community.name,
      description: community.description,
      membersMaySearch: community.membersMaySearch,
      createdAt: community.createdAt,
    },
    sessions: sessions.map((session, index) => ({
      boardId: session.boardId,
      position: session.position,
      title: session.title,
      createdAt: session.board.createdAt,
      backup: backups[index],
    })),
    actions,
    history,
  }
}
