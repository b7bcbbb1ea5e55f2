import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSqlitePersistence } from '../../server/src/persistence/sqlite'
import { NOTE_COLORS } from '../../shared/src/model/colors'
import { writeNotesOpen } from '../../shared/src/model/notePermissions'
import { createNote, deleteNote, getNoteText, listNotes, updateNote } from '../../shared/src/model/notes'
import { controlRoom } from '../../shared/src/rooms'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { createBoard, tempDataDir, tokenFor } from '../helpers/testServer'
import { connectClient, sleep, waitFor, type YClient } from '../helpers/yclient'

const SEED = Number(process.env.CHAOS_SEED ?? 20261123)
const CLIENTS = 20
/** A fixed number of operations, and kills at fixed operation counts (not at wall-clock times),
 * so that a seed replays the same schedule of edits, disconnects and kills on any machine. What
 * each client has received when it picks a note still depends on the network's timing. */
const OPERATIONS = Number(process.env.CHAOS_OPS ?? 500)
const KILLS = Number(process.env.CHAOS_KILLS ?? 3)

/** Small seeded PRNG (mulberry32), so a failing run can be replayed with CHAOS_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const snapshot = (doc: Y.Doc) =>
  listNotes(doc).map(({ id, text, x, y, color }) => ({ id, text, x, y, color }))

describe('convergence under chaos', () => {
  const dataDir = tempDataDir('oogst-chaos-')
  let server: ServerProcess
  const clients: YClient[] = []
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
  })

  it(`stays consistent with ${CLIENTS} clients, random edits, disconnects and ${KILLS} SIGKILLs (seed ${SEED})`, async () => {
    const random = prng(SEED)
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
    server = await startServerProcess({ dataDir })
    const port = server.port
    const board = await createBoard(server.url, 'Chaos')
    const wsUrl = `${server.url.replace('http', 'ws')}/sync`
    // Everyone edits everyone's notes here ("Iedereen mag alle briefjes aanpassen"): this test is
    // about convergence, and by default a participant may not change another's note (issue 14).
    const control = connectClient(
      wsUrl,
      controlRoom(board.id),
      await tokenFor(server.url, board, 'facilitator'),
    )
    await control.synced
    writeNotesOpen(control.doc, true)
    await sleep(200)
    control.destroy()
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(connectClient(wsUrl, board.id, await tokenFor(server.url, board, 'participant', `c${i}`)))
    }
    await Promise.all(clients.map((client) => client.synced))

    const created = new Set<string>()
    const deleted = new Set<string>()
    const acknowledged = new Set<string>()
    // By name: the server gives each note its writer's own id (noteAuthors.ts), not `c${i}`.
    clients.forEach((client, i) => {
      client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        // Changes that arrive through the provider were sent by the server: stored before sent.
        if (origin !== client.provider) return
        for (const note of listNotes(client.doc)) if (note.authorName !== `c${i}`) acknowledged.add(note.id)
      })
    })

    const killAt = Array.from({ length: KILLS }, (_, k) => Math.floor(((k + 1) * OPERATIONS) / (KILLS + 1)))
    let operations = 0
    while (operations < OPERATIONS) {
      if (killAt.length > 0 && operations >= (killAt[0] ?? 0)) {
        killAt.shift()
        await server.kill()
        await sleep(100)
        server = await startServerProcess({ dataDir, port })
      }
      const index = Math.floor(random() * CLIENTS)
      const client = clients[index] as YClient
      const notes = listNotes(client.doc).filter((note) => !deleted.has(note.id))
      const roll = random()
      const target = pick(notes)
      if (roll < 0.3 || !target) {
        created.add(
          createNote(client.doc, {
            x: Math.round(random() * 2000),
            y: Math.round(random() * 2000),
            authorId: `c${index}`,
            authorName: `c${index}`,
            text: `n${operations}`,
          }),
        )
      } else if (roll < 0.55) {
        const text = getNoteText(client.doc, target.id)
        text?.insert(
          Math.floor(random() * (text.length + 1)),
          String.fromCharCode(97 + Math.floor(random() * 26)),
        )
      } else if (roll < 0.75) {
        updateNote(client.doc, target.id, { x: Math.round(random() * 2000), y: Math.round(random() * 2000) })
      } else if (roll < 0.85) {
        updateNote(client.doc, target.id, { color: pick(NOTE_COLORS) ?? 'yellow' })
      } else if (roll < 0.93) {
        deleteNote(client.doc, target.id)
        deleted.add(target.id)
      } else if (client.provider.shouldConnect) {
        client.provider.disconnect()
      } else {
        client.provider.connect()
      }
      operations++
      // A few operations per tick, then let the sockets breathe.
      if (operations % 3 === 0) await sleep(5)
    }

    for (const client of clients) client.provider.connect()
    const reference = () => JSON.stringify(snapshot(clients[0]?.doc as Y.Doc))
    await waitFor(
      () =>
        clients.every(
          (client) => client.provider.synced && JSON.stringify(snapshot(client.doc)) === reference(),
        ),
      30_000,
      'convergence',
    )
    await sleep(300)
    await server.stop()

    const store = createSqlitePersistence(dataDir)
    const state = await store.loadRoom(board.id)
    await store.close()
    const stored = new Y.Doc()
    if (state.snapshot) Y.applyUpdate(stored, state.snapshot)
    for (const update of state.updates) Y.applyUpdate(stored, update)

    const finalIds = new Set(snapshot(stored).map((note) => note.id))
    expect(JSON.stringify(snapshot(stored))).toBe(reference())
    for (const id of acknowledged)
      if (!deleted.has(id)) expect(finalIds.has(id), `acknowledged note ${id} survived`).toBe(true)
    // Stronger still: every note anyone created and nobody deleted is there.
    expect([...finalIds].sort()).toEqual([...created].filter((id) => !deleted.has(id)).sort())
    console.info(
      `[figure] chaos seed ${SEED}: ${operations} operations, ${KILLS} SIGKILLs, ${finalIds.size} notes, ${acknowledged.size} acknowledged, all identical`,
    )
  }, 120_000)
})
