import fs from 'node:fs'
import path from 'node:path'
import express, { type Express } from 'express'
import type { Registry } from 'prom-client'
import type { TokenService } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import type { TemplateService } from '../boards/templateService'
import type { CommunityService } from '../community/communityService'
import type { OogstConfig } from '../config'
import type { Persistence } from '../persistence/types'
import type { SessionService } from '../session/sessionService'
import type { BoardLimits } from '../sync/boardLimits'
import type { RoomManager } from '../sync/roomManager'
import type { HeavyWork } from '../work/heavyWork'
import { boardRoutes } from './boardRoutes'
import { communityReportRoutes } from './communityReportRoutes'
import { communityRoutes } from './communityRoutes'
import { errorHandler, HttpError } from './errors'
import { joinRoutes } from './joinRoutes'
import { requireJsonBodies } from './jsonOnly'
import { reportRoutes } from './reportRoutes'
import { joinLimits, limiter, securityHeaders } from './security'
import { sessionRoutes } from './sessionRoutes'
import { suggestRoutes } from './suggestRoutes'
import { templateRoutes } from './templateRoutes'

export interface AppDeps {
  boards: BoardService
  templates: TemplateService
  session: SessionService
  /** Communities of practice (issue 19) and the rooms their Terugblik statuses are written to. */
  communities: CommunityService
  rooms: RoomManager
  /** A board's JSON backup (made in the pool), for a community's export. */
  boardBackup: (boardId: string) => Promise<unknown>
  store: Persistence
  tokens: TokenService
  publicUrl: string | null
  clientDir: string | null
  startedAt: number
  version: string
  metrics: Registry
  trustProxy: boolean
  limits: OogstConfig['limits']
  /** Reports and imports run here, off the event loop (issue 16). */
  heavyWork: HeavyWork
  boardLimits: BoardLimits
  /** Whether a board's report is shared, read from its (small) control room only. */
  reportsShared: (boardId: string) => Promise<boolean>
  isReady: () => Promise<boolean>
  log: (message: string, error?: unknown) => void
}

/** The HTTP side: JSON API under /api, the built client for every other path. */
export function createApp(deps: AppDeps): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(securityHeaders())
  app.use('/api', requireJsonBodies)
  const limits = deps.limits
  app.post('/api/join', ...joinLimits(deps.trustProxy, limits))
  const creationLimit = limiter({
    windowMs: 60 * 60_000,
    limit: limits.boardCreatesPerHour,
    trustProxy: deps.trustProxy,
    code: 'too_many_requests',
    message: 'Too many new boards or templates from this address. Try again later.',
  })
  app.post('/api/boards', creationLimit)
  app.post('/api/templates', creationLimit)
  // A community and each of its sessions (a board) count like new boards.
  app.post('/api/communities', creationLimit)
  app.post('/api/communities/:id/sessions', creationLimit)
  // Each status is kept in the history: a burst from one address on one board is refused (a room
  // behind one wifi sets a few dozen during a look back).
  app.post(
    '/api/boards/:id/actions/:actionId/status',
    limiter({
      windowMs: 60_000,
      limit: 60,
      trustProxy: deps.trustProxy,
      code: 'too_many_requests',
      message: 'Too many status changes from this address. Try again in a minute.',
      keyExtra: (req) => String(req.params.id),
    }),
  )
  // Template import reads its own (larger, text) body, so it is mounted before the JSON parser.
  app.use('/api', templateRoutes(deps))
  app.use('/api', reportRoutes(deps))
  app.use('/api', express.json({ limit: '100kb' }))

  app.get('/api/health', (_req, res) => {
    res.json({
      status: 'ok',
      version: deps.version,
      storage: deps.store.kind,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    })
  })
  // Liveness: the process answers. Readiness: it can take traffic (storage up, not draining).
  app.get('/api/health/live', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/api/health/ready', async (_req, res) => {
    const ready = await deps.isReady()
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready' })
  })
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', deps.metrics.contentType)
    res.send(await deps.metrics.metrics())
  })
  app.use('/api', joinRoutes(deps))
  app.use('/api', boardRoutes(deps))
  app.use('/api', sessionRoutes(deps))
  app.use('/api', suggestRoutes(deps))
  app.use('/api', communityRoutes({ ...deps, backup: deps.boardBackup }))
  app.use('/api', communityReportRoutes(deps))
  app.use('/api', (req) => {
    throw new HttpError(404, 'not_found', `No API endpoint ${req.method} ${req.path}.`)
  })

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const indexHtml = path.join(deps.clientDir, 'index.html')
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }))
    // Client-side routes (/b/<id>, /j/<code>) all load the single-page app.
    app.get('/{*path}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache')
      res.sendFile(indexHtml)
    })
  }

  app.use(errorHandler(deps.log))
  return app
}
