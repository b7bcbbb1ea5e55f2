import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import './probe'

/**
 * Shared start/stop for the wrapper servers (reference y-websocket server, Hocuspocus, raw relay):
 * listen on 127.0.0.1 (PORT, default 0), print the line the orchestrator waits for, and stop on
 * SIGTERM/SIGINT after `beforeExit` (flushing storage) has run.
 */
export function announce(
  server: http.Server,
  name: string,
  beforeExit: () => Promise<void> = async () => {},
) {
  const port = Number(process.env.PORT ?? 0)
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as AddressInfo
    process.stdout.write(`${name} listening on http://127.0.0.1:${address.port}\n`)
  })
  handleStop(async () => {
    server.closeAllConnections()
    server.close()
    await beforeExit()
  })
}

export function handleStop(stop: () => Promise<void>): void {
  let stopping = false
  const onSignal = () => {
    if (stopping) return
    stopping = true
    const force = setTimeout(() => process.exit(0), 5000)
    force.unref()
    stop()
      .catch((error) => process.stderr.write(`stop failed: ${String(error)}\n`))
      .finally(() => process.exit(0))
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}

/** The room of a request: the URL path without the leading slash and the query. */
export function roomOf(url: string | undefined): string {
  return decodeURIComponent((url ?? '/').slice(1).split('?')[0] ?? '')
}
