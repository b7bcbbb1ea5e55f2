import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

/**
 * Loaded into every server under test (ours with `--import`, the wrappers import it), so all four
 * are measured the same way. The bench orchestrator asks over the IPC channel and gets the
 * cumulative event-loop utilisation (time the loop was busy, including time blocked in synchronous
 * calls such as SQLite's fsync, which CPU time does not show) and, when asked, `process.memoryUsage()`
 * after a full garbage collection (the servers run with --expose-gc), and the longest the loop was
 * blocked since the previous probe (a stall: what fails a step's p99 at a low rate while CPU is
 * low; issue 17's ramp saw such steps without knowing their cause). It changes nothing else in the
 * server. When the orchestrator goes away, the server is asked to stop gracefully (SIGTERM).
 */

export interface ProbeRequest {
  type: 'probe'
  id: number
  mem: boolean
}

export interface ProbeReply {
  type: 'probe'
  id: number
  elu: { idle: number; active: number }
  usage?: NodeJS.MemoryUsage
  /** The longest event-loop delay since the previous probe, ms (10 ms resolution). */
  stallMaxMs: number
}

const maybeGc = (globalThis as { gc?: () => void }).gc
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'probe') return
    const { idle, active } = performance.eventLoopUtilization()
    // Read before the GC below, which would count as a stall of the next window.
    const stallMaxMs = loopDelay.max / 1e6
    loopDelay.reset()
    const reply: ProbeReply = { type: 'probe', id: message.id, elu: { idle, active }, stallMaxMs }
    if (message.mem) {
      if (maybeGc) {
        maybeGc()
        maybeGc()
      }
      reply.usage = process.memoryUsage()
    }
    process.send?.(reply)
  })
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'))
}
