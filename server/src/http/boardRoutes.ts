import { type Request, Router } from 'express'
import { z } from 'zod'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import { LANGUAGES } from '../../../shared/src/model/meta'
import { ROLES } from '../../../shared/src/roles'
import { bearerFrom, facilitatorKeyMatches } from '../auth/facilitatorKey'
import type { TokenService } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import { joinState } from '../boards/joining'
import type { TemplateService } from '../boards/templateService'
import type { BoardStore } from '../persistence/types'
import { loadBoard, requireAccess, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseBody } from './errors'

const nameSchema = z.string().trim().min(1, 'name is required').max(60, 'name is at most 60 characters')

const createBoardBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'title is required')
    .max(200, 'title is at most 200 characters')
    // The title is stored as text: PostgreSQL refuses NUL characters in it (with a 500).
    .refine((title) => !title.includes('\u0000'), 'title must not contain NUL characters'),
  templateId: z.string().max(64).default('leeg'),
  language: z.enum(LANGUAGES).default('nl'),
})

const tokenBody = z.strictObject({ role: z.enum(ROLES), name: nameSchema })

export interface BoardRouteDeps {
  boards: BoardService
  store: BoardStore
  tokens: TokenService
  templates: TemplateService
  publicUrl: string | null
}

/** Links are built from PUBLIC_URL when set (behind a proxy), else from the request itself. */
function origin(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`
}

export function boardRoutes(deps: BoardRouteDeps): Router {
  const router = Router()

  router.post('/boards', async (req, res) => {
    const body = parseBody(createBoardBody, req)
    const template = await deps.templates.resolve(body.templateId)
    if (!template) throw new HttpError(400, 'unknown_template', `There is no template "${body.templateId}".`)
    const { board, facilitatorKey } = await deps.boards.createBoard({ ...body, template })
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
  })

  // POST /join and the join code's control are in joinRoutes.ts.

  router.post('/boards/:id/tokens', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    const key = bearerFrom(req.get('authorization'))
    if (!key || !facilitatorKeyMatches(key, board.facilitatorKeyHash)) {
      throw new HttpError(
        401,
        'unauthorized',
        'A valid facilitator key is required (Authorization: Bearer <key>).',
      )
    }
    const body = parseBody(tokenBody, req)
    res.status(201).json({ token: deps.boards.issueToken(board.id, body.role, body.name) })
  })

  router.get('/boards/:id', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    const claims = await requireAccess(req, board, deps.boards)
    const base = origin(req, deps.publicUrl)
    const joining = joinState(board)
    res.json({
      id: board.id,
      title: board.title,
      language: board.language,
      templateId: board.templateId,
      role: claims.role,
      participantId: claims.participantId,
      name: claims.name,
      ...joining,
      participantUrl: `${base}/j/${joining.joinCode}`,
      ...(claims.role === 'facilitator'
        ? { viewerUrl: `${base}/b/${board.id}#token=${deps.boards.issueToken(board.id, 'viewer', 'Scherm')}` }
        : {}),
    })
  })

  router.delete('/boards/:id', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    await deps.boards.deleteBoard(board.id)
    res.status(204).end()
  })

  router.post('/boards/:id/participants/:participantId/revoke', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    const participantId = String(req.params.participantId)
    if (!OBJECT_ID_PATTERN.test(participantId))
      throw new HttpError(400, 'invalid_participant', 'Not a participant id.')
    await deps.boards.revokeParticipant(board.id, participantId)
    res.status(204).end()
  })

  // A leaked facilitator link: a new key, and every facilitator token issued before stops working.
  router.post('/boards/:id/key', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    const facilitatorKey = await deps.boards.rotateFacilitatorKey(board.id)
    const name = deps.tokens.verify(bearerFrom(req.get('authorization')))?.name ?? 'Begeleider'
    res.json({
      facilitatorKey,
      facilitatorUrl: `${origin(req, deps.publicUrl)}/b/${board.id}#key=${facilitatorKey}`,
      token: deps.boards.issueToken(board.id, 'facilitator', name),
    })
  })

  return router
}
