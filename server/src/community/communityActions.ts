import type {
  CommunityActionHistoryEntry,
  CommunityActionView,
} from '../../../shared/src/api/communityAnswers'
import type { SessionSummary } from '../../../shared/src/community/sessionSummary'
import { newObjectId } from '../../../shared/src/ids'
import type { ActionStatusRecord, CommunityActionRecord, CommunityStore } from '../persistence/communityTypes'
import type { OpenAction } from './nextSessionDocs'

/**
 * The community's action list (issue 19): each session's agreements (Wie/Wat/Wanneer notes of its
 * Afspraken zone) copied into storage, and their status history. Storage is the truth; the
 * Terugblik's `lookback` map in a session's control document only mirrors the newest status.
 */

export interface SessionRef {
  boardId: string
  position: number
  title: string
}

const hasContent = (agreement: { who: string; what: string; when: string }) =>
  `${agreement.who}${agreement.what}${agreement.when}`.trim() !== ''

/**
 * Upserts every agreement of the summarised sessions (by source board and note, so an edited
 * agreement updates its action) and drops the actions of those sessions whose note is gone and
 * that nobody gave a status yet (one with history is kept: the history must not vanish).
 */
export async function syncActions(
  store: CommunityStore,
  communityId: string,
  summaries: Readonly<Record<string, SessionSummary>>,
  now = Date.now(),
): Promise<void> {
  const present = new Set<string>()
  for (const summary of Object.values(summaries)) {
    for (const agreement of summary.agreements) {
      if (!hasContent(agreement)) continue
      present.add(`${summary.boardId} ${agreement.noteId}`)
      await store.upsertCommunityAction({
        id: newObjectId(),
        communityId,
        sourceBoardId: summary.boardId,
        sourceNoteId: agreement.noteId,
        who: agreement.who,
        what: agreement.what,
        when: agreement.when,
        createdAt: now,
      })
    }
  }
  const [actions, statuses] = await Promise.all([
    store.communityActions(communityId),
    store.actionStatuses(communityId),
  ])
  const withHistory = new Set(statuses.map((status) => status.actionId))
  for (const action of actions) {
    const summarised = Object.hasOwn(summaries, action.sourceBoardId)
    const key = `${action.sourceBoardId} ${action.sourceNoteId}`
    if (summarised && !present.has(key) && !withHistory.has(action.id))
      await store.deleteCommunityAction(action.id)
  }
}

/** The actions with their history, newest status first known, in the page's shape. */
export function actionViews(
  actions: readonly CommunityActionRecord[],
  statuses: readonly ActionStatusRecord[],
  sessions: readonly SessionRef[],
): CommunityActionView[] {
  const session = new Map(sessions.map((ref) => [ref.boardId, ref]))
  const historyOf = new Map<string, CommunityActionHistoryEntry[]>()
  for (const status of statuses) {
    const history = historyOf.get(status.actionId) ?? []
    history.push({
      status: status.status,
      note: status.note,
      byName: status.byName,
      at: status.at,
      boardId: status.boardId,
      position: session.get(status.boardId)?.position ?? 0,
    })
    historyOf.set(status.actionId, history)
  }
  return actions.map((action) => {
    const history = (historyOf.get(action.id) ?? []).sort((a, b) => a.at - b.at)
    const source = session.get(action.sourceBoardId)
    return {
      id: action.id,
      who: action.who,
      what: action.what,
      when: action.when,
      sourceBoardId: action.sourceBoardId,
      sourcePosition: source?.position ?? 0,
      sourceTitle: source?.title ?? '',
      status: history.at(-1)?.status ?? 'open',
      history,
    }
  })
}

/** What the next session's Terugblik holds: every action whose newest status is not 'done'. */
export function openActions(views: readonly CommunityActionView[]): OpenAction[] {
  return views
    .filter((action) => action.status !== 'done')
    .map(({ id, who, what, when, sourcePosition }) => ({ id, who, what, when, sourcePosition }))
}

/** Appends a status to an action's history; the caller mirrors it into the Terugblik. */
export async function appendStatus(
  store: CommunityStore,
  status: Omit<ActionStatusRecord, 'id'>,
): Promise<ActionStatusRecord> {
  const record = { ...status, id: newObjectId() }
  await store.addActionStatus(record)
  return record
}
