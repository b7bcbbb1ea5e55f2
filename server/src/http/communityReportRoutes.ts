import { type Request, type Response, Router } from 'express'
import { z } from 'zod'
import { isBoardId } from '../../../shared/src/ids'
import { bearerFrom, facilitatorKeyMatches } from '../auth/facilitatorKey'
import { yearReportInput } from '../community/yearReportInput'
import type { CommunityRecord } from '../persistence/communityTypes'
import type { Persistence } from '../persistence/types'
import { YEAR_REPORT_FORMATS } from '../report/yearReport'
import type { HeavyWork } from '../work/heavyWork'
import { HttpError, parseQuery } from './errors'
import { refuseWhenFull, runHeavy } from './heavyWorkAnswers'

/**
 * The community's Jaaroverzicht (issue 19):
 *   GET /api/communities/:id/report?format=md|html|docx|pdf    (Authorization: Bearer <communityKey>)
 * Built and rendered in the pool from the sessions' stored documents, the actions and their
 * status history. Mounted under /api by app.ts.
 */

export interface CommunityReportRouteDeps {
  store: Persistence
  heavyWork: HeavyWork
  /** IANA zone of the dates in the report (the verslag's default). */
  timeZone?: string
  /** "Now" for the report's date stamp (tests). */
  now?: () => number
}

/** Downloaded HTML holds other people's text: never run anything, even when opened inline. */
const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

const reportQuery = z.object({
  format: z.enum(YEAR_REPORT_FORMATS, { message: `format must be one of ${YEAR_REPORT_FORMATS.join(', ')}` }),
})

/** The community, when the request holds its key: 404 for an unknown id, 401 without the key. */
async function authorizedCommunity(store: Persistence, req: Request): Promise<CommunityRecord> {
  const id = req.params.id
  const community = typeof id === 'string' && isBoardId(id) ? await store.getCommunity(id) : null
  if (!community) throw new HttpError(404, 'unknown_community', 'There is no community with this id.')
  const key = bearerFrom(req.get('authorization'))
  if (key === null || !facilitatorKeyMatches(key, community.facilitatorKeyHash))
    throw new HttpError(401, 'unauthorized', 'The community key is required (Authorization: Bearer <key>).')
  return community
}

export function communityReportRoutes(deps: CommunityReportRouteDeps): Router {
  const router = Router()

  router.get('/communities/:id/report', async (req: Request, res: Response) => {
    const query = parseQuery(reportQuery, req)
    const community = await authorizedCommunity(deps.store, req)
    // Queued per community with its summaries (server.ts), like a board's reports: one at a time, two waiting.
    const queue = `community:${community.id}`
    refuseWhenFull(deps.heavyWork, res, queue)
    const input = await yearReportInput(deps.store, community, {
      format: query.format,
      now: deps.now?.() ?? Date.now(),
      timeZone: deps.timeZone ?? 'Europe/Amsterdam',
    })
    const report = await runHeavy(deps.heavyWork, res, 'yearReport', input, queue)
    res.setHeader('Content-Type', report.contentType)
    res.setHeader('Content-Disposition', `attachment; filename="${report.filename}"`)
    res.setHeader('Cache-Control', 'private, no-store')
    if (query.format === 'html') res.setHeader('Content-Security-Policy', DOWNLOAD_CSP)
    res.send(Buffer.from(report.body.buffer, report.body.byteOffset, report.body.byteLength))
  })

  return router
}
