import { runColdLoad } from './coldLoad'
import { runCursors } from './cursors'
import { runLatency } from './latency'
import type { Checkpoint, ContinueMessage, Job, LoadMessage } from './protocol'
import { runRooms } from './rooms'

/**
 * Load-generator process (forked by the orchestrator, one per workload and server): receives one
 * Job, runs it with real Yjs clients, pauses at checkpoints so the orchestrator can measure the
 * server, sends the result and exits.
 */
process.setMaxListeners(0) // every y-websocket provider adds a process 'exit' listener

const send = (message: LoadMessage) =>
  new Promise<void>((resolve) => {
    process.send?.(message, () => resolve())
  })

const checkpoint: Checkpoint = (name, options = {}) =>
  new Promise((resolve) => {
    const onMessage = (message: Partial<ContinueMessage>) => {
      if (message?.type !== 'continue' || message.name !== name) return
      process.off('message', onMessage)
      resolve(message.window ?? null)
    }
    process.on('message', onMessage)
    void send({ type: 'checkpoint', name, mem: options.mem ?? false })
  })

function run(job: Job): Promise<unknown> {
  switch (job.workload) {
    case 'latency':
    case 'latencyLarge':
      return runLatency(job.target, job.rooms, job.options, checkpoint)
    case 'cursors':
      return runCursors(job.target, job.rooms, job.options, checkpoint)
    case 'rooms':
      return runRooms(job.target, job.rooms, job.options, checkpoint)
    case 'coldLoad':
      return runColdLoad(job.target, job.rooms, job.options, checkpoint)
  }
}

process.once('message', (job: Job) => {
  run(job)
    .then((result) => send({ type: 'result', result }))
    .catch((error) =>
      send({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    )
    .finally(() => {
      process.disconnect()
      process.exit(0)
    })
})
process.on('disconnect', () => process.exit(0))
process.on('SIGTERM', () => process.exit(0))
