import { type Figure, figure } from './figure'
import type { CursorResult } from './load/cursors'
import type { LatencyResult } from './load/latency'
import type { BenchResults, ServerRun } from './runner'

/** Figures of workloads 1 (edits, rate ramp; in a room of 50 and of 200) and 2 (cursors). */

export type RampWorkload = 'latency' | 'latencyLarge'

const latency = (run: ServerRun) => run.result as LatencyResult
const cursors = (run: ServerRun) => run.result as CursorResult

/** Server CPU per edit over the passing steps of a rate ramp, ms (all of a deployment's processes). */
export function cpuPerEdit(run: ServerRun): number {
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
export function stepAt(run: ServerRun, rate: number) {
  const steps = latency(run).steps.filter((step) => Math.abs(step.targetRate - rate) < 0.05)
  return steps.find((step) => step.pass) ?? steps[0]
}

/** Highest rate of the doubling ramp that every server sustained: the rate to compare cost at. */
function commonRate(results: BenchResults, workload: RampWorkload): number {
  const c = results.config[workload]
  let best = c.startRate
  for (let rate = c.startRate; rate <= c.maxRate; rate *= 2) {
    const all = results.config.servers.every((kind) => {
      const run = results.runs[workload]?.[kind]
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

export function latencyFigures(results: BenchResults, workload: RampWorkload = 'latency'): Figure[] {
  const c = results.config
  const ramp = c[workload]
  const out: Figure[] = []
  const common = commonRate(results, workload)
  const at = (run: ServerRun) => stepAt(run, common)
  const windowAt = (run: ServerRun) => {
    const step = at(run)
    return step ? run.windows?.[step.name] : undefined
  }
  const first = (run: ServerRun) => latency(run).steps[0]?.latencyMs
  const light = `at ${ramp.startRate} edits/s (${ramp.clients} clients)`
  out.push(
    figure(
      results,
      workload,
      {
        label: `Max sustained edit rate with p99 ≤ ${ramp.p99LimitMs} ms, all delivered`,
        unit: 'edits/s',
        better: 'higher',
        ratioTargets: { yws: 1.5, hocuspocus: 2, relay: 0.66 },
      },
      (run) => latency(run).maxSustainedRate,
    ),
    figure(
      results,
      workload,
      { label: 'Max sustained edit rate, spread over the runs (min–max)', unit: 'edits/s', better: 'info' },
      (run) => {
        const result = latency(run)
        return result.runs ? result.maxOfRunsRate - result.minSustainedRate : null
      },
    ),
    figure(
      results,
      workload,
      {
        label: 'Rate ramp ended by (1 = the server saturated or failed the latency limit)',
        unit: 'share of runs',
        better: 'higher',
      },
      (run) => {
        const runs = latency(run).runs ?? []
        if (runs.length === 0) return null
        return runs.filter((r) => r.boundBy === 'server' || r.boundBy === 'latency').length / runs.length
      },
    ),
    figure(
      results,
      workload,
      { label: `Edit→peer p50 ${light}`, unit: 'ms', better: 'lower' },
      (run) => first(run)?.p50 ?? null,
    ),
    figure(
      results,
      workload,
      { label: `Edit→peer p95 ${light}`, unit: 'ms', better: 'lower' },
      (run) => first(run)?.p95 ?? null,
    ),
    figure(
      results,
      workload,
      { label: `Edit→peer p99 ${light}`, unit: 'ms', better: 'lower', target: { max: 5 } },
      (run) => first(run)?.p99 ?? null,
    ),
    figure(
      results,
      workload,
      { label: `Edit→peer max ${light}`, unit: 'ms', better: 'lower' },
      (run) => first(run)?.max ?? null,
    ),
    figure(
      results,
      workload,
      { label: `Edit→first peer p50 ${light} (server + network)`, unit: 'ms', better: 'lower' },
      (run) => latency(run).steps[0]?.firstPeerMs?.p50 ?? null,
    ),
    figure(
      results,
      workload,
      { label: `Edit→first peer p99 ${light} (server + network)`, unit: 'ms', better: 'lower' },
      (run) => latency(run).steps[0]?.firstPeerMs?.p99 ?? null,
    ),
    figure(
      results,
      workload,
      { label: 'Server CPU per edit (passing steps)', unit: 'ms', better: 'lower' },
      cpuPerEdit,
    ),
  )
  out.push(
    figure(
      results,
      workload,
      {
        label: `Edit→peer p99 at ${common} edits/s (highest rate all sustained)`,
        unit: 'ms',
        better: 'lower',
      },
      (run) => at(run)?.latencyMs.p99 ?? null,
    ),
    figure(
      results,
      workload,
      { label: `Server CPU at ${common} edits/s`, unit: '% of a core', better: 'lower' },
      (run) => windowAt(run)?.serverCpuPct ?? null,
    ),
    figure(
      results,
      workload,
      {
        label: `Server event loop busy at ${common} edits/s (CPU + blocking I/O)`,
        unit: '%',
        better: 'lower',
      },
      (run) => windowAt(run)?.serverBusyPct ?? null,
    ),
  )
  return out
}

export function cursorFigures(results: BenchResults): Figure[] {
  const c = results.config
  const out: Figure[] = []
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
  return out
}
