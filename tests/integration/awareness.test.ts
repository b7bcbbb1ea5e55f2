import { describe, expect, it } from 'vitest'
import { sendOwnPresenceOnly } from '../../client/src/sync/ownPresenceOnly'
import { serverHarness } from '../helpers/harness'
import { readMetric } from '../helpers/metrics'
import { createBoard, tokenFor } from '../helpers/testServer'
import { sleep, waitFor, type YClient } from '../helpers/yclient'

/**
 * Presence (cursors) in a full room. The stock y-websocket client relays every change it receives
 * back to the server, so in a room of 40 each socket carries 39 echoes for every own move: the
 * per-socket awareness limit must count only the socket's own entries, or people's own cursor
 * moves are dropped once a room passes about 30 people. A socket flooding its own presence is
 * still limited.
 */

type Change = { added: number[]; updated: number[] }

async function room(harness: ReturnType<typeof serverHarness>, size: number): Promise<YClient[]> {
  const server = await harness.start()
  const board = await createBoard(server.url)
  const clients: YClient[] = []
  for (let i = 0; i < size; i++)
    clients.push(harness.connect(board.id, await tokenFor(server.url, board, 'participant', `p${i}`)))
  await Promise.all(clients.map((client) => client.synced))
  for (const client of clients) client.provider.awareness.setLocalStateField('user', { name: 'x' })
  await waitFor(() => clients.every((client) => client.provider.awareness.getStates().size === size), 10_000)
  return clients
}

const refusedForRate = (url: string) => readMetric(url, 'oogst_frames_refused_total{reason="rate-limit"}', 0)

describe('presence in a full room', () => {
  const harness = serverHarness()

  it('delivers every cursor move of 40 people to everyone', async () => {
    const size = 40
    const clients = await room(harness, size)
    let received = 0
    for (const client of clients) {
      client.provider.awareness.on('change', ({ added, updated }: Change, origin: unknown) => {
        if (origin !== 'local') received += added.length + updated.length
      })
    }
    // Everyone moves twice a second for three seconds: 39 echoes per own move on every socket.
    const rounds = 6
    for (let round = 0; round < rounds; round++) {
      for (const [i, client] of clients.entries()) {
        client.provider.awareness.setLocalStateField('cursor', { x: round * 100 + i, y: round })
        await sleep(500 / size)
      }
    }
    const expected = rounds * size * (size - 1)
    await waitFor(() => received >= expected, 10_000, 'every cursor move').catch(() => {})
    expect(received).toBe(expected)
    expect(await refusedForRate(harness.server.url)).toBe(0)
  }, 60_000)

  it("the app's client sends only its own presence, and still sees everyone's", async () => {
    const [app, stock, ...movers] = await room(harness, 5)
    if (!app || !stock) throw new Error('no clients')
    sendOwnPresenceOnly(app.provider)
    // Count the presence frames (y-websocket message type 1) each socket sends from now on.
    const presenceFramesSent = (client: YClient) => {
      const counter = { frames: 0 }
      const ws = client.provider.ws as WebSocket
      const send = ws.send.bind(ws)
      ws.send = (data: Parameters<WebSocket['send']>[0]) => {
        if (data instanceof Uint8Array && data[0] === 1) counter.frames += 1
        send(data)
      }
      return counter
    }
    const fromApp = presenceFramesSent(app)
    const fromStock = presenceFramesSent(stock)
    for (let round = 0; round < 5; round++) {
      for (const [i, mover] of movers.entries())
        mover.provider.awareness.setLocalStateField('cursor', { x: round, y: i })
      await sleep(60)
    }
    const cursorOf = (watcher: YClient, of: YClient) =>
      watcher.provider.awareness.getStates().get(of.doc.clientID)?.cursor
    await waitFor(() =>
      movers.every((mover, i) => cursorOf(app, mover)?.x === 4 && cursorOf(app, mover)?.y === i),
    )
    expect(fromStock.frames).toBeGreaterThan(0)
    expect(fromApp.frames).toBe(0)
    // Its own moves still reach the others.
    app.provider.awareness.setLocalStateField('cursor', { x: 7, y: 7 })
    await waitFor(() => cursorOf(stock, app)?.x === 7)
    expect(fromApp.frames).toBe(1)
  })

  it('still limits a socket that floods its own presence', async () => {
    const [flooder, watcher] = await room(harness, 2)
    if (!flooder || !watcher) throw new Error('no clients')
    let seen = 0
    watcher.provider.awareness.on('change', ({ updated }: Change) => {
      if (updated.includes(flooder.doc.clientID)) seen += 1
    })
    for (let i = 0; i < 500; i++) flooder.provider.awareness.setLocalStateField('cursor', { x: i, y: i })
    await sleep(1000)
    expect(await refusedForRate(harness.server.url)).toBeGreaterThan(300)
    expect(seen).toBeGreaterThan(0)
    expect(seen).toBeLessThan(200)
    // The flooder's socket stays usable: once it is calm, its next move arrives.
    await sleep(1500)
    flooder.provider.awareness.setLocalStateField('cursor', { x: -1, y: -1 })
    await waitFor(
      () => (watcher.provider.awareness.getStates().get(flooder.doc.clientID)?.cursor?.x ?? 0) === -1,
    )
  }, 30_000)
})
