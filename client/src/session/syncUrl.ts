/** The WebSocket base address of this server (same host, `ws:` or `wss:` like the page). */
export function syncUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}
