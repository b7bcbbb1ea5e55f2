import type { CheckpointRecord } from './harness'
import type { ColdLoadResult } from './load/coldLoad'
import type { CursorResult } from './load/cursors'
import type { LatencyResult } from './load/latency'
import type { Workload } from './load/protocol'
import type { RoomsResult } from './load/rooms'
import type { BenchResults, ServerRun } from './runner'
import { round } from './stats'
import type { ServerKind } from './targets'

/**
 * Turns raw runs into comparable figures, one row per figure with a value per server, plus the
 * target it is held to (absolute for Oogst, or a minimum ratio ours/peer).
 */
export interface Figure {
  section: string
  label: string
  unit: string
  better: 'higher' | 'lower' | 'info'
  values: Partial<Record<ServerKind, number | null>>
  /** Absolute target for Oogst, e.g. { max: 5 }. */
  target?: { max?: number; min?: number }
  /** Minimum ours/peer ratio (for "higher is better" figures). */
  ratioTargets?: Partial<Record<ServerKind, number>>
}

type Extract = (run: ServerRun) => number | null

function figure(
  results: BenchResults,
  workload: Workload,
  spec: Omit<Figure, 'values' | 'section'> & { section?: string },
  extract: Extract,
): Figure {
  const values: Figure['values'] = {}
  for (const kind of results.config.servers) {
    const run = results.runs[workload]?.[kind]
    let value: number | null = null
    if (run?.ok) {
      try {
        value = extract(run)
      } catch {
        value = null
      }
    }
    values[kind] = value === null || !Number.isFinite(value) ? null : round(value, 2)
  }
  return { section: spec.section ?? SECTION[workload], ...spec, values }
}

const SECTION: Record<Workload, string> = {
  latency: '1. Edits, 50 clients in one room',
  cursors: '2. Cursors: many clients in one room',
  rooms: '3. Idle connections over many rooms',
  coldLoad: '4. Loading a 2,000-note board',
}

const latency = (run: ServerRun) => run.result as LatencyResult
const cursors = (run: ServerRun) => run.result as CursorResult
const rooms = (run: ServerRun) => run.result as RoomsResult
const cold = (run: ServerRun) => run.result as ColdLoadResult
const point = (run: ServerRun, name: string) => {
  const found = run.checkpoints?.find((c) => c.name === name)
  if (!found) throw new Error(`no checkpoint ${name}`)
  return found
}
const lastLeft = (run: ServerRun): CheckpointRecord => {
  const left = (run.checkpoints ?? []).filter((c) => c.name.startsWith('left+'))
  const last = left[left.length - 1]
  if (!last) throw new Error('no left checkpoint')
  return last
}

function perConnection(run: ServerRun, field: 'gcRssKb' | 'heapUsedKb'): number {
  const r = rooms(run)
  const loaded = point(run, 'rooms-loaded')[field] as number
  const connected = point(run, 'connected')[field] as number
  return (connected - loaded) / Math.max(1, r.connections - r.firstWave)
}

function perRoom(run: ServerRun, field: 'gcRssKb' | 'heapUsedKb'): number {
  const r = rooms(run)
  const base = point(run, 'baseline')[field] as number
  const loaded = point(run, 'rooms-loaded')[field] as number
  return (loaded - base) / Math.max(1, r.firstWave) - perConnection(run, field)
}

function afterLeavePct(run: ServerRun, field: 'gcRssKb' | 'heapUsedKb'): number {
  const base = point(run, 'baseline')[field] as number
  return ((lastLeft(run)[field] as number) / base - 1) * 100
}

/** Server CPU milliseconds per edit over all passing steps (each edit fanned out to N-1 peers). */
function cpuPerEdit(run: ServerRun): number {
  let cpu = 0
  let edits = 0
  for (const step of latency(run).steps) {
    const window = run.windows?.[step.name]
    if (!step.pass || !window) continue
    cpu += (window.serverCpuPct / 100) * window.ms
    edits += step.sent
  }
  return edits > 0 ? cpu / edits : Number.NaN
}

/** The first step run at `rate` that passed (or the first at that rate). */
function stepAt(run: ServerRun, rate: number) {
  const steps = latency(run).steps.filter((step) => Math.abs(step.targetRate - rate) < 0.05)
  return steps.find((step) => step.pass) ?? steps[0]
}

/** Highest rate of the doubling ramp that every server sustained: the rate to compare cost at. */
function commonRate(results: BenchResults): number {
  const c = results.config.latency
  let best = c.startRate
  for (let rate = c.startRate; rate <= c.maxRate; rate *= 2) {
    const all = results.config.servers.every((kind) => {
      const run = results.runs.latency?.[kind]
      return !run?.ok || stepAt(run, rate)?.pass === true
    })
    if (!all) break
    best = rate
  }
  return best
}

