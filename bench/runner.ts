import fs from 'node:fs'
import path from 'node:path'
import { reachable } from '../tests/helpers/reachable'
import { type BenchConfig, jobTimeoutMs } from './config'
import { type CheckpointRecord, runLoad, type Window } from './harness'
import type { Job, Workload } from './load/protocol'
import { BENCH_DATABASE_URL } from './postgres'
import { type MachineInfo, machineInfo, rssKb } from './proc'
import { prepareRooms } from './rooms'
import { LABEL, type RunningServer, type ServerKind, serverVersions, startServer } from './targets'

/**
 * Runs every workload against every server, one at a time (2 cores: the load generator and the
 * server under test share them), each time with a fresh server process, and collects raw results.
 */
export interface ServerRun {
  ok: boolean
  skipped?: string
  error?: string
  result?: unknown
  checkpoints?: CheckpointRecord[]
  windows?: Record<string, Window>
  startupRssKb?: number
  elapsedMs: number
}

export interface BenchResults {
  date: string
  mode: BenchConfig['mode']
  machine: MachineInfo
  versions: Record<ServerKind, string>
  labels: Record<ServerKind, string>
  config: BenchConfig
  runs: Partial<Record<Workload, Partial<Record<ServerKind, ServerRun>>>>
  durationMs: number
  notes: string[]
}

export interface RunOptions {
  log?: (line: string) => void
  /** CPU-profile Oogst (only) in the latency and cursors workloads into this folder. */
  profileDir?: string
}

const ROOMS_FOR: Record<Workload, (config: BenchConfig) => { count: number; tokens: number }> = {
  // A fresh room per ramp run: a run in a room that earlier runs filled with history measures
  // that history (issue 17: runs 2-3 fell to a tenth of run 1 while each compaction rewrote it).
  latency: (c) => ({ count: c.latency.runs, tokens: c.latency.clients }),
  latencyLarge: (c) => ({ count: c.latencyLarge.runs, tokens: c.latencyLarge.clients }),
  cursors: () => ({ count: 1, tokens: 50 }),
  rooms: (c) => ({ count: c.rooms.rooms, tokens: 1 }),
  coldLoad: () => ({ count: 1, tokens: 8 }),
}

export async function runBench(config: BenchConfig, options: RunOptions = {}): Promise<BenchResults> {
  const log = options.log ?? (() => {})
  const started = performance.now()
  const results: BenchResults = {
    date: new Date().toISOString(),
    mode: config.mode,
    machine: await machineInfo(),
    versions: serverVersions(),
    labels: LABEL,
    config,
    runs: {},
    durationMs: 0,
    notes: [
      'Oogst runs with MAX_CONNECTIONS_PER_IP, BOARD_CREATES_PER_HOUR and JOIN_FAILURES_PER_10_MIN lifted (every bench client is 127.0.0.1); its per-socket update and awareness rate limits stay at their defaults.',
      'Durability differs: Oogst fsyncs every update (group commit) before anyone sees it; y-websocket-server (here) stores updates after broadcasting them without fsync; Hocuspocus stores a snapshot 2–10 s after changes. Faster peers are doing less.',
      `Room unload grace for Oogst: ${config.unloadGraceMs} ms (ROOM_UNLOAD_GRACE_MS); y-websocket-server and Hocuspocus unload when the last client leaves.`,
    ],
  }
  for (const workload of config.workloads) {
    const perServer: Partial<Record<ServerKind, ServerRun>> = {}
    results.runs[workload] = perServer
    for (const kind of config.servers) {
      const t0 = performance.now()
      if (workload === 'coldLoad' && kind === 'relay') {
        perServer[kind] = { ok: false, skipped: 'the relay keeps no document', elapsedMs: 0 }
        continue
      }
      if (kind === 'oogstPg' && !(await reachable(BENCH_DATABASE_URL, 5432))) {
        perServer[kind] = {
          ok: false,
          skipped: `PostgreSQL not reachable (${BENCH_DATABASE_URL})`,
          elapsedMs: 0,
        }
        log(`${workload} × ${LABEL[kind]}: skipped, PostgreSQL not reachable`)
        continue
      }
      log(`${workload} × ${LABEL[kind]} …`)
      const profile =
        options.profileDir && kind === 'oogst' && workload !== 'rooms' && workload !== 'coldLoad'
      let server: RunningServer | null = null
      try {
        if (profile) fs.mkdirSync(options.profileDir as string, { recursive: true })
        server = await startServer(kind, {
          unloadGraceMs: config.unloadGraceMs,
          profileDir: profile ? path.join(options.profileDir as string, workload) : undefined,
        })
        const startupRssKb = rssKb(server.pid).rss
        const need = ROOMS_FOR[workload](config)
        const rooms = await prepareRooms(server, need.count, need.tokens, `bench-${workload}`)
        const job = { workload, target: server.spec, rooms, options: config[workload] } as Job
        const run = await runLoad(server, job, jobTimeoutMs(config, workload))
        perServer[kind] = { ok: true, ...run, startupRssKb, elapsedMs: Math.round(performance.now() - t0) }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        log(`  failed: ${message.split('\n')[0]}`)
        perServer[kind] = { ok: false, error: message, elapsedMs: Math.round(performance.now() - t0) }
      } finally {
        await server?.stop()
      }
      log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    }
  }
  results.durationMs = Math.round(performance.now() - started)
  return results
}

/** Notes on how busy the machine was with other processes while we measured. */
export function contentionNotes(results: BenchResults): string[] {
  const others: number[] = []
  for (const perServer of Object.values(results.runs)) {
    for (const run of Object.values(perServer ?? {})) {
      for (const window of Object.values(run?.windows ?? {})) {
        if (Number.isFinite(window.otherCpuPct)) others.push(window.otherCpuPct)
      }
    }
  }
  if (others.length === 0) return []
  const mean = others.reduce((sum, v) => sum + v, 0) / others.length
  const max = Math.max(...others)
  const note = `Other processes used on average ${mean.toFixed(0)}% of a core (max ${max.toFixed(0)}%) during the measurement windows (of ${results.machine.cores * 100}% available).`
  return [
    mean > 20
      ? `${note} The machine was shared: figures are noisier and slower than on a quiet machine.`
      : note,
  ]
}
