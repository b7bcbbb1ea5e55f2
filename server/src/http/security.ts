import express, { type Request, type RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import { normalizeJoinCode } from '../../../shared/src/joinCode'
import { clientAddress } from '../net/clientRequest'

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

/** A rate limit answering in the API's error shape. */
export function limiter(options: {
  windowMs: number
  limit: number
  trustProxy: boolean
  code: string
  message: string
  skipSuccessfulRequests?: boolean
  skipFailedRequests?: boolean
  /** Added to the client address in the key (e.g. the join code and name). */
  keyExtra?: (req: Request) => string
}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    skipFailedRequests: options.skipFailedRequests ?? false,
    // IPv6 clients are grouped per /56, as one household or office usually is.
    keyGenerator: (req) =>
      `${ipKeyGenerator(clientAddress(req, options.trustProxy))}${options.keyExtra ? ` ${options.keyExtra(req)}` : ''}`,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: options.code, message: options.message } })
    },
  })
}

/** The body field `field` as a short key part (anything odd counts as one and the same value). */
function bodyField(req: Request, field: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[field]
  return typeof value === 'string' ? value.trim().toLowerCase().slice(0, 60) : '?'
}

function codeOf(req: Request): string {
  const value = (req.body as Record<string, unknown> | undefined)?.joinCode
  return (typeof value === 'string' && normalizeJoinCode(value)) || '?'
}

/**
 * Rate limits of POST /api/join. A school or office behind one address must not be locked out by
 * one person's typos, so wrong codes count per address and name; a much higher count per address
 * alone still stops someone guessing codes under ever new names (10 × 20 guesses per 10 minutes
 * against 23^6 codes). Successful joins are limited per address and code, high enough for a class
 * joining at once (a returning browser is the same participant anyway, see boards/joining.ts).
 * The body is parsed here (small: 4 kB) because the keys come from it.
 */
export function joinLimits(
  trustProxy: boolean,
  limits: { joinFailuresPer10Min: number; joinsPerMinute: number },
): RequestHandler[] {
  const tenMinutes = 10 * 60_000
  const message = 'Too many wrong join codes. Wait ten minutes and try again.'
  return [
    express.json({ limit: '4kb' }),
    limiter({
      windowMs: tenMinutes,
      limit: limits.joinFailuresPer10Min * 20,
      trustProxy,
      skipSuccessfulRequests: true,
      code: 'too_many_attempts',
      message,
    }),
    limiter({
      windowMs: tenMinutes,
      limit: limits.joinFailuresPer10Min,
      trustProxy,
      skipSuccessfulRequests: true,
      keyExtra: (req) => `name ${bodyField(req, 'name')}`,
      code: 'too_many_attempts',
      message,
    }),
    limiter({
      windowMs: 60_000,
      limit: limits.joinsPerMinute,
      trustProxy,
      skipFailedRequests: true,
      keyExtra: (req) => `code ${codeOf(req)}`,
      code: 'too_many_joins',
      message: 'Too many people joined with this code from this address just now. Wait a minute.',
    }),
  ]
}
