import express, { type Request, type Response, Router } from 'express'
import { z } from 'zod'
import { links } from '../../../shared/src/api'
import type { SessionCommunityInput } from '../../../shared/src/community/sessionHistory'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import { NAME_MODES } from '../../../shared/src/report/privacy'
import { REPORT_FORMATS } from '../../../shared/src/report/types'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import { getBuiltinTemplate } from '../../../shared/src/templates/builtin'
import type { BoardService } from '../boards/boardService'
import { communityReportActions } from '../community/yearReportInput'
import type { OogstConfig } from '../config'
import type { StoredBoard } from '../lib/storedDocs'
import type { BoardRecord, Persistence } from '../persistence/types'
import type { BoardLimits } from '../sync/boardLimits'
import type { HeavyWork } from '../work/heavyWork'
import { loadBoard, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseQuery } from './errors'
import { refuseWhenFull, reportOptions, runHeavy, succeeded } from './heavyWorkAnswers'
import { limiter } from './security'

/**
 * The harvest report ("oogst") and the board backup:
 *   GET  /api/boards/:id/report?format=…&redact=true&zone=<zoneId>&names=keep|initials|numbered&compact=…
 *   GET  /api/boards/:id/report/preview?redact=…&zone=…                { model, flags } for the dialog
 * A session of a community (issue 19) also gets its actions' history, read here from storage.
 *   POST /api/boards/import                                            a JSON backup → a new board
 * Reports are for facilitators; participants (and viewers) only when a facilitator shared them.
 */

export interface ReportRouteDeps {
  boards: BoardService
  store: Persistence
  publicUrl: string | null
  trustProxy: boolean
  limits: OogstConfig['limits']
  heavyWork: HeavyWork
  boardLimits: BoardLimits
  /** Read from the control room only: a refused request never reads the board's notes. */
  reportsShared: (boardId: string) => Promise<boolean>
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
  names: z.enum(NAME_MODES, { message: `names must be one of ${NAME_MODES.join(', ')}` }).default('keep'),
  // Compact report (groups and the top notes per question); absent or "auto": by the board's size.
  compact: z
    .enum(['true', 'false', 'auto'], { message: 'compact must be true, false or auto' })
    .optional()
    .transform((value) => (value === 'true' ? true : value === 'false' ? false : null)),
})

const previewQuery = reportQuery.omit({ format: true })

