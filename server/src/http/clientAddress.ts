import type { IncomingMessage } from 'node:http'

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
