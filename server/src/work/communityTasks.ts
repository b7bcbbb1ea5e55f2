import { type SessionSummary, summariseSession } from '../../../shared/src/community/sessionSummary'
import { docFrom, type StoredDoc } from '../lib/storedDocs'

/**
 * The community's heavy work (issue 19) that runs in the pool (heavyWork.ts): decoding the stored
 * documents of a community's sessions and summarising them. Kept apart from the report tasks so a
 * summary does not load the PDF, Word and PNG renderers.
 */

export interface StoredSession {
  boardId: string
  content: StoredDoc
  control: StoredDoc
}

/** One summary per session, by board id (the page, the search index and the Jaaroverzicht read them). */
export function sessionSummariesTask(input: { sessions: StoredSession[]; now?: number; timeZone?: string }): {
  summaries: Record<string, SessionSummary>
} {
  const summaries: Record<string, SessionSummary> = {}
  const options = {
    ...(input.now === undefined ? {} : { now: input.now }),
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  }
  for (const session of input.sessions) {
    summaries[session.boardId] = summariseSession(
      session.boardId,
      docFrom(session.content),
      docFrom(session.control),
      options,
    )
  }
  return { summaries }
}
