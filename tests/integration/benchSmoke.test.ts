import { describe, expect, it } from 'vitest'
import { benchConfig } from '../../bench/config'
import type { ColdLoadResult } from '../../bench/load/coldLoad'
import type { LatencyResult } from '../../bench/load/latency'
import { renderMarkdown } from '../../bench/report'
import { runBench } from '../../bench/runner'
import { renderScaleOut, runScaleOut } from '../../bench/scaleout'
import { servicesAvailable } from '../helpers/services'

/**
 * Keeps the side-by-side benchmark (`npm run bench`) from rotting: the same harness in its tiny
 * mode — a few clients, under a second per step — against the real Oogst server and the raw relay,
 * each in its own process with the load generator in a third.
 */
describe('benchmark harness (tiny mode)', () => {
  it('measures edit latency and a cold load with sane numbers', async () => {
    const config = benchConfig('tiny', ['oogst', 'relay'], ['latency', 'coldLoad'])
    const results = await runBench(config)

    for (const kind of ['oogst', 'relay'] as const) {
      const run = results.runs.latency?.[kind]
      expect(run?.error ?? 'ok').toBe('ok')
      const result = run?.result as LatencyResult
      expect(result.clients).toBe(config.latency.clients)
      expect(result.failedClients).toBe(0)
      expect(result.steps.length).toBeGreaterThan(0)
      expect(result.runs).toHaveLength(config.latency.runs)
      const full = config.latency.fullReceivers
      for (const step of result.steps) {
        expect(step.sent).toBeGreaterThan(0)
        // Only the full receivers decode and count each edit (not their own); the rest are lean.
        expect(step.expected).toBeGreaterThanOrEqual(step.sent * (full - 1))
        expect(step.expected).toBeLessThan(step.sent * full)
        // Lean receivers still got the edits, as frames they counted without decoding.
        expect(step.leanFramesPerEdit).toBeGreaterThan(0)
        expect(['server', 'generator', 'others', null]).toContain(step.saturated)
        expect(step.delivered).toBe(step.expected)
        expect(step.latencyMs.count).toBe(step.expected)
        expect(step.latencyMs.p50).toBeGreaterThan(0)
        expect(step.latencyMs.p99).toBeGreaterThanOrEqual(step.latencyMs.p50)
        expect(step.latencyMs.max).toBeLessThan(5000)
        const window = run?.windows?.[step.name]
        expect(window?.ms).toBeGreaterThan(0)
        expect(window?.serverBusyPct).toBeGreaterThanOrEqual(0)
      }
    }

    const cold = results.runs.coldLoad?.oogst
    expect(cold?.error ?? 'ok').toBe('ok')
    const load = cold?.result as ColdLoadResult
    expect(load.cold.length).toBe(config.coldLoad.repeats)
    for (const sample of [...load.cold, ...load.warm]) {
      expect(sample.notes).toBe(config.coldLoad.notes)
      expect(sample.ms).toBeGreaterThan(0)
      expect(sample.bytes).toBeGreaterThan(load.stateBytes * 0.9)
    }
    expect(results.runs.coldLoad?.relay?.skipped).toBeTruthy()

    const markdown = renderMarkdown(results)
    expect(markdown).toContain('| Oogst | raw ws relay |')
    expect(markdown).toMatch(/Max sustained edit rate/)
  }, 30_000)

  it.skipIf(!servicesAvailable.postgres || !servicesAvailable.redis)(
    'runs the scale-out comparison: one instance and two on PostgreSQL + Redis',
    async () => {
      const config = benchConfig('tiny', ['oogst'], ['latency'])
      const results = await runScaleOut(config, () => {})
      expect(results.skipped).toBeUndefined()
      for (const kind of ['one', 'two'] as const) {
        const run = results.runs[kind]
        expect(run?.error ?? 'ok').toBe('ok')
        for (const step of run?.result?.steps ?? []) expect(step.delivered).toBe(step.expected)
        expect(run?.result?.steps.length).toBeGreaterThan(0)
      }
      expect(renderScaleOut(results, config)).toMatch(/\| Max sustained edit rate.*\| [0-9.]+ \| [0-9.]+ \|/)
    },
    60_000,
  )
})
