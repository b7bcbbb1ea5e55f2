/**
 * Loaded into every server under test (ours with `--import`, the wrappers import it), so all four
 * report memory the same way: the bench orchestrator asks over the IPC channel, optionally after a
 * full garbage collection (the servers run with --expose-gc), and gets `process.memoryUsage()`.
 * It changes nothing else in the server. When the orchestrator goes away, the server is asked to
 * stop gracefully (SIGTERM), so an interrupted bench leaves no servers behind.
 */

interface MemRequest {
  type: 'mem'
  id: number
  gc: boolean
}

const maybeGc = (globalThis as { gc?: () => void }).gc

if (process.send) {
  process.on('message', (message: MemRequest) => {
    if (message?.type !== 'mem') return
    if (message.gc && maybeGc) {
      maybeGc()
      maybeGc()
    }
    process.send?.({ type: 'mem', id: message.id, usage: process.memoryUsage() })
  })
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'))
}
