import { afterEach } from 'vitest'
import { startTestServer, type TestServer } from './testServer'
import { connectClient, type YClient } from './yclient'

/**
 * A test server and y-websocket clients for one `describe` block, cleaned up after every test.
 * Call it at the top of a describe; `start` in each test that needs a server.
 */
export function serverHarness() {
  let current: TestServer | undefined
  const clients: YClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await current?.close().catch(() => {})
    current = undefined
  })
  return {
    async start(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
      current = await startTestServer(options)
      return current
    },
    /** Stops the server and starts a new one on the same data (a restart). */
    async restart(): Promise<TestServer> {
      const dataDir = this.server.dataDir
      await this.server.close()
      current = await startTestServer({ dataDir })
      return current
    },
    get server(): TestServer {
      if (!current) throw new Error('start() the test server first')
      return current
    },
    /** A client of the current server, destroyed after the test. */
    connect(room: string, token: string): YClient {
      const client = connectClient(this.server.wsUrl, room, token)
      clients.push(client)
      return client
    },
  }
}

/** The close code of the client's next closed connection. */
export function nextCloseCode(client: YClient): Promise<number> {
  return new Promise((resolve) =>
    client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
  )
}
