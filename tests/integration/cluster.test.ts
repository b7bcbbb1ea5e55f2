import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type DevCluster, startDevCluster } from '../../server/src/cluster/devCluster'
import { createPostgresPersistence } from '../../server/src/persistence/postgres'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { readMetric } from '../helpers/metrics'
import { DATABASE_URL, dropSchema, freshSchema, REDIS_URL, servicesAvailable } from '../helpers/services'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { connectClient, sleep, waitFor, type YClient } from '../helpers/yclient'

const WRITERS = 6

/** Open WebSockets on one instance, from its own /metrics (not through nginx). */
const connectionsOn = (port: number) => readMetric(`http://127.0.0.1:${port}`, 'oogst_connections', 0)

describe.skipIf(!servicesAvailable.postgres || !servicesAvailable.redis)('two instances behind nginx', () => {
  const schema = freshSchema()
  const databaseUrl = `${DATABASE_URL}?options=-c%20search_path%3D${schema}`
  let cluster: DevCluster
  beforeAll(async () => {
    // The instances create the schema's tables themselves (migrations on start).
    const setup = await createPostgresPersistence({ connectionString: DATABASE_URL, schema })
    await setup.close()
    cluster = await startDevCluster({ instances: 2, databaseUrl, redisUrl: REDIS_URL })
  }, 60_000)
  afterAll(async () => {
    await cluster?.stop()
    await dropSchema(schema)
  })

  it('reports ready through nginx', async () => {
    const res = await api<{ status: string }>(cluster.url, 'GET', '/api/health/ready')
    expect(res).toEqual({ status: 200, body: { status: 'ready' } })
  })

  it('survives SIGKILL of an instance: every acknowledged note is stored and in every client', async () => {
    const board = await createBoard(cluster.url, 'Chaos')
    const wsUrl = `${cluster.url.replace('http', 'ws')}/sync`
    const clients: YClient[] = []
    for (let i = 0; i < WRITERS; i++) {
      clients.push(connectClient(wsUrl, board.id, await tokenFor(cluster.url, board, 'participant', `w${i}`)))
    }
    await Promise.all(clients.map((client) => client.synced))

    // A note another client received was broadcast by a server, which only happens after storage.
    const acknowledged = new Set<string>()
    const observe = (client: YClient, self: string) => () => {
      for (const note of listNotes(client.doc)) if (note.authorId !== self) acknowledged.add(note.id)
    }
    clients.forEach((client, i) => {
      client.doc.on('update', observe(client, `w${i}`))
    })

    let writing = true
    const written = clients.map(async (client, i) => {
      let n = 0
      while (writing) {
        createNote(client.doc, {
          x: n,
          y: i * 200,
          authorId: `w${i}`,
          authorName: `w${i}`,
          text: `w${i}-${n++}`,
        })
        await sleep(25)
      }
      return n
    })
    await sleep(700)
    // Kill the instance that holds the most writers (nginx spreads the sockets), so the test
    // always cuts live writers off and makes them reconnect to the other instance.
    const counts = await Promise.all(cluster.instances.map((instance) => connectionsOn(instance.port)))
    const victimIndex = (counts[0] ?? 0) >= (counts[1] ?? 0) ? 0 : 1
    const victim = cluster.instances[victimIndex]
    expect(counts[victimIndex]).toBeGreaterThan(0)
    let cutOff = 0
    for (const client of clients) client.provider.once('connection-close', () => cutOff++)
    await victim?.kill('SIGKILL')
    await sleep(1500)
    writing = false
    const total = (await Promise.all(written)).reduce((a, b) => a + b, 0)
    const ackedAtStop = acknowledged.size
    expect(ackedAtStop).toBeGreaterThan(10)
    expect(cutOff).toBeGreaterThan(0)

    // Everyone reconnects to the surviving instance and converges on all notes.
    await waitFor(
      () => clients.every((c) => listNotes(c.doc).length === total),
      20_000,
      'all clients converge',
    )
    const stored = await createPostgresPersistence({ connectionString: DATABASE_URL, schema })
    const state = await stored.loadRoom(board.id)
    await stored.close()
    const fromDb = new Y.Doc()
    if (state.snapshot) Y.applyUpdate(fromDb, state.snapshot)
    for (const update of state.updates) Y.applyUpdate(fromDb, update)
    const storedIds = new Set(listNotes(fromDb).map((note) => note.id))
    for (const id of acknowledged) expect(storedIds.has(id)).toBe(true)
    expect(storedIds.size).toBe(total)
    for (const client of clients) {
      expect(new Set(listNotes(client.doc).map((n) => n.id))).toEqual(storedIds)
      client.destroy()
    }
    console.info(
      `[figure] SIGKILL run: ${total} notes written by ${WRITERS} writers (sockets per instance before the kill ${counts.join('/')}, the killed one had ${counts[victimIndex]}; ${cutOff} saw their socket close), ${ackedAtStop} acknowledged before stop, all stored`,
    )
  }, 60_000)
})
