import type { ActionStatusName } from '../model/lookback'

/**
 * A community's actions (issue 19) as the reports read them: an agreement of one session, carried
 * forward, with the statuses set on it in later sessions' look-backs. Plain data, filled by the
 * server from storage (persistence/communityTypes.ts); the reports stay pure.
 */

/** The statuses people set in a Terugblik (shared/src/model/lookback.ts). */
export type ActionStatus = ActionStatusName
/** An action nobody set a status on yet is "open". */
export type ActionState = ActionStatus | 'open'

export interface ActionStatusEntry {
  status: ActionStatus
  note: string
  byName: string
  at: number
  /** The session (board) in which it was set. */
  boardId: string
}

export interface ReportAction {
  id: string
  who: string
  what: string
  when: string
  sourceBoardId: string
  sourceNoteId: string
  /** Oldest first. */
  history: ActionStatusEntry[]
}

/** The newest status, or "open" without any. */
export function actionState(history: readonly { status: ActionStatus }[]): ActionState {
  return history.at(-1)?.status ?? 'open'
}

/** "Fatima: flyer maken (1 april)": an action on one line. */
export function actionLine(action: Pick<ReportAction, 'who' | 'what' | 'when'>): string {
  const what = action.what.replace(/\s*\n\s*/g, ' / ').trim()
  const who = action.who.trim()
  const when = action.when.trim()
  // An unlabelled agreement's date was found in its text: "zaal regelen voor 15 maart" says it already.
  const dated = when !== '' && !what.includes(when)
  return `${who ? `${who}: ` : ''}${what || '–'}${dated ? ` (${when})` : ''}`
}

/**
 * "sessie 2: loopt — “flyer bijna klaar”; sessie 3: gedaan". `where` names the session a status
 * was set in ("sessie 2"); a status from a session that no longer exists is named by its date.
 */
export function historyLine<E extends { status: ActionStatus; note: string }>(
  history: readonly E[],
  words: { status: Record<ActionState, string>; where: (entry: E) => string },
): string {
  return history
    .map((entry) => {
      const note = entry.note.trim().replace(/\s*\n\s*/g, ' ')
      return `${words.where(entry)}: ${words.status[entry.status]}${note ? ` — “${note}”` : ''}`
    })
    .join('; ')
}

/** The "Terugblik" zone a community's next session opens with (docs/community.md). */
export function isLookbackZone(title: string): boolean {
  return /^\s*(terugblik|look[- ]?back)\b/i.test(title)
}
