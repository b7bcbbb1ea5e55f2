import { tokenProtocols } from '../../../shared/src/syncToken'

/**
 * What every WebsocketProvider of the app is given: the token travels in the subprotocol header
 * (shared/src/syncToken.ts), so the socket's address carries none and proxies do not log it; and
 * no cross-tab shortcut, so "Verbonden" means the server has our changes.
 */
export function providerOptions(token: string): { protocols: string[]; disableBc: true } {
  return { protocols: tokenProtocols(token), disableBc: true }
}
