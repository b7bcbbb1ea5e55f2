import type { ReportAction } from '../../../shared/src/community/actionHistory'
import { summariseSession } from '../../../shared/src/community/sessionSummary'
import type { YearReportInput } from '../../../shared/src/community/yearReport'
import type { Language } from '../../../shared/src/model/meta'
import { docFrom } from '../lib/storedDocs'
import { renderYearReport, type YearReportFormat } from '../report/yearReport'
import type { StoredSession } from './communityTasks'

/**
 * The Jaaroverzicht (issue 19) in the pool: decodes every session's stored documents, summarises
 * them, builds the report's blocks and renders the asked format. The main thread only reads bytes
 * from storage and sends the file.
 */

export interface YearReportTaskInput {
  community: { name: string; description: string; createdAt: number; language?: Language | undefined }
  /** By position. */
  sessions: (StoredSession & { position: number })[]
  actions: ReportAction[]
  format: YearReportFormat
  now: number
  timeZone: string
}

export async function yearReportTask(
  input: YearReportTaskInput,
): Promise<{ ok: true; body: Uint8Array; contentType: string; filename: string }> {
  const options = { now: input.now, timeZone: input.timeZone }
  const sessions = input.sessions.map((session) => ({
    boardId: session.boardId,
    position: session.position,
    summary: summariseSession(session.boardId, docFrom(session.content), docFrom(session.control), options),
  }))
  // The community's language when it has one, else its first session's: the words people used.
  const language = input.community.language ?? sessions[0]?.summary.language ?? 'nl'
  const report: YearReportInput = {
    community: input.community,
    language,
    sessions,
    actions: input.actions,
    now: input.now,
    timeZone: input.timeZone,
  }
  const rendered = await renderYearReport(report, input.format)
  return {
    ok: true,
    body: new Uint8Array(rendered.body),
    contentType: rendered.contentType,
    filename: rendered.filename,
  }
}
