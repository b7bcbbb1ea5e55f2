import type { RoomRef, TargetSpec } from '../targets'
import { type BenchClient, connectClient } from './clients'

export interface Assignment {
  room: RoomRef
  /** Index of the client within its room (picks the token). */
  index: number
}

export interface PoolResult {
  clients: BenchClient[]
  failed: number
  elapsedMs: number
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Connects clients in waves of `concurrency`, waiting for each wave to sync (bounded by
 * `timeoutMs` per wave). Clients that did not sync in time are destroyed and counted as failed.
 */
export async function connectMany(
  spec: TargetSpec,
  assignments: Assignment[],
  options: { concurrency: number; timeoutMs: number; deadline?: number; withUser?: boolean },
): Promise<PoolResult> {
  const start = performance.now()
  const clients: BenchClient[] = []
  let failed = 0
  for (let offset = 0; offset < assignments.length; offset += options.concurrency) {
    if (options.deadline !== undefined && performance.now() > options.deadline) {
      failed += assignments.length - offset
      break
    }
    const wave = assignments.slice(offset, offset + options.concurrency)
    const connected = wave.map((a) => {
      const client = connectClient(spec, a.room, a.index)
      // Like a real client: who I am is known before the socket opens, so it goes with the join.
      if (options.withUser) {
        client.awareness.setLocalState({
          user: { name: `Bench ${offset + a.index}`, color: '#e0a800' },
          cursor: null,
        })
      }
      return client
    })
    const outcomes = await Promise.all(
      connected.map((client) => withTimeout(client.synced, options.timeoutMs)),
    )
    outcomes.forEach((ok, i) => {
      const client = connected[i] as BenchClient
      if (ok) clients.push(client)
      else {
        failed++
        client.destroy()
      }
    })
  }
  return { clients, failed, elapsedMs: performance.now() - start }
}

export async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  const result = await Promise.race([promise.then(() => true), timeout])
  clearTimeout(timer)
  return result
}

/** Polls until `check()` or the time is up; returns whether it became true. */
export async function waitUntil(check: () => boolean, timeoutMs: number, everyMs = 5): Promise<boolean> {
  const end = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > end) return false
    await sleep(everyMs)
  }
  return true
}

export function destroyAll(clients: BenchClient[]): void {
  for (const client of clients) client.destroy()
}
