import type { CommunitySearchHit } from '../../../shared/src/api/communityAnswers'
import { links } from '../../../shared/src/api/links'
import { HARVEST_INSIGHTS_ID } from '../../../shared/src/community/sessionSummary'
import { analyseText } from '../../../shared/src/suggest/text'
import { TOUCH_INTERVAL_MS } from '../boards/boardService'
import type { CommunityService, CommunitySession } from './communityService'

/**
 * Searching a community's harvest (issue 19): every session's notes, agreements and insights, as
 * H3's session summaries list them (searchEntries). Indexed lazily: before each search the
 * sessions that changed since they were indexed are summarised again.
 */

/**
 * A board's activity is written at most once per TOUCH_INTERVAL_MS (boardService.touch), so
 * writes up to that long after its `lastActivityAt` leave no trace: a session indexed within that
 * window after its last recorded activity is indexed again, until the window has passed.
 */
export function isStale(session: CommunitySession, indexedAt: number | null): boolean {
  return indexedAt === null || session.board.lastActivityAt + TOUCH_INTERVAL_MS >= indexedAt
}

async function reindexStale(service: CommunityService, communityId: string, sessions: CommunitySession[]) {
  const store = service.deps.store
  const indexed = await Promise.all(sessions.map((session) => store.searchIndexedAt(session.boardId)))
  const stale = sessions.filter((session, index) => isStale(session, indexed[index] ?? null))
  if (stale.length === 0) return
  const now = Date.now()
  const summaries = await service.summarise(communityId, stale)
  for (const session of stale) {
    const entries = summaries[session.boardId]?.searchEntries ?? []
    await store.replaceSearchEntries(communityId, session.boardId, entries, now)
  }
}

export async function searchCommunity(
  service: CommunityService,
  communityId: string,
  query: { q: string; limit: number },
): Promise<CommunitySearchHit[]> {
  const stems = analyseText(query.q).stems
  // Only stop words ("de", "het"): everything would match, which tells nobody anything.
  if (stems.length === 0) return []
  const sessions = await service.sessions(communityId)
  await reindexStale(service, communityId, sessions)
  const byBoard = new Map(sessions.map((session) => [session.boardId, session]))
  const hits = await service.deps.store.searchCommunity(communityId, { text: query.q, stems }, query.limit)
  return hits.flatMap((hit) => {
    const session = byBoard.get(hit.boardId)
    if (!session) return []
    return [
      {
        boardId: hit.boardId,
        sessionTitle: session.title,
        position: session.position,
        noteId: hit.noteId,
        kind: hit.kind,
        text: hit.text,
        // The begeleider's insights are no note on the board: the link opens the session.
        link:
          hit.noteId === HARVEST_INSIGHTS_ID
            ? links.board('', hit.boardId)
            : links.note(hit.boardId, hit.noteId),
      },
    ]
  })
}
