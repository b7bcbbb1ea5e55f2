/**
 * Flood check (issue 9): how much slower do other people's notes arrive while one client floods
 * the room? Server, flooder and the measuring clients run in separate processes (the flooder is
 * this same file, started with --flooder). Run: `node --import tsx bench/flood.ts`.
 * Prints p50/p99 edit→peer latency of a calm client before and during the flood, and the ratio.
 */
import { fork } from 'node:child_process'
import { createNote, listNotes } from '../shared/src/model/notes'
import { startServerProcess } from '../tests/helpers/serverProcess'
import { createBoard, tempDataDir, tokenFor } from '../tests/helpers/testServer'
import { connectClient, sleep } from '../tests/helpers/yclient'

const PHASE_MS = Number(process.env.FLOOD_PHASE_MS ?? 5000)

async function flooder(wsUrl: string, room: string, token: string, durationMs: number): Promise<void> {
  const client = connectClient(wsUrl, room, token)
  await client.synced
  const end = Date.now() + durationMs
  let sent = 0
  // As fast as the event loop allows: 20 notes per tick.
  while (Date.now() < end) {
    for (let i = 0; i < 20; i++)
      createNote(client.doc, { x: sent, y: 0, authorId: 'flood', authorName: 'F', text: `f${sent++}` })
    await sleep(1)
  }
  process.send?.({ sent })
  client.destroy()
  process.exit(0)
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

async function measure(
  write: ReturnType<typeof connectClient>,
  watch: ReturnType<typeof connectClient>,
  ms: number,
) {
  const latencies: number[] = []
  const end = performance.now() + ms
  let n = 0
  while (performance.now() < end) {
    const text = `calm ${n++}`
    const sentAt = performance.now()
    createNote(write.doc, { x: 0, y: 0, authorId: 'calm', authorName: 'C', text })
    while (!listNotes(watch.doc).some((note) => note.text === text)) {
      if (performance.now() - sentAt > 10_000) break
      await sleep(1)
    }
    latencies.push(performance.now() - sentAt)
    await sleep(50)
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length }
}

async function main(): Promise<void> {
  const server = await startServerProcess({ dataDir: tempDataDir('oogst-flood-') })
  try {
    const board = await createBoard(server.url, 'Flood')
    const wsUrl = `${server.url.replace('http', 'ws')}/sync`
    const write = connectClient(wsUrl, board.id, await tokenFor(server.url, board, 'participant'))
    const watch = connectClient(wsUrl, board.id, await tokenFor(server.url, board, 'participant'))
    await Promise.all([write.synced, watch.synced])
    const before = await measure(write, watch, PHASE_MS)
    const child = fork(
      import.meta.filename,
      [
        '--flooder',
        wsUrl,
        board.id,
        await tokenFor(server.url, board, 'participant'),
        String(PHASE_MS + 1000),
      ],
      {
        execArgv: ['--import', 'tsx'],
      },
    )
    const sent = new Promise<number>((resolve) =>
      child.on('message', (m: { sent: number }) => resolve(m.sent)),
    )
    await sleep(500)
    const during = await measure(write, watch, PHASE_MS)
    console.log(
      JSON.stringify(
        { before, during, floodNotesSent: await sent, p99Ratio: during.p99 / before.p99 },
        null,
        2,
      ),
    )
    write.destroy()
    watch.destroy()
  } finally {
    await server.stop()
  }
}

if (process.argv[2] === '--flooder') {
  const [, , , wsUrl, room, token, duration] = process.argv
  void flooder(wsUrl as string, room as string, token as string, Number(duration))
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