/** Server CPU ms per 1,000 awareness entries delivered to clients in the cursor window. */
function cpuPerThousandDeliveries(run: ServerRun): number {
  const window = run.windows?.cursors
  const perSecond = cursors(run).cursorDeliveriesPerSecond
  if (!window || perSecond <= 0) return Number.NaN
  return ((window.serverCpuPct / 100) * 1000) / (perSecond / 1000)
}

export function figures(results: BenchResults): Figure[] {
  const c = results.config
  const out: Figure[] = []
  const has = (w: Workload) => c.workloads.includes(w)
  if (has('latency')) {
    const common = commonRate(results)
    const at = (run: ServerRun) => stepAt(run, common)
    const windowAt = (run: ServerRun) => {
      const step = at(run)
      return step ? run.windows?.[step.name] : undefined
    }
    out.push(
      figure(
        results,
        'latency',
        {
          label: `Edit→peer p99 at ${common} edits/s (highest rate all sustained)`,
          unit: 'ms',
          better: 'lower',
        },
        (run) => at(run)?.latencyMs.p99 ?? null,
      ),
      figure(
        results,
        'latency',
        { label: `Server CPU at ${common} edits/s`, unit: '% of a core', better: 'lower' },
        (run) => windowAt(run)?.serverCpuPct ?? null,
      ),
      figure(
        results,
        'latency',
        {
          label: `Server event loop busy at ${common} edits/s (CPU + blocking I/O)`,
          unit: '%',
          better: 'lower',
        },
        (run) => windowAt(run)?.serverBusyPct ?? null,
      ),
    )
    const first = (run: ServerRun) => latency(run).steps[0]?.latencyMs
    const light = `at ${c.latency.startRate} edits/s (${c.latency.clients} clients)`
    out.push(
      figure(
        results,
        'latency',
        {
          label: `Max sustained edit rate with p99 ≤ ${c.latency.p99LimitMs} ms, all delivered`,
          unit: 'edits/s',
          better: 'higher',
          ratioTargets: { yws: 1.5, hocuspocus: 2, relay: 0.66 },
        },
        (run) => latency(run).maxSustainedRate,
      ),
      figure(
        results,
        'latency',
        { label: `Edit→peer p50 ${light}`, unit: 'ms', better: 'lower' },
        (run) => first(run)?.p50 ?? null,
      ),
      figure(
        results,
        'latency',
        { label: `Edit→peer p95 ${light}`, unit: 'ms', better: 'lower' },
        (run) => first(run)?.p95 ?? null,
      ),
      figure(
        results,
        'latency',
        { label: `Edit→peer p99 ${light}`, unit: 'ms', better: 'lower', target: { max: 5 } },
        (run) => first(run)?.p99 ?? null,
      ),
      figure(
        results,
        'latency',
        { label: `Edit→peer max ${light}`, unit: 'ms', better: 'lower' },
        (run) => first(run)?.max ?? null,
      ),
      figure(
        results,
        'latency',
        { label: 'Server CPU per edit (passing steps)', unit: 'ms', better: 'lower' },
        cpuPerEdit,
      ),
    )
  }
  if (has('cursors')) {
    const who = `${c.cursors.clients} clients, cursors ${c.cursors.cursorHz} Hz + ${c.cursors.editRate} edits/s`
    out.push(
      figure(
        results,
        'cursors',
        { label: `Server CPU, ${who}`, unit: '% of a core', better: 'lower', target: { max: 100 } },
        (run) => run.windows?.cursors?.serverCpuPct ?? null,
      ),
      figure(
        results,
        'cursors',
        {
          label: 'Server event loop busy (100 = saturated)',
          unit: '%',
          better: 'lower',
          target: { max: 90 },
        },
        (run) => run.windows?.cursors?.serverBusyPct ?? null,
      ),
      figure(
        results,
        'cursors',
        { label: 'Server CPU per 1,000 cursor deliveries', unit: 'ms', better: 'lower' },
        (run) => cpuPerThousandDeliveries(run),
      ),
      figure(
        results,
        'cursors',
        {
          label: `Projected server CPU at the full ${who.split(',')[0]} × ${c.cursors.cursorHz} Hz fan-out`,
          unit: '% of a core',
          better: 'lower',
          target: { max: 100 },
        },
        (run) => {
          const n = c.cursors.clients
          const full = n * c.cursors.cursorHz * (n - 1)
          return ((cpuPerThousandDeliveries(run) * full) / 1000 / 1000) * 100
        },
      ),
      figure(
        results,
        'cursors',
        { label: 'Cursor moves sent / asked (generator keeping up)', unit: '%', better: 'info' },
        (run) =>
          (cursors(run).cursorUpdatesSent /
            Math.max(1, c.cursors.clients * c.cursors.cursorHz * ((run.windows?.cursors?.ms ?? 0) / 1000))) *
          100,
      ),
      figure(
        results,
        'cursors',
        { label: 'Cursor updates delivered (within 3 s)', unit: '%', better: 'higher' },
        (run) => cursors(run).cursorDeliveredFraction * 100,
      ),
      figure(
        results,
        'cursors',
        { label: 'Edit→peer p99 under cursor load', unit: 'ms', better: 'lower' },
        (run) => cursors(run).edits.latencyMs.p99,
      ),
      figure(
        results,
        'cursors',
        { label: 'Server main thread waiting for a CPU', unit: '% of time', better: 'info' },
        (run) => run.windows?.cursors?.serverRunWaitPct ?? null,
      ),
      figure(
        results,
        'cursors',
        { label: 'Other processes on the machine', unit: '% of a core', better: 'info' },
        (run) => run.windows?.cursors?.otherCpuPct ?? null,
      ),
      figure(
        results,
        'cursors',
        { label: 'Load generator CPU', unit: '% of a core', better: 'info' },
        (run) => run.windows?.cursors?.loadCpuPct ?? null,
      ),
    )
  }
  if (has('rooms')) {
    const who = `${c.rooms.rooms * c.rooms.perRoom} connections / ${c.rooms.rooms} rooms`
    out.push(
      figure(
        results,
        'rooms',
        { label: `RSS per idle connection (${who})`, unit: 'kB', better: 'lower', target: { max: 30 } },
        (run) => perConnection(run, 'gcRssKb'),
      ),
      figure(results, 'rooms', { label: 'Heap per idle connection', unit: 'kB', better: 'lower' }, (run) =>
        perConnection(run, 'heapUsedKb'),
      ),
      figure(
        results,
        'rooms',
        { label: 'RSS per room (beyond its connections)', unit: 'kB', better: 'lower' },
        (run) => perRoom(run, 'gcRssKb'),
      ),
      figure(results, 'rooms', { label: 'Heap per room', unit: 'kB', better: 'lower' }, (run) =>
        perRoom(run, 'heapUsedKb'),
      ),
      figure(
        results,
        'rooms',
        { label: 'RSS with every connection open', unit: 'MB', better: 'lower' },
        (run) => (point(run, 'connected').gcRssKb as number) / 1024,
      ),
      figure(
        results,
        'rooms',
        { label: 'Server CPU while idle', unit: '% of a core', better: 'lower' },
        (run) => run.windows?.idle?.serverCpuPct ?? null,
      ),
      figure(
        results,
        'rooms',
        { label: 'Time to connect and sync all', unit: 's', better: 'lower' },
        (run) => rooms(run).connectMs / 1000,
      ),
      figure(
        results,
        'rooms',
        {
          section: '5. After everyone left',
          label: `RSS vs baseline, ${(c.rooms.afterLeaveMs.at(-1) ?? 0) / 1000} s after the last client left`,
          unit: '% over',
          better: 'lower',
          target: { max: 10 },
        },
        (run) => afterLeavePct(run, 'gcRssKb'),
      ),
      figure(
        results,
        'rooms',
        {
          section: '5. After everyone left',
          label: 'Heap vs baseline, same moment',
          unit: '% over',
          better: 'lower',
          target: { max: 10 },
        },
        (run) => afterLeavePct(run, 'heapUsedKb'),
      ),
    )
  }
  if (has('coldLoad')) {
    const notes = c.coldLoad.notes
    out.push(
      figure(
        results,
        'coldLoad',
        {
          label: `Cold load to synced (room not in memory), median`,
          unit: 'ms',
          better: 'lower',
          target: { max: 20 },
        },
        (run) => cold(run).coldMedianMs,
      ),
      figure(
        results,
        'coldLoad',
        { label: 'Warm load to synced (room in memory), median', unit: 'ms', better: 'lower' },
        (run) => cold(run).warmMedianMs,
      ),
      figure(
        results,
        'coldLoad',
        { label: `Bytes received until synced (${notes} notes)`, unit: 'kB', better: 'lower' },
        (run) => cold(run).coldBytes / 1024,
      ),
    )
  }
  return out
}
