import WebSocket from 'ws'

/**
 * The HTTP status a WebSocket upgrade to `url` gets: the refusal's status (401, 403, 429 …), 101
 * when the socket opened (it is closed again at once), 0 when the connection broke.
 */
export function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, options)
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('error', () => resolve(0))
  })
}

/** The same for one room of a server, with a token. */
export function roomUpgradeStatus(server: { wsUrl: string }, room: string, token: string): Promise<number> {
  return upgradeStatus(`${server.wsUrl}/${room}?token=${encodeURIComponent(token)}`)
}
