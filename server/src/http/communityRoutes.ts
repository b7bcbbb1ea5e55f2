import { type Request, type RequestHandler, type Response, Router } from 'express'
import {
  actionStatusBody,
  communitySearchQuery,
  createCommunityBody,
  createSessionBody,
  deleteCommunityBody,
  links,
  updateCommunityBody,
} from '../../../shared/src/api'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import type { BoardService } from '../boards/boardService'
import type { TemplateService } from '../boards/templateService'
import { exportCommunity } from '../community/communityExport'
import { searchCommunity } from '../community/communitySearch'
import type { CommunityService } from '../community/communityService'
import { setActionStatus } from '../community/communityStatus'
import { createNextSession } from '../community/nextSession'
import type { Persistence } from '../persistence/types'
import type { RoomManager } from '../sync/roomManager'
import { HeavyWorkError } from '../work/heavyWork'
import { loadBoard } from './boardAuth'
import {
  asHttpError,
  hasCommunityKey,
  loadCommunity,
  requireBoardToken,
  requireCommunityKey,
  requireSearchAccess,
} from './communityAuth'
import { HttpError, parseBody, parseQuery } from './errors'

/**
 * The community routes (docs/community.md, issue 19), all but the Jaaroverzicht
 * (communityReportRoutes.ts). Community routes take the community key; setting an action's status
 * takes a board token of the session whose Terugblik holds it.
 */

export interface CommunityRouteDeps {
  communities: CommunityService
  boards: BoardService
  templates: TemplateService
  rooms: RoomManager
  store: Persistence
  publicUrl: string | null
  /** A session's JSON backup (the report task in the pool), for the export. */
  backup: (boardId: string) => Promise<unknown>
}

function origin(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`
}

const HEAVY_ANSWERS = {
  busy: [
    503,
    'server_busy',
    'De server is nu druk. Probeer het over een minuut opnieuw. / The server is busy.',
  ],
  timeout: [503, 'work_too_slow', 'Dit duurde te lang en is gestopt. / This took too long and was stopped.'],
  memory: [413, 'board_too_large', 'Een sessie is te groot om zo te verwerken. / A session is too large.'],
} as const

/** The service's refusals and the pool's budget failures as the API's error shape. */
function route(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (error) {
      if (error instanceof HeavyWorkError) {
        const [status, code, message] = HEAVY_ANSWERS[error.reason]
        if (status === 503) res.setHeader('Retry-After', '60')
        throw new HttpError(status, code, message)
      }
      throw asHttpError(error)
    }
  }
}

export function communityRoutes(deps: CommunityRouteDeps): Router {
  const router = Router()
  const service = deps.communities

  async function withKey(req: Request) {
    const community = await loadCommunity(deps.store, req.params.id)
    requireCommunityKey(req, community)
    return community
  }

  router.post(
    '/communities',
    route(async (req, res) => {
      const body = parseBody(createCommunityBody, req)
      const { community, key } = await service.create(body)
      res.status(201).json({
        id: community.id,
        facilitatorKey: key,
        communityUrl: links.community(origin(req, deps.publicUrl), community.id, key),
      })
    }),
  )

  router.get(
    '/communities/:id',
    route(async (req, res) => {
      res.setHeader('Cache-Control', 'private, no-store')
      res.json(await service.page(await withKey(req)))
    }),
  )

  router.patch(
    '/communities/:id',
    route(async (req, res) => {
      const community = await withKey(req)
      const body = parseBody(updateCommunityBody, req)
      await service.update(community.id, body)
      res.json(await service.page(await loadCommunity(deps.store, community.id)))
    }),
  )

  router.post(
    '/communities/:id/key',
    route(async (req, res) => {
      const community = await withKey(req)
      const key = await service.rotateKey(community.id)
      res.json({
        facilitatorKey: key,
        communityUrl: links.community(origin(req, deps.publicUrl), community.id, key),
      })
    }),
  )

  router.post(
    '/communities/:id/sessions',
    route(async (req, res) => {
      const community = await withKey(req)
      const body = parseBody(createSessionBody, req)
      const { board, facilitatorKey, position } = await createNextSession(
        service,
        deps.templates,
        community.id,
        body,
      )
      const base = origin(req, deps.publicUrl)
      res.status(201).json({
        id: board.id,
        joinCode: board.joinCode,
        facilitatorKey,
        facilitatorUrl: links.facilitator(base, board.id, facilitatorKey),
        participantUrl: links.join(base, board.joinCode),
        viewerUrl: links.withToken(base, board.id, deps.boards.issueToken(board.id, 'viewer', 'Scherm')),
        position,
      })
    }),
  )

  // The community key makes its holder a facilitator of every session: a link to run one.
  router.post(
    '/communities/:id/sessions/:boardId/facilitator',
    route(async (req, res) => {
      const community = await withKey(req)
      const board = await loadBoard(deps.store, req.params.boardId)
      if ((await deps.store.communityOfBoard(board.id)) !== community.id)
        throw new HttpError(404, 'unknown_board', 'This board is not a session of this community.')
      const token = deps.boards.issueToken(board.id, 'facilitator', 'Begeleider')
      res
        .status(201)
        .json({ facilitatorUrl: links.withToken(origin(req, deps.publicUrl), board.id, token), token })
    }),
  )

  router.post(
    '/boards/:id/actions/:actionId/status',
    route(async (req, res) => {
      const board = await loadBoard(deps.store, req.params.id)
      const claims = await requireBoardToken(req, board.id, deps.boards)
      const actionId = String(req.params.actionId)
      if (!OBJECT_ID_PATTERN.test(actionId)) throw new HttpError(404, 'unknown_action', 'Not an action id.')
      const body = parseBody(actionStatusBody, req)
      const history = await setActionStatus(service, deps.rooms, {
        boardId: board.id,
        claims,
        actionId,
        status: body.status,
        note: body.note,
      })
      res.status(201).json({ history })
    }),
  )

  router.get(
    '/communities/:id/search',
    route(async (req, res) => {
      const query = parseQuery(communitySearchQuery, req)
      const community = await loadCommunity(deps.store, req.params.id)
      await requireSearchAccess(req, community, deps)
      res.setHeader('Cache-Control', 'private, no-store')
      res.json({ hits: await searchCommunity(service, community.id, query) })
    }),
  )

  // The Jaaroverzicht (communityReportRoutes.ts, mounted after this router) reads the stored
  // actions: they are brought up to date with the sessions' agreements first, as for the page.
  router.get('/communities/:id/report', async (req, _res, next) => {
    const community = await loadCommunity(deps.store, req.params.id).catch(() => null)
    if (community && hasCommunityKey(req, community)) {
      try {
        await service.syncedSummaries(community.id, await service.sessions(community.id))
      } catch (error) {
        // A full pool: the report itself answers (busy) with the actions as stored.
        if (!(error instanceof HeavyWorkError)) throw error
      }
    }
    next()
  })

  router.get(
    '/communities/:id/export',
    route(async (req, res) => {
      const community = await withKey(req)
      const data = await exportCommunity(service, community, deps.backup)
      res.setHeader('Cache-Control', 'private, no-store')
      res.setHeader('Content-Disposition', `attachment; filename="gemeenschap-${community.id}.json"`)
      res.json(data)
    }),
  )

  router.delete(
    '/communities/:id',
    route(async (req, res) => {
      const community = await withKey(req)
      const body = parseBody(deleteCommunityBody, req)
      if (body.confirm !== community.name)
        throw new HttpError(400, 'confirm_mismatch', 'confirm must be the name of the community.')
      res.json({ deletedSessions: await service.delete(community.id) })
    }),
  )

  return router
}
