import { Router } from 'express'
import { suggestBody } from '../../../shared/src/api'
import { contentRoom, controlRoom } from '../../../shared/src/rooms'
import type { BoardService } from '../boards/boardService'
import type { Persistence } from '../persistence/types'
import type { HeavyWork } from '../work/heavyWork'
import { loadBoard, requireFacilitatorAccess } from './boardAuth'
import { HttpError, parseBody } from './errors'
import { runHeavy } from './heavyWorkAnswers'

export interface SuggestRouteDeps {
  boards: BoardService
  store: Persistence
  heavyWork: HeavyWork
}

const REFUSAL_STATUS = { unknown_zone: 404, zone_locked: 409 } as const

/**
 * "Stel groepen voor" (issue 20, docs/api.md "Grouping suggestions"): facilitators only. The
 * board's notes are read from storage and clustered in the heavy-work pool; nothing leaves the
 * server and nothing on the board changes: the facilitator decides what becomes a group.
 */
export function suggestRoutes(deps: SuggestRouteDeps): Router {
  const router = Router()

  router.post('/boards/:id/suggestions', async (req, res) => {
    const board = await loadBoard(deps.store, req.params.id)
    await requireFacilitatorAccess(req, board, deps.boards)
    const { zoneId } = parseBody(suggestBody, req)
    const [content, control] = await Promise.all([
      deps.store.loadRoom(contentRoom(board.id)),
      deps.store.loadRoom(controlRoom(board.id)),
    ])
    const input = { board: { content, control }, zoneId }
    const result = await runHeavy(deps.heavyWork, res, 'suggestGroups', input, board.id)
    if (!result.ok) throw new HttpError(REFUSAL_STATUS[result.code], result.code, result.message)
    res.setHeader('Cache-Control', 'private, no-store')
    res.json(result.suggestion)
  })

  return router
}