/** Same as boardRoutes: links from PUBLIC_URL when set (behind a proxy), else from the request. */
function origin(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`
}

export function reportRoutes(deps: ReportRouteDeps): Router {
  const router = Router()

  /**
   * The board, when the caller may have its report: facilitators, or anyone once shared. Checked
   * before anything of the board's content is read, so refused requests cost no decoding.
   * `facilitator` false: a participant with a shared report, who gets it with personal data left out.
   */
  async function authorizedBoard(req: Request): Promise<{ board: BoardRecord; facilitator: boolean }> {
    const board = await loadBoard(deps.store, req.params.id)
    try {
      await requireFacilitatorAccess(req, board, deps.boards)
      return { board, facilitator: true }
    } catch (error) {
      // 403: a token that still gives access, with a role below facilitator now (a participant, or
      // a co-facilitator who was demoted). Revoked or rotated-away tokens got a 401 already.
      if (!(error instanceof HttpError) || error.status !== 403) throw error
    }
    if (!(await deps.reportsShared(board.id))) {
      throw new HttpError(
        403,
        'reports_not_shared',
        'The facilitator has not shared the report with participants.',
      )
    }
    return { board, facilitator: false }
  }

  /**
   * A shared report is the verslag, not everyone's data: participants always get it with personal
   * data left out (whatever they ask), and the JSON backup (every note with its writer's id, every
   * participant) stays with the begeleiders.
   */
  function forCaller<Q extends { redact: boolean }>(query: Q, facilitator: boolean, format?: string): Q {
    if (facilitator) return query
    if (format === 'json') {
      throw new HttpError(403, 'backup_for_facilitators', 'The board backup is for facilitators only.')
    }
    return { ...query, redact: true }
  }

  /** The stored bytes of the board's two documents; decoding happens in the pool. */
  async function storedBoard(boardId: string): Promise<StoredBoard> {
    const [content, control] = await Promise.all([
      deps.store.loadRoom(contentRoom(boardId)),
      deps.store.loadRoom(controlRoom(boardId)),
    ])
    return { content, control }
  }

  /**
   * The community's actions and sessions when the board is a session of one (issue 19): its
   * verslag shows the Terugblik and what became of its agreements. Rows only; the pool decides.
   */
  async function communityInput(boardId: string): Promise<SessionCommunityInput | null> {
    const communityId = await deps.store.communityOfBoard(boardId)
    if (communityId === null) return null
    const [sessions, actions] = await Promise.all([
      deps.store.communitySessions(communityId),
      communityReportActions(deps.store, communityId),
    ])
    return { boardId, sessions: sessions.map(({ boardId, position }) => ({ boardId, position })), actions }
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
    const { board, facilitator } = await authorizedBoard(req)
    const asked = forCaller(query, facilitator, query.format)
    refuseWhenFull(deps.heavyWork, res, board.id)
    const input = {
      board: await storedBoard(board.id),
      format: query.format,
      options: { ...reportOptions(asked), community: await communityInput(board.id) },
    }
    const report = succeeded(await runHeavy(deps.heavyWork, res, 'report', input, board.id))
    res.setHeader('Content-Type', report.contentType)
    res.setHeader('Content-Disposition', `attachment; filename="${report.filename}"`)
    res.setHeader('Cache-Control', 'private, no-store')
    if (query.format === 'html' || query.format === 'svg')
      res.setHeader('Content-Security-Policy', DOWNLOAD_CSP)
    res.send(Buffer.from(report.body.buffer, report.body.byteOffset, report.body.byteLength))
  })

  router.get('/boards/:id/report/preview', async (req: Request, res: Response) => {
    const query = parseQuery(previewQuery, req)
    const { board, facilitator } = await authorizedBoard(req)
    refuseWhenFull(deps.heavyWork, res, board.id)
    const input = {
      board: await storedBoard(board.id),
      options: { ...reportOptions(forCaller(query, facilitator)), community: await communityInput(board.id) },
    }
    const { model, flags } = succeeded(await runHeavy(deps.heavyWork, res, 'reportPreview', input, board.id))
    res.setHeader('Cache-Control', 'private, no-store')
    res.json({ model, flags })
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
    // The body stays bytes here: parsing 20 MB of JSON is the pool's work, not the event loop's.
    express.raw({ type: 'application/json', limit: IMPORT_BODY_LIMIT }),
    async (req: Request, res: Response) => {
      if (!Buffer.isBuffer(req.body))
        throw new HttpError(415, 'unsupported_media_type', 'Send the backup as application/json.')
      const input = { body: new Uint8Array(req.body), limits: deps.boardLimits }
      const imported = succeeded(await runHeavy(deps.heavyWork, res, 'importBackup', input, null))
      const template = getBuiltinTemplate('leeg')
      if (!template) throw new Error('built-in template "leeg" is missing')
      const { board, facilitatorKey } = await deps.boards.createBoard({
        title: imported.title,
        language: imported.language,
        template,
        docs: imported.docs,
      })
      const base = origin(req, deps.publicUrl)
      const viewerToken = deps.boards.issueToken(board.id, 'viewer', 'Scherm')
      res.status(201).json({
        id: board.id,
        joinCode: board.joinCode,
        facilitatorKey,
        facilitatorUrl: links.facilitator(base, board.id, facilitatorKey),
        participantUrl: links.join(base, board.joinCode),
        viewerUrl: links.withToken(base, board.id, viewerToken),
      })
    },
  )

  return router
}
