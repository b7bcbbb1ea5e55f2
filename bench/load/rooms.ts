import { round } from '../stats'
import type { RoomRef, TargetSpec } from '../targets'
import { type Assignment, connectMany, destroyAll, sleep } from './pool'
import type { Checkpoint, RoomsOptions } from './protocol'

/**
 * Workloads 3 and 5: many idle connections over many rooms, then everyone leaves.
 * Checkpoints (memory after GC, measured by the orchestrator):
 *   baseline        nothing connected
 *   rooms-loaded    one client per room (every room loaded)
 *   connected       all clients connected and synced, idle
 *   idle:start/end  CPU of the idle server with every connection open
 *   left+<ms>       after the last client closed (rooms should unload)
 */
export interface RoomsResult {
  rooms: number
  /** Clients connected at the `rooms-loaded` checkpoint (one per room unless some failed). */
  firstWave: number
  connections: number
  failedClients: number
  connectMs: number
}

export async function runRooms(
  target: TargetSpec,
  rooms: RoomRef[],
  options: RoomsOptions,
  checkpoint: Checkpoint,
): Promise<RoomsResult> {
  await checkpoint('baseline', { mem: true })
  const first: Assignment[] = rooms.map((room) => ({ room, index: 0 }))
  const rest: Assignment[] = []
  for (let index = 1; index < options.perRoom; index++) {
    for (const room of rooms) rest.push({ room, index })
  }
  const deadline = performance.now() + options.connectBudgetMs
  const start = performance.now()
  const loaded = await connectMany(target, first, { concurrency: 50, timeoutMs: 20_000, deadline })
  await sleep(1000)
  await checkpoint('rooms-loaded', { mem: true })
  const others = await connectMany(target, rest, { concurrency: 100, timeoutMs: 20_000, deadline })
  const connectMs = performance.now() - start
  const clients = [...loaded.clients, ...others.clients]
  await sleep(2000)
  await checkpoint('connected', { mem: true })
  await checkpoint('idle:start')
  await sleep(options.idleMs)
  await checkpoint('idle:end')

  destroyAll(clients)
  const leftAt = performance.now()
  for (const after of options.afterLeaveMs) {
    const wait = leftAt + after - performance.now()
    if (wait > 0) await sleep(wait)
    await checkpoint(`left+${after}`, { mem: true })
  }
  return {
    rooms: rooms.length,
    firstWave: loaded.clients.length,
    connections: clients.length,
    failedClients: loaded.failed + others.failed,
    connectMs: round(connectMs, 1),
  }
}
