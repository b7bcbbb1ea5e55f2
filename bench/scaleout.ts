import { randomBytes } from 'node:crypto'
import { reachable } from '../tests/helpers/reachable'
import type { BenchConfig } from './config'
import { runLoad, type Window } from './harness'
import type { LatencyResult } from './load/latency'
import type { Job } from './load/protocol'
import { BENCH_DATABASE_URL, withSchema } from './postgres'
import { fmt } from './report'
import { prepareRooms } from './rooms'
import { cpuPerEdit, stepAt } from './summaryEdits'
import { type RunningServer, startServer } from './targets'

/**
 * The scale-out run of `npm run bench` (issue 7): the edit workload (50 clients in one board, rate
 * ramp) against Oogst on PostgreSQL + Redis, once with every client on one instance and once with
 * the clients split over two instances (client i on instance i % 2), so that half of every edit's
 * receivers get it through Redis. Same storage and fan-out code in both runs: the difference is the
 * cost of crossing instances. Needs the local PostgreSQL and Redis; skipped with a reason without.
 */

const DATABASE_URL = BENCH_DATABASE_URL
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

export type ScaleOutKind = 'one' | 'two'

export interface ScaleOutRun {
  ok: boolean
  error?: string
  result?: LatencyResult
  windows?: Record<string, Window>
  elapsedMs: number
}

export interface ScaleOutResults {
  skipped?: string
  runs: Partial<Record<ScaleOutKind, ScaleOutRun>>
}

/** One or two Oogst instances sharing PostgreSQL, Redis and the token secret, as one target. */
async function startDeployment(
  instances: number,
  databaseUrl: string,
  config: BenchConfig,
): Promise<RunningServer> {
  const env = { DATABASE_URL: databaseUrl, REDIS_URL, OOGST_SECRET: randomBytes(32).toString('hex') }
  const started: RunningServer[] = []
  try {
    for (let i = 0; i < instances; i++)
      started.push(await startServer('oogst', { unloadGraceMs: config.unloadGraceMs, env }))
  } catch (error) {
    await Promise.all(started.map((server) => server.stop()))
    throw error
  }
  const [first, ...others] = started as [RunningServer, ...RunningServer[]]
  return {
    ...first,
    extraPids: others.map((server) => server.pid),
    spec: { ...first.spec, wsBases: started.map((server) => server.spec.wsBase) },
    async stop() {
      await Promise.all(started.map((server) => server.stop()))
    },
  }
}

export async function runScaleOut(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<ScaleOutResults> {
  const [postgres, redis] = await Promise.all([reachable(DATABASE_URL, 5432), reachable(REDIS_URL, 6379)])
  if (!postgres || !redis) {
    const missing = [!postgres && `PostgreSQL (${DATABASE_URL})`, !redis && `Redis (${REDIS_URL})`].filter(
      Boolean,
    )
    return { skipped: `${missing.join(' and ')} not reachable`, runs: {} }
  }
  const results: ScaleOutResults = { runs: {} }
  for (const kind of ['one', 'two'] as const) {
    const t0 = performance.now()
    log(`scale-out latency × ${kind === 'one' ? 'one instance' : 'two instances'} (PostgreSQL + Redis) …`)
    try {
      results.runs[kind] = await withSchema(async (databaseUrl) => {
        const server = await startDeployment(kind === 'one' ? 1 : 2, databaseUrl, config)
        try {
          const rooms = await prepareRooms(server, 1, config.latency.clients, 'bench-scaleout')
          // A shorter ramp than workload 1's keeps the whole `npm run bench` within 10 minutes.
          const options = { ...config.latency, budgetMs: Math.min(config.latency.budgetMs, 20_000) }
          const job = { workload: 'latency', target: server.spec, rooms, options } as Job
          const budget = options.budgetMs + 120_000
          const run = await runLoad<LatencyResult>(server, job, budget)
          return {
            ok: true,
            result: run.result,
            windows: run.windows,
            elapsedMs: Math.round(performance.now() - t0),
          }
        } finally {
          await server.stop()
        }
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log(`  failed: ${message.split('\n')[0]}`)
      results.runs[kind] = { ok: false, error: message, elapsedMs: Math.round(performance.now() - t0) }
    }
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  return results
}

/** The "Scale-out" section of results.md. */
export function renderScaleOut(results: ScaleOutResults | undefined, config: BenchConfig): string {
  const lines = ['', '## Scale-out: one instance vs two (PostgreSQL + Redis)', '']
  if (!results) return ''
  if (results.skipped) return [...lines, `Skipped: ${results.skipped}.`, ''].join('\n')
  const { one, two } = results.runs
  const start = config.latency.startRate
  const rows: { label: string; unit: string; value: (run: ScaleOutRun) => number | null | undefined }[] = [
    {
      label: `Max sustained edit rate with p99 ≤ ${config.latency.p99LimitMs} ms, all delivered ↑`,
      unit: 'edits/s',
      value: (run) => run.result?.maxSustainedRate,
    },
    {
      label: `Edit→peer p50 at ${start} edits/s ↓`,
      unit: 'ms',
      value: (run) => run.result && stepAt(run, start)?.latencyMs.p50,
    },
    {
      label: `Edit→peer p99 at ${start} edits/s ↓`,
      unit: 'ms',
      value: (run) => run.result && stepAt(run, start)?.latencyMs.p99,
    },
    {
      label: `Edit→first peer p99 at ${start} edits/s ↓`,
      unit: 'ms',
      value: (run) => run.result && stepAt(run, start)?.firstPeerMs.p99,
    },
    { label: 'Server CPU per edit, all instances (passing steps) ↓', unit: 'ms', value: cpuPerEdit },
  ]
  lines.push(
    `${config.latency.clients} y-websocket clients in one board; "two": client i on instance i % 2, so half of`,
    'the receivers of every edit get it through Redis. Both runs store in PostgreSQL before broadcasting.',
    '',
    '| Figure | unit | one instance | two instances | two/one |',
    '|---|---|---|---|---|',
  )
  for (const row of rows) {
    const a = one?.ok ? row.value(one) : null
    const b = two?.ok ? row.value(two) : null
    const ratio = a && b && Number.isFinite(a) && Number.isFinite(b) ? (b / a).toFixed(2) : '—'
    lines.push(`| ${row.label} | ${row.unit} | ${fmt(a)} | ${fmt(b)} | ${ratio} |`)
  }
  for (const [kind, run] of Object.entries(results.runs)) {
    if (run && !run.ok) lines.push('', `The ${kind}-instance run failed: ${run.error?.split('\n')[0]}`)
  }
  return [...lines, ''].join('\n')
}
