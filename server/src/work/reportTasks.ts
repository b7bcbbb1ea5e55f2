import * as Y from 'yjs'
import { type BoardBackup, parseBackup } from '../../../shared/src/report/backup'
import { type BuildReportOptions, UnknownZoneError } from '../../../shared/src/report/buildReport'
import type { PrivacyFlag, ReportFormat, ReportModel } from '../../../shared/src/report/types'
import type { InitialDocs } from '../boards/initialDocs'
import { docFrom, type StoredBoard } from '../lib/storedDocs'
import { buildBoardReport, initialDocsFromBackup, renderReport } from '../report/reportService'
import { type BoardLimits, docLimitRefusal } from '../sync/boardLimits'

/**
 * The report and import work that runs in the pool (heavyWork.ts): decoding a board's stored
 * updates, building the report model, rendering any format, and parsing and checking a backup.
 * Refusals the caller answers with a 4xx come back as values; anything thrown is a failure.
 */

export type Refusal = { ok: false; code: string; message: string }

function modelOf(
  board: StoredBoard,
  options: BuildReportOptions,
): { ok: true; model: ReportModel; flags: PrivacyFlag[] } | Refusal {
  try {
    const docs = { content: docFrom(board.content), control: docFrom(board.control) }
    return { ok: true, ...buildBoardReport(docs, options) }
  } catch (error) {
    if (error instanceof UnknownZoneError)
      return { ok: false, code: 'unknown_zone', message: 'This board has no such zone.' }
    throw error
  }
}

export async function reportTask(input: {
  board: StoredBoard
  format: ReportFormat
  options: BuildReportOptions
}): Promise<{ ok: true; body: Uint8Array; contentType: string; filename: string } | Refusal> {
  const built = modelOf(input.board, input.options)
  if (!built.ok) return built
  const report = await renderReport(built.model, input.format)
  return {
    ok: true,
    body: new Uint8Array(report.body),
    contentType: report.contentType,
    filename: report.filename,
  }
}

export function reportPreviewTask(input: { board: StoredBoard; options: BuildReportOptions }) {
  return modelOf(input.board, input.options)
}

/** A backup upload: JSON text → validated backup → the new board's documents, within the limits. */
export function importBackupTask(input: {
  body: Uint8Array
  limits: BoardLimits
}): { ok: true; title: string; language: BoardBackup['board']['language']; docs: InitialDocs } | Refusal {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(input.body))
  } catch {
    return { ok: false, code: 'bad_json', message: 'The request body is not valid JSON.' }
  }
  const parsed = parseBackup(value)
  if (!parsed.ok) return { ok: false, code: 'invalid_backup', message: parsed.message }
  const docs = initialDocsFromBackup(parsed.backup)
  const content = new Y.Doc()
  Y.applyUpdate(content, docs.content)
  const refusal = docLimitRefusal(content, docs.content.byteLength, input.limits)
  if (refusal)
    return { ok: false, code: 'board_limit', message: `The backup exceeds a board limit: ${refusal}.` }
  return { ok: true, title: parsed.backup.board.title, language: parsed.backup.board.language, docs }
}
