import { type Request, Router } from 'express'
import {
  groupsBody,
  hideBody,
  insightBody,
  readyBody,
  revealBody,
  roleBody,
  timerBody,
  voteBody,
  votersQuery,
  votingBody,
} from '../../../shared/src/api'
import { OBJECT_ID_PATTERN } from '../../../shared/src/ids'
import type { TokenClaims, TokenService } from '../auth/tokens'
import type { BoardService } from '../boards/boardService'
import type { BoardRecord, BoardStore } from '../persistence/types'
import type { SessionService } from '../session/sessionService'
import { SessionError } from '../session/timerActions'
import { loadBoard, requireAccess, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseBody, parseQuery } from './errors'

export interface SessionRouteDeps {
  session: SessionService
  boards: BoardService
  store: BoardStore
  tokens: TokenService
}

/** Statuses other than 409 (not now / not allowed by the rules) for a few session errors. */
const SESSION_STATUS: Record<string, number> = {
  unknown_round: 404,
  unknown_vote: 404,
  unknown_note: 404,
  unknown_group: 404,
  unknown_person: 404,
  vote_anonymous: 403,
}

/** Session errors are the client's to fix. */
function asHttp(error: unknown): never {
  if (error instanceof SessionError)
    throw new HttpError(SESSION_STATUS[error.code] ?? 409, error.code, error.message)
  throw error
}

/**
 * The facilitation endpoints (docs/api.md, "Facilitation (session) API"). Each handler: AUTH
 * (who), VALIDATION (body), RESOLUTION (the session service writes the documents).
 */
export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = Router()
  const facilitator = async (req: Request): Promise<BoardRecord> => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    return board
  }
  /** Participants and facilitators; viewers watch only. */
  const member = async (req: Request): Promise<{ board: BoardRecord; claims: TokenClaims }> => {
    const board = await loadBoard(deps.store, req.params.id)
    const claims = await requireAccess(req, board, deps.boards)
    if (claims.role === 'viewer') throw new HttpError(403, 'forbidden', 'Viewers can only watch.')
    return { board, claims }
  }
  const param = (req: Request, name: string): string => {
    const value = String(req.params[name])
    if (!OBJECT_ID_PATTERN.test(value)) throw new HttpError(404, 'not_found', `Unknown ${name}.`)
    return value
  }

  router.get('/time', (_req, res) => {
    res.json({ now: Date.now() })
  })

  router.post('/boards/:id/session', async (req, res) => {
    const board = await facilitator(req)
    const body = parseBody(timerBody, req)
    res.json({ timer: await deps.session.timer(board.id, body).catch(asHttp) })
  })

  router.post('/boards/:id/ready', async (req, res) => {
    const { board, claims } = await member(req)
    const body = parseBody(readyBody, req)
    await deps.session.ready(board.id, claims.participantId, body.ready).catch(asHttp)
    res.status(204).end()
  })

  router.post('/boards/:id/voting', async (req, res) => {
    const board = await facilitator(req)
    const body = parseBody(votingBody, req)
    if (body.action === 'close') {
      res.json({ results: await deps.session.closeVoting(board.id) })
      return
    }
    const { action: _action, ...request } = body
    res.json({ voting: await deps.session.openVoting(board.id, request) })
  })

  router.post('/boards/:id/votes', async (req, res) => {
    const { board, claims } = await member(req)
    const body = parseBody(voteBody, req)
    const voter = { participantId: claims.participantId, name: claims.name }
    res.json(await deps.session.vote(board.id, voter, body.noteId, body.delta).catch(asHttp))
  })

  router.get('/boards/:id/votes/mine', async (req, res) => {
    const { board, claims } = await member(req)
    res.json(await deps.session.myVotes(board.id, claims.participantId))
  })

  // Facilitators only, and only for named votes: the server refuses anonymous ones (403).
  router.get('/boards/:id/votes/voters', async (req, res) => {
    const board = await facilitator(req)
    const query = parseQuery(votersQuery, req)
    res.json(await deps.session.voters(board.id, query.voteId).catch(asHttp))
  })

  router.get('/boards/:id/drafts', async (req, res) => {
    const board = await facilitator(req)
    res.json(await deps.session.drafts(board.id))
  })

  router.patch('/boards/:id/drafts/:participantId/:noteId', async (req, res) => {
    const board = await facilitator(req)
    const body = parseBody(hideBody, req)
    await deps.session
      .moderate(board.id, param(req, 'participantId'), param(req, 'noteId'), body)
      .catch(asHttp)
    res.status(204).end()
  })

  router.delete('/boards/:id/drafts/:participantId/:noteId', async (req, res) => {
    const board = await facilitator(req)
    await deps.session
      .moderate(board.id, param(req, 'participantId'), param(req, 'noteId'), 'remove')
      .catch(asHttp)
    res.status(204).end()
  })

  router.post('/boards/:id/reveal', async (req, res) => {
    const board = await facilitator(req)
    const body = parseBody(revealBody, req)
    res.json({ revealed: await deps.session.reveal(board.id, body.anonymous).catch(asHttp) })
  })

  router.post('/boards/:id/participants/:participantId/role', async (req, res) => {
    const board = await facilitator(req)
    const body = parseBody(roleBody, req)
    await deps.session.setRole(board.id, param(req, 'participantId'), body.role)
    res.status(204).end()
  })

  // Groups of people in a group step (issue 18; docs/api.md, "Groups").
  router.post('/boards/:id/groups', async (req, res) => {
    const board = await facilitator(req)
    const body = parseBody(groupsBody, req)
    const step = await deps.session
      .groupAction(board.id, (groups) => {
        switch (body.action) {
          case 'move':
            return groups.move(board.id, body.participantId, body.groupId)
          case 'remove':
            return groups.remove(board.id, body.participantId)
          case 'keepApart':
            return groups.setKeepApart(board.id, body.value)
          case 'inbrenger':
            return groups.chooseInbrenger(board.id, body.groupId, body.participantId)
        }
      })
      .catch(asHttp)
    res.json({ step })
  })

  router.post('/boards/:id/groups/insight', async (req, res) => {
    const { board, claims } = await member(req)
    const body = parseBody(insightBody, req)
    await deps.session
      .groupAction(board.id, (groups) => groups.markInsight(board.id, claims.participantId, body.noteId))
      .catch(asHttp)
    res.status(204).end()
  })

  // The Prullenbak: deleted notes, for facilitators to put back (docs/api.md, "Prullenbak").
  router.get('/boards/:id/trash', async (req, res) => {
    const board = await facilitator(req)
    res.json({ notes: await deps.session.trash(board.id) })
  })

  router.post('/boards/:id/trash/:noteId/restore', async (req, res) => {
    const board = await facilitator(req)
    await deps.session.restore(board.id, param(req, 'noteId')).catch(asHttp)
    res.status(204).end()
  })

  return router
}
