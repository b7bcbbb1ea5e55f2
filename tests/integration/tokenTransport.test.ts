import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { providerOptions } from '../../client/src/sync/providerOptions'
import { SYNC_SUBPROTOCOL, tokenProtocols } from '../../shared/src/syncToken'
import { serverHarness } from '../helpers/harness'
import { createBoard, tokenFor } from '../helpers/testServer'
import { connectClient, type YClient } from '../helpers/yclient'

/**
 * Issue 16, F12: the app hands its token to the sync server in the WebSocket subprotocol header,
 * so it never appears in an address a proxy writes to its log. The `?token=` form keeps working for
 * third-party clients. Every connection goes through a small proxy that logs request lines, as a
 * reverse proxy in front of Oogst would.
 */
describe('sync tokens travel in a header, not in the address', () => {
  const harness = serverHarness()
  const cleanup: (() => void)[] = []
  afterEach(() => {
    for (const step of cleanup.splice(0)) step()
  })

  /** A TCP proxy to the server that logs each request line (method, address, version). */
  async function loggingProxy(target: URL): Promise<{ wsUrl: string; lines: string[] }> {
    const lines: string[] = []
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname)
      client.once('data', (head) => lines.push(head.toString('latin1').split('\r\n')[0] ?? ''))
      client.pipe(upstream).pipe(client)
      client.on('error', () => upstream.destroy())
      upstream.on('error', () => client.destroy())
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => proxy.close())
    const { port } = proxy.address() as net.AddressInfo
    return { wsUrl: `ws://127.0.0.1:${port}/sync`, lines }
  }

  /** Connects with the app's own provider options (client/src/sync/providerOptions.ts). */
  function connectLikeTheApp(wsUrl: string, room: string, token: string): YClient {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(wsUrl, room, doc, {
      ...providerOptions(token),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    })
    const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    const destroy = () => {
      provider.destroy()
      doc.destroy()
    }
    const client = { doc, provider, synced, destroy }
    cleanup.push(client.destroy)
    return client
  }

  it("connects the app's client without a token in the address; the server answers 'oogst'", async () => {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Tokens')
    const token = await tokenFor(server.url, board, 'participant', 'Anna')
    const proxy = await loggingProxy(new URL(server.url))

    const app = connectLikeTheApp(proxy.wsUrl, board.id, token)
    await app.synced
    expect(app.provider.url).not.toContain('token')
    expect((app.provider.ws as unknown as WebSocket).protocol).toBe(SYNC_SUBPROTOCOL)
    expect(proxy.lines).toEqual([`GET /sync/${board.id} HTTP/1.1`])
    expect(proxy.lines.join('\n')).not.toContain(token.slice(3, 40))

    // A third-party client with `?token=` still works, and shows why it is discouraged.
    const thirdParty = connectClient(proxy.wsUrl, board.id, token)
    cleanup.push(thirdParty.destroy)
    await thirdParty.synced
    expect(proxy.lines[1]).toContain(encodeURIComponent(token))
  })

  it('refuses a wrong token in the header like one in the address (401, no socket)', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Tokens')
    const token = await tokenFor(server.url, board, 'participant', 'Anna')
    const status = (protocols: string[]) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.wsUrl}/${board.id}`, protocols)
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
        socket.on('open', () => {
          resolve(101)
          socket.close()
        })
        socket.on('error', () => {})
      })
    expect(await status(tokenProtocols(`${token}x`))).toBe(401)
    expect(await status([SYNC_SUBPROTOCOL])).toBe(401)
    expect(await status(tokenProtocols(token))).toBe(101)
  })
})
