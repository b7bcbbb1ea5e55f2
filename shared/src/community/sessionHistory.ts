import type { ReportActionStatus, ReportCommunity } from '../report/types'
import { type ActionStatusEntry, actionState, type ReportAction } from './actionHistory'

/**
 * A community session's part of the action history (issue 19), for its verslag: the actions it
 * looked back on (with the statuses set in it) and what later sessions said about its own
 * agreements. Pure: the server reads the rows from storage and passes them in.
 */

export interface SessionCommunityInput {
  /** The board the report is about. */
  boardId: string
  /** Every session of its community, with its position. */
  sessions: { boardId: string; position: number }[]
  /** Every action of the community, oldest first, with its whole history (oldest first). */
  actions: ReportAction[]
}

/** What the session's own documents say, read by buildReport. */
export interface SessionFacts {
  /** The actions its Terugblik holds (control `session.lookback`). */
  lookbackActionIds: ReadonlySet<string>
  /** Its agreement notes in the verslag's order: what became of them is told in the same order. */
  agreementNoteIds: readonly string[]
}

/**
 * Null when the board is not among the sessions. An action of an earlier session is looked back
 * on here when a status was set here or its note is in this session's Terugblik (one nobody
 * marked is listed as not discussed). A board without a Terugblik record (made before it existed)
 * counts the actions still open as it began: their newest status from earlier sessions was not
 * "done", which is what the Terugblik is made of (docs/community.md).
 */
export function sessionCommunityPart(
  input: SessionCommunityInput,
  facts: SessionFacts,
  clean: (text: string) => string = (text) => text,
): ReportCommunity | null {
  const positionOf = new Map(input.sessions.map((session) => [session.boardId, session.position]))
  const position = positionOf.get(input.boardId)
  if (position === undefined) return null
  const status = (entry: ActionStatusEntry): ReportActionStatus => ({
    status: entry.status,
    note: clean(entry.note),
    at: entry.at,
    position: positionOf.get(entry.boardId) ?? null,
  })
  const fields = (action: ReportAction) => ({
    actionId: action.id,
    who: clean(action.who),
    what: clean(action.what),
    when: clean(action.when),
  })
  const lookedBack: ReportCommunity['lookback'] = []
  const followUp: ReportCommunity['followUp'] = []
  for (const action of input.actions) {
    if (action.sourceBoardId === input.boardId) {
      followUp.push({ ...fields(action), noteId: action.sourceNoteId, history: action.history.map(status) })
      continue
    }
    const from = positionOf.get(action.sourceBoardId) ?? null
    const here = action.history.filter((entry) => entry.boardId === input.boardId)
    const before = action.history.filter((entry) => {
      const at = positionOf.get(entry.boardId)
      return at !== undefined && at < position
    })
    const onBoard =
      facts.lookbackActionIds.size > 0
        ? facts.lookbackActionIds.has(action.id)
        : from !== null && from < position && actionState(before) !== 'done'
    if (here.length > 0 || onBoard) {
      lookedBack.push({ ...fields(action), fromPosition: from, statuses: here.map(status) })
    }
  }
  // Storage gives actions made in the same moment in any order: sort by what people read.
  lookedBack.sort(
    (a, b) =>
      (a.fromPosition ?? 0) - (b.fromPosition ?? 0) ||
      a.who.localeCompare(b.who) ||
      a.what.localeCompare(b.what),
  )
  const order = new Map(facts.agreementNoteIds.map((noteId, index) => [noteId, index]))
  const at = (noteId: string) => order.get(noteId) ?? order.size
  followUp.sort((a, b) => at(a.noteId) - at(b.noteId) || a.what.localeCompare(b.what))
  return { position, lookback: lookedBack, followUp }
}
