import { performance } from 'node:perf_hooks'

/**
 * Loaded into every server under test (ours with `--import`, the wrappers import it), so all four
 * are measured the same way. The bench orchestrator asks over the IPC channel and gets the
 * cumulative event-loop utilisation (time the loop was busy, including time blocked in synchronous
 * calls such as SQLite's fsync, which CPU time does not show) and, when asked, `process.memoryUsage()`
 * after a full garbage collection (the servers run with --expose-gc). It changes nothing else in the
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
}

const maybeGc = (globalThis as { gc?: () => void }).gc

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'probe') return
    const { idle, active } = performance.eventLoopUtilization()
    const reply: ProbeReply = { type: 'probe', id: message.id, elu: { idle, active } }
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
