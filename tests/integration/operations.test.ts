import { afterEach, describe, expect, it } from 'vitest'
import { createNote } from '../../shared/src/model/notes'
import { readMetric } from '../helpers/metrics'
import { api, createBoard, startTestServer, type TestServer, tokenFor } from '../helpers/testServer'
import { connectClient, type YClient } from '../helpers/yclient'

describe('operating an instance', () => {
  let server: TestServer | undefined
  const clients: YClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close().catch(() => {})
    server = undefined
  })

  it('exposes liveness, readiness and Prometheus metrics that follow the traffic', async () => {
    server = await startTestServer()
    expect((await api(server.url, 'GET', '/api/health/live')).status).toBe(200)
    expect(await api(server.url, 'GET', '/api/health/ready')).toEqual({
      status: 200,
      body: { status: 'ready' },
    })
    const board = await createBoard(server.url)
    const client = connectClient(server.wsUrl, board.id, await tokenFor(server.url, board, 'participant'))
    clients.push(client)
    await client.synced
    for (let i = 0; i < 3; i++)
      createNote(client.doc, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: `m${i}` })
    const metric = (name: string) => readMetric(server?.url ?? '', name)
    await expect.poll(() => metric('oogst_updates_total')).toBeGreaterThanOrEqual(3)
    expect(await metric('oogst_connections')).toBe(1)
    // The participant's board room, plus its control room (kept for locks and the timer).
    expect(await metric('oogst_rooms_loaded')).toBe(2)
    expect(await metric('oogst_update_log_length')).toBeGreaterThanOrEqual(3)
  })

  it('on shutdown tells clients to reconnect (close code 4000) and refuses new sockets', async () => {
    server = await startTestServer()
    const board = await createBoard(server.url)
    const client = connectClient(server.wsUrl, board.id, await tokenFor(server.url, board, 'participant'))
    clients.push(client)
    await client.synced
    const closeCode = new Promise<number>((resolve) =>
      client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)),
    )
    const closing = server.server.close()
    expect(await closeCode).toBe(4000)
    await closing
    server = undefined
  })
})
