import express, { type Request, type Response, Router } from 'express'
import { z } from 'zod'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import { getReportsShared } from '../../../shared/src/model/session'
import { parseBackup } from '../../../shared/src/report/backup'
import { UnknownZoneError } from '../../../shared/src/report/buildReport'
import { REPORT_FORMATS } from '../../../shared/src/report/types'
import { getBuiltinTemplate } from '../../../shared/src/templates/builtin'
import type { BoardService } from '../boards/boardService'
import type { OogstConfig } from '../config'
import type { Persistence } from '../persistence/types'
import {
  type BoardDocs,
  buildBoardReport,
  initialDocsFromBackup,
  loadBoardDocs,
  renderReport,
} from '../report/reportService'
import { loadBoard, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseQuery } from './errors'
import { limiter } from './security'

/**
 * The harvest report ("oogst") and the board backup:
 *   GET  /api/boards/:id/report?format=…&redact=true&zone=<zoneId>   the file, as a download
 *   GET  /api/boards/:id/report/preview?redact=…&zone=…                { model, flags } for the dialog
 *   POST /api/boards/import                                            a JSON backup → a new board
 * Reports are for facilitators; participants (and viewers) only when a facilitator shared them.
 */

export interface ReportRouteDeps {
  boards: BoardService
  store: Persistence
  publicUrl: string | null
  trustProxy: boolean
  limits: OogstConfig['limits']
}

/** A backup of a 20,000-note board stays well below this. */
const IMPORT_BODY_LIMIT = '25mb'

/** Downloaded HTML and SVG hold other people's text: never run anything, even when opened inline. */
const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === '')

const reportQuery = z.object({
  format: z.enum(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` }),
  redact: flag,
  zone: z.string().regex(OBJECT_ID_PATTERN, 'zone must be a zone id').optional(),
})

const previewQuery = reportQuery.omit({ format: true })

/** Same as boardRoutes: links from PUBLIC_URL when set (behind a proxy), else from the request. */
function origin(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`
}

export function reportRoutes(deps: ReportRouteDeps): Router {
  const router = Router()

  /** The board's documents when the caller may have its report: facilitators, or anyone once shared. */
  async function authorizedDocs(req: Request): Promise<BoardDocs> {
    const board = await loadBoard(deps.store, req.params.id)
    let facilitator = true
    try {
      await requireFacilitatorAccess(req, board, deps.boards)
    } catch (error) {
      // 403: a token that still gives access, with a role below facilitator now (a participant, or
      // a co-facilitator who was demoted). Revoked or rotated-away tokens got a 401 already.
      if (!(error instanceof HttpError) || error.status !== 403) throw error
      facilitator = false
    }
    const docs = await loadBoardDocs(deps.store, board.id)
    if (!facilitator && !getReportsShared(docs.control)) {
      throw new HttpError(
        403,
        'reports_not_shared',
        'The facilitator has not shared the report with participants.',
      )
    }
    return docs
  }

  function build(docs: BoardDocs, options: { redact: boolean; zone?: string | undefined }) {
    try {
      return buildBoardReport(docs, { redact: options.redact, zoneId: options.zone ?? null })
    } catch (error) {
      if (error instanceof UnknownZoneError)
        throw new HttpError(404, 'unknown_zone', 'This board has no such zone.')
      throw error
    }
  }

  router.get('/boards/:id/report', async (req: Request, res: Response) => {
    const query = parseQuery(reportQuery, req)
    if (query.format === 'json' && query.zone) {
      throw new HttpError(
        400,
        'invalid_query',
        'The JSON backup always covers the whole board; leave out zone.',
      )
    }
    const docs = await authorizedDocs(req)
    const { model } = build(docs, query)
    const report = await renderReport(model, query.format)
    res.setHeader('Content-Type', report.contentType)
    res.setHeader('Content-Disposition', `attachment; filename="${report.filename}"`)
    res.setHeader('Cache-Control', 'private, no-store')
    if (query.format === 'html' || query.format === 'svg')
      res.setHeader('Content-Security-Policy', DOWNLOAD_CSP)
    res.send(report.body)
  })

  router.get('/boards/:id/report/preview', async (req: Request, res: Response) => {
    const query = parseQuery(previewQuery, req)
    const docs = await authorizedDocs(req)
    res.setHeader('Cache-Control', 'private, no-store')
    res.json(build(docs, query))
  })

  router.post(
    '/boards/import',
    limiter({
      windowMs: 60 * 60_000,
      limit: deps.limits.boardCreatesPerHour,
      trustProxy: deps.trustProxy,
      code: 'too_many_requests',
      message: 'Too many new boards from this address. Try again later.',
    }),
    express.json({ limit: IMPORT_BODY_LIMIT }),
    async (req: Request, res: Response) => {
      const parsed = parseBackup(req.body)
      if (!parsed.ok) throw new HttpError(400, 'invalid_backup', parsed.message)
      const { backup } = parsed
      const template = getBuiltinTemplate('leeg')
      if (!template) throw new Error('built-in template "leeg" is missing')
      const { board, facilitatorKey } = await deps.boards.createBoard({
        title: backup.board.title,
        language: backup.board.language,
        template,
        docs: initialDocsFromBackup(backup),
      })
      const base = origin(req, deps.publicUrl)
      const viewerToken = deps.boards.issueToken(board.id, 'viewer', 'Scherm')
      res.status(201).json({
        id: board.id,
        joinCode: board.joinCode,
        facilitatorKey,
        facilitatorUrl: `${base}/b/${board.id}#key=${facilitatorKey}`,
        participantUrl: `${base}/j/${board.joinCode}`,
        viewerUrl: `${base}/b/${board.id}#token=${viewerToken}`,
      })
    },
  )

  return router
}
