import type { ErrorRequestHandler, Request } from 'express'
import type { z } from 'zod'

/** An error with a status and a stable code; rendered as `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Validates a request body, turning zod issues into one readable 400 message. */
export function parseBody<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const result = schema.safeParse(req.body)
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ')
    throw new HttpError(400, 'invalid_body', details)
  }
  return result.data
}

/** Validates a query string like a body; its errors are `400 invalid_query`. */
export function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const result = schema.safeParse(req.query)
  if (result.success) return result.data
  const message = result.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`)
  throw new HttpError(400, 'invalid_query', message.join('; '))
}

/**
 * Last middleware: every failure becomes the JSON error shape. Body-parser errors carry their own
 * status (400 bad JSON, 413 too large); anything unexpected is a 500 that reveals nothing inside.
 */
export function errorHandler(log: (message: string, error?: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } })
      return
    }
    const status = typeof error?.status === 'number' ? error.status : 500
    if (status === 400 && error?.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'bad_json', message: 'The request body is not valid JSON.' } })
      return
    }
    if (status === 413) {
      res.status(413).json({ error: { code: 'body_too_large', message: 'The request body is too large.' } })
      return
    }
    if (status >= 400 && status < 500) {
      res
        .status(status)
        .json({ error: { code: 'bad_request', message: String(error?.message ?? 'Bad request') } })
      return
    }
    log('unhandled error in HTTP handler', error)
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on the server.' } })
  }
}
