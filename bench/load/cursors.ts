import { distribution, round } from '../stats'
import type { RoomRef, TargetSpec } from '../targets'
import type { BenchClient } from './clients'
import { EditTracker } from './edits'
import { connectMany, destroyAll, sleep, waitUntil } from './pool'
import type { Checkpoint, CursorOptions } from './protocol'
import { runAtRate } from './schedule'

/**
 * Workload 2: many clients in one room, every client moving its cursor (awareness) at `cursorHz`
 * plus a steady trickle of note edits. The orchestrator measures the server's CPU between the
 * `cursors:start` and `cursors:end` checkpoints; here we count what arrived.
 */
export interface CursorResult {
  clients: number
  /** Whether the join storm had settled (every note seen) before the measurement began. */
  settled: boolean
  connectMs: number
  failedClients: number
  cursorUpdatesSent: number
  /** Awareness entries received by all clients in the window (+ a short drain) / expected. */
  cursorDeliveredFraction: number
  cursorDeliveriesPerSecond: number
  edits: { sent: number; deliveredFraction: number; latencyMs: ReturnType<typeof distribution> }
  loadCpuPct: number
  loadLagP99Ms: number
}

const EDITORS = 50

export async function runCursors(
  target: TargetSpec,
  rooms: RoomRef[],
  options: CursorOptions,
  checkpoint: Checkpoint,
): Promise<CursorResult> {
  const room = rooms[0] as RoomRef
  const assignments = Array.from({ length: options.clients }, (_, index) => ({ room, index }))
  const setupEnd = performance.now() + options.setupMs
  const left = () => Math.max(500, setupEnd - performance.now())
  const pool = await connectMany(target, assignments, {
    concurrency: 50,
    timeoutMs: 20_000,
    deadline: setupEnd,
    withUser: true,
  })
  const clients = pool.clients
  // Every join is announced to everyone present (n²/2 deliveries): let that settle first.
  await waitUntil(
    () => clients.every((client) => client.awareness.getStates().size >= clients.length),
    left(),
    50,
  )
  const tracker = new EditTracker(clients, Math.min(EDITORS, clients.length))
  tracker.createNotes()
  // Bounded: on a saturated machine the measurement starts with whatever backlog is left.
  const settled = await waitUntil(() => tracker.allNotesVisible(), left())

  // 'change' (not 'update'): counts cursor moves, not the 15 s keep-alive renewals of unchanged states.
  let received = 0
  const counters = clients.map((client) => {
    const listener = ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin !== 'local') received += added.length + updated.length
    }
    client.awareness.on('change', listener)
    return { client, listener }
  })
  await sleep(Math.min(1000, left()))

  received = 0
  tracker.startWindow()
  const cursorRate = clients.length * options.cursorHz
  // One scheduler for both streams: cursor moves at cursorRate, an edit every cursorRate/editRate.
  const editEvery = options.editRate > 0 ? cursorRate / options.editRate : Number.POSITIVE_INFINITY
  let edits = 0
  await checkpoint('cursors:start')
  const run = await runAtRate(cursorRate, options.measureMs, (k) => {
    const client = clients[k % clients.length] as BenchClient
    client.awareness.setLocalStateField('cursor', { x: (k * 13) % 3000, y: (k * 7) % 2000 })
    if (k % editEvery < 1) tracker.edit(edits++ % Math.min(EDITORS, clients.length))
  })
  await checkpoint('cursors:end')
  const expectedCursor = run.issued * (clients.length - 1)
  await waitUntil(() => received >= expectedCursor && tracker.allDelivered(), options.drainMs, 20)
  const cursorDelivered = received
  const editsLatency = distribution(tracker.takeSamples())
  const editsExpected = tracker.expected()

  for (const { client, listener } of counters) client.awareness.off('change', listener)
  tracker.dispose()
  destroyAll(clients)
  return {
    clients: clients.length,
    settled,
    connectMs: round(pool.elapsedMs, 1),
    failedClients: pool.failed,
    cursorUpdatesSent: run.issued,
    cursorDeliveredFraction: round(cursorDelivered / Math.max(1, expectedCursor), 4),
    cursorDeliveriesPerSecond: round((cursorDelivered * 1000) / run.elapsedMs, 0),
    edits: {
      sent: edits,
      deliveredFraction: round(tracker.delivered() / Math.max(1, editsExpected), 4),
      latencyMs: editsLatency,
    },
    loadCpuPct: round(run.loadCpuPct, 1),
    loadLagP99Ms: round(run.loadLagP99Ms, 2),
  }
}
