import { type Request, Router } from 'express'
import { createBoardBody, links, tokenBody } from '../../../shared/src/api'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import { bearerFrom, facilitatorKeyMatches } from '../auth/facilitatorKey'
import type { TokenService } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import { joinState } from '../boards/joining'
import type { TemplateService } from '../boards/templateService'
import type { BoardStore } from '../persistence/types'
import { loadBoard, requireAccess, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseBody } from './errors'

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
      facilitatorUrl: links.facilitator(base, board.id, facilitatorKey),
      participantUrl: links.join(base, board.joinCode),
      viewerUrl: links.withToken(base, board.id, viewerToken),
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
      participantUrl: links.join(base, joining.joinCode),
      ...(claims.role === 'facilitator'
        ? { viewerUrl: links.withToken(base, board.id, deps.boards.issueToken(board.id, 'viewer', 'Scherm')) }
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
      facilitatorUrl: links.facilitator(origin(req, deps.publicUrl), board.id, facilitatorKey),
      token: deps.boards.issueToken(board.id, 'facilitator', name),
    })
  })

  return router
}
