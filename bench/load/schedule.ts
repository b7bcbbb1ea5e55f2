import { monitorEventLoopDelay } from 'node:perf_hooks'
import { sleep } from './pool'

/**
 * Issues `act(k)` at a steady total rate for a bounded time (k counts up from 0). A late tick
 * catches up, so the achieved rate stays on target unless the generator itself is saturated, which
 * the returned event-loop lag and CPU figures show.
 */
export interface ScheduleResult {
  issued: number
  elapsedMs: number
  achievedRate: number
  /** Load generator event-loop delay p99 (ms) and CPU use (% of one core) during the run. */
  loadLagP99Ms: number
  loadCpuPct: number
}

export async function runAtRate(
  ratePerSecond: number,
  durationMs: number,
  act: (k: number) => void,
): Promise<ScheduleResult> {
  const lag = monitorEventLoopDelay({ resolution: 5 })
  lag.enable()
  const cpuBefore = process.cpuUsage()
  const start = performance.now()
  let issued = 0
  while (true) {
    const elapsed = performance.now() - start
    if (elapsed >= durationMs) break
    const due = Math.floor((elapsed * ratePerSecond) / 1000)
    while (issued < due) act(issued++)
    await sleep(1)
  }
  const elapsedMs = performance.now() - start
  const cpu = process.cpuUsage(cpuBefore)
  lag.disable()
  return {
    issued,
    elapsedMs,
    achievedRate: (issued * 1000) / elapsedMs,
    loadLagP99Ms: lag.percentile(99) / 1e6,
    loadCpuPct: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
  }
}
