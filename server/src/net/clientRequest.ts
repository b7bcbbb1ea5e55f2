import type { IncomingMessage } from 'node:http'

/**
 * What the server reads from a raw HTTP request, for the API (http/) and the socket upgrade (sync/)
 * alike: kept apart from both, so neither folder imports the other for it.
 */

/**
 * The client's address for rate limits. Behind a proxy (TRUST_PROXY=true) it is the last address
 * the proxy appended to X-Forwarded-For; never the first, which the client can write itself.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const direct = request.socket.remoteAddress ?? 'unknown'
  if (!trustProxy) return direct
  const forwarded = request.headers['x-forwarded-for']
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',')
  const last = list
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1)
  return last ?? direct
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
