import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import { clientAddress } from './clientAddress'

/**
 * Browser-facing protections. The CSP allows only our own origin: no inline scripts, no
 * third-party hosts. Inline style *attributes* are allowed because the canvas overlays (note
 * editor, toolbars) are positioned with style="…"; style elements are not.
 * No CORS headers are ever sent, so other sites cannot call the API from a browser.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // Plain http on a local network must keep working (no forced upgrade, no HSTS by default).
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
}

/**
 * May a browser page from `Origin` open a socket? Same origin, PUBLIC_URL, or an allowed origin.
 * Requests without Origin (scripts, native apps) are not browsers' cross-site requests; their
 * token decides.
 */
export function originAllowed(
  request: IncomingMessage,
  publicUrl: string | null,
  allowed: readonly string[],
): boolean {
  const origin = request.headers.origin
  if (!origin) return true
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return false
  }
  if (host === request.headers.host) return true
  if (publicUrl && origin === new URL(publicUrl).origin) return true
  return allowed.includes(origin)
}

/** A rate limit answering in the API's error shape. */
export function limiter(options: {
  windowMs: number
  limit: number
  trustProxy: boolean
  code: string
  message: string
  skipSuccessfulRequests?: boolean
}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    // IPv6 clients are grouped per /56, as one household or office usually is.
    keyGenerator: (req) => ipKeyGenerator(clientAddress(req, options.trustProxy)),
    handler: (_req, res) => {
      res.status(429).json({ error: { code: options.code, message: options.message } })
    },
  })
}
