import { type Request, Router } from 'express'
import { deviceLinkBody, joinBody, joiningBody, links } from '../../../shared/src/api'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import type { TokenService } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import { Joining, type JoinState } from '../boards/joining'
import type { BoardStore } from '../persistence/types'
import { loadBoard, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseBody } from './errors'

/** Refusals of /join; the client shows each code in the person's language. */
const REFUSALS = {
  unknown_join_code: [404, 'There is no board with this join code (it may have been changed).'],
  joining_closed: [403, 'The facilitator has closed joining for this board.'],
  participant_removed: [403, 'You were removed from this board. Ask the facilitator to let you back in.'],
} as const

export interface JoinRouteDeps {
  boards: BoardService
  store: BoardStore
  tokens: TokenService
  publicUrl: string | null
}

function origin(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`
}

function participantId(req: Request): string {
  const id = String(req.params.participantId)
  if (!OBJECT_ID_PATTERN.test(id)) throw new HttpError(400, 'invalid_participant', 'Not a participant id.')
  return id
}

/** Joining by code, and the facilitator's control over it (rotate, close, let back in). */
export function joinRoutes(deps: JoinRouteDeps): Router {
  const router = Router()
  const joining = new Joining(deps.store, deps.tokens)
  const stateJson = (req: Request, state: JoinState) => ({
    ...state,
    participantUrl: links.join(origin(req, deps.publicUrl), state.joinCode),
  })

  router.post('/join', async (req, res) => {
    const body = parseBody(joinBody, req)
    const outcome = await joining.check(body.joinCode, body.device)
    if (!outcome.ok) {
      const [status, message] = REFUSALS[outcome.reason]
      throw new HttpError(status, outcome.reason, message)
    }
    const { board } = outcome
    res.json({
      boardId: board.id,
      participantId: outcome.participantId,
      token: deps.boards.issueToken(board.id, 'participant', body.name, outcome.participantId),
      role: 'participant',
    })
  })

  // A new code: old links and QR codes stop working; people already in keep their access.
  router.post('/boards/:id/join-code', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    res.json(stateJson(req, await joining.rotateCode(board)))
  })

  router.post('/boards/:id/joining', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    const body = parseBody(joiningBody, req)
    res.json(stateJson(req, await joining.setOpen(board, body.open)))
  })

  router.get('/boards/:id/participants/removed', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    res.json({ participantIds: await deps.store.revokedParticipants(board.id) })
  })

  // "Weer toelaten": their browser can join again and their old token works again.
  router.post('/boards/:id/participants/:participantId/allow', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    await deps.store.allowParticipant(board.id, participantId(req))
    res.status(204).end()
  })

  // A person on a new device: the facilitator hands them a link that is that same participant
  // (same id, so the same dots). It is an ordinary participant token; revoking them ends it.
  router.post('/boards/:id/participants/:participantId/link', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    const id = participantId(req)
    const body = parseBody(deviceLinkBody, req)
    if (await deps.store.isRevoked(board.id, id))
      throw new HttpError(409, 'participant_removed', 'Let this person back in first.')
    const token = deps.boards.issueToken(board.id, 'participant', body.name, id)
    res.status(201).json({ url: links.withToken(origin(req, deps.publicUrl), board.id, token) })
  })

  return router
}
