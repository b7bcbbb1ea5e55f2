import type { NextFunction, Request, Response } from 'express'
import { HttpError } from './errors'

/**
 * Every API request that carries data must say it is JSON (issue 16, F9). A browser sends
 * `text/plain`, form and multipart bodies cross-site without asking the server first (a "simple"
 * request, e.g. `fetch(url, { mode: 'no-cors', method: 'POST', body })`); `application/json`
 * needs a CORS preflight, which this server never grants. So refusing every other content type
 * means no other site can make a visitor's browser create templates or boards here. Requests
 * without a body and without a content type (DELETE, body-less actions) pass: they carry no data.
 */

/** What the JSON parsers read (a charset parameter is fine; they check it). */
const JSON_TYPE = /^application\/json\s*(?:;|$)/i
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function hasBody(req: Request): boolean {
  const length = req.headers['content-length']
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/** Whether a request with this method and these headers carries data that is not declared JSON. */
function undeclaredBody(req: Request): boolean {
  if (!WITH_BODY.has(req.method)) return false
  const type = req.headers['content-type']
  if (type === undefined) return hasBody(req)
  return !JSON_TYPE.test(type)
}

export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  if (!undeclaredBody(req)) {
    next()
    return
  }
  const type = req.headers['content-type']
  throw new HttpError(
    415,
    'unsupported_media_type',
    `Send the request body as JSON with "Content-Type: application/json" (got ${type ? `"${type.slice(0, 100)}"` : 'none'}).`,
  )
}
