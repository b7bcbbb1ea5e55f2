import * as Y from 'yjs'
import { type BoardBackup, docsFromBackup, renderJson } from '../../../shared/src/report/backup'
import { type BuildReportOptions, buildReportWithFlags } from '../../../shared/src/report/buildReport'
import { renderCsv } from '../../../shared/src/report/csv'
import { renderHtml } from '../../../shared/src/report/html'
import { renderMarkdown } from '../../../shared/src/report/markdown'
import { boardBounds, renderBoardSvg } from '../../../shared/src/report/svg'
import { reportFilename } from '../../../shared/src/report/text'
import type { PrivacyFlag, ReportFormat, ReportModel } from '../../../shared/src/report/types'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import type { InitialDocs } from '../boards/initialDocs'
import type { DocumentStore } from '../persistence/types'
import { renderDocx } from './docx'
import { renderPdf } from './pdf'
import { svgToPng } from './png'

/**
 * Turns a stored board into a downloadable report. The documents are read from storage, not from
 * a loaded room: the server stores every update before anyone sees it, so storage holds at least
 * everything that was on anyone's screen, and a report never loads a room into memory.
 */

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
}

/** Width of the board picture inside DOCX and PDF: about 180 dpi across an A4 text column. */
const DOCUMENT_PICTURE_PX = 1200

export interface BoardDocs {
  content: Y.Doc
  control: Y.Doc
}

export interface RenderedReport {
  body: Buffer
  contentType: string
  filename: string
}

async function readDoc(store: DocumentStore, room: string): Promise<Y.Doc> {
  const stored = await store.loadRoom(room)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

export async function loadBoardDocs(store: DocumentStore, boardId: string): Promise<BoardDocs> {
  const [content, control] = await Promise.all([
    readDoc(store, contentRoom(boardId)),
    readDoc(store, controlRoom(boardId)),
  ])
  return { content, control }
}

export function buildBoardReport(
  docs: BoardDocs,
  options: BuildReportOptions,
): { model: ReportModel; flags: PrivacyFlag[] } {
  return buildReportWithFlags(docs.content, docs.control, options)
}

/** The board picture as PNG; `width` in pixels (default: the board's own size, 1,000–2,400). */
/**
 * At most this many pixels in a board picture: a board grown to 350,000 units tall by 150,000
 * notes would otherwise become a 2,400 × 100,000 PNG (70 MB, two minutes to draw).
 */
const MAX_PICTURE_PIXELS = 16_000_000

export function boardPng(model: ReportModel, width?: number): Buffer {
  const bounds = boardBounds(model)
  const wanted = width ?? Math.min(2400, Math.max(1000, bounds.width))
  const fitting = Math.sqrt((MAX_PICTURE_PIXELS * bounds.width) / Math.max(1, bounds.height))
  const target = Math.max(200, Math.min(wanted, Math.floor(fitting)))
  return svgToPng(renderBoardSvg(model, { targetWidth: target }), target)
}

export async function renderReport(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const done = (body: Buffer | string): RenderedReport => ({
    body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    contentType: CONTENT_TYPES[format],
    filename: reportFilename(model, format),
  })
  switch (format) {
    case 'md':
      return done(renderMarkdown(model))
    case 'html':
      return done(renderHtml(model))
    case 'csv':
      return done(renderCsv(model))
    case 'json':
      return done(renderJson(model))
    case 'svg':
      return done(renderBoardSvg(model))
    case 'png':
      return done(boardPng(model))
    case 'docx':
      return done(await renderDocx(model, boardPng(model, DOCUMENT_PICTURE_PX)))
    case 'pdf':
      return done(await renderPdf(model, boardPng(model, DOCUMENT_PICTURE_PX)))
  }
}

/** The documents of a board restored from a backup, ready for `BoardService.createBoard`. */
export function initialDocsFromBackup(backup: BoardBackup): InitialDocs {
  const { content, control } = docsFromBackup(backup)
  return { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) }
}
