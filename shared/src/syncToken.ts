/**
 * How a client hands its token to the sync server: in the WebSocket subprotocol header
 * (`Sec-WebSocket-Protocol: oogst, oogst.token.<token>`), not in the address. Addresses end up in
 * proxy and access logs; this header normally does not. The server answers with `oogst` only,
 * never echoing the token. `?token=` in the address still works for third-party clients
 * (docs/api.md), but is discouraged.
 */

export const SYNC_SUBPROTOCOL = 'oogst'
const TOKEN_PREFIX = `${SYNC_SUBPROTOCOL}.token.`

/** The protocols a client offers: Oogst's own, and the token. */
export function tokenProtocols(token: string): string[] {
  return [SYNC_SUBPROTOCOL, `${TOKEN_PREFIX}${token}`]
}

/** The token in an offered protocol list (already split, as the ws library does), or null. */
export function tokenFromProtocols(protocols: Iterable<string>): string | null {
  for (const protocol of protocols) {
    if (protocol.startsWith(TOKEN_PREFIX) && protocol.length > TOKEN_PREFIX.length) {
      return protocol.slice(TOKEN_PREFIX.length)
    }
  }
  return null
}

/** Splits a `Sec-WebSocket-Protocol` header into the offered protocols. */
export function offeredProtocols(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '')
  return joined
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.length > 0)
}
