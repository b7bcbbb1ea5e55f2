import { Piscina } from 'piscina'
import type { TaskInput, TaskKind, TaskMessage, TaskOutput } from './tasks'

/**
 * Heavy work off the event loop (issue 16, F1): reports, backup imports and board checks run in a
 * small pool of worker threads, each task with a time budget (the thread is terminated when it
 * runs over) and a memory budget (the thread's V8 heap limit), one task per board at a time and a
 * bounded number waiting. A 20,000-note PDF takes seconds of CPU; the sockets of every other board
 * keep being served meanwhile.
 *
 *   const work = new HeavyWork({ threads: 1, taskTimeoutMs: 60_000, taskMemoryMb: 1024, ... })
 *   const result = await work.run('report', input, { boardId })   // throws HeavyWorkError
 *
 * New kinds are registered in tasks.ts (see there).
 */

export interface HeavyWorkOptions {
  /** Pool threads; with fewer cores than threads + 1 the event loop would share its core. */
  threads: number
  taskTimeoutMs: number
  /** V8 old-generation heap per thread (native memory of resvg is not counted). */
  taskMemoryMb: number
  /** Tasks that may wait for a thread, over all boards. */
  maxWaiting: number
  /** Tasks of one board that may wait while its one running task finishes. */
  maxWaitingPerBoard: number
}

export type HeavyWorkFailure = 'busy' | 'timeout' | 'memory'

/** A task refused or stopped for a budget; the HTTP layer answers 503 (busy, timeout) or 413 (memory). */
export class HeavyWorkError extends Error {
  constructor(
    readonly reason: HeavyWorkFailure,
    message: string,
  ) {
    super(message)
  }
}

interface Waiting {
  start: () => void
  boardId: string | null
}

export class HeavyWork {
  private readonly pool: Piscina
  private running = 0
  private readonly busyBoards = new Set<string>()
  private readonly waiting: Waiting[] = []
  private closed = false

  constructor(
    private readonly options: HeavyWorkOptions,
    log: (message: string, error?: unknown) => void = () => {},
  ) {
    this.pool = new Piscina({
      filename: new URL('./workerEntry.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads,
      // A thread starts in ~0.5 s (tsx, the renderers); one that built a large report holds its
      // heap until it exits, so an idle thread goes after 10 s.
      idleTimeout: 10_000,
      resourceLimits: { maxOldGenerationSizeMb: options.taskMemoryMb },
      // Pool threads run at a lower CPU priority (Linux nice is per thread, via @napi-rs/nice):
      // on a 2-core machine a PDF then takes what the sockets leave, not the other way round.
      niceIncrement: 10,
    })
    // A thread that fails outside a task (its modules do not load) must not take the server down.
    this.pool.on('error', (error: unknown) => log('heavy work thread failed', error))
  }

  /** Tasks running and waiting now (metrics, tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length }
  }

  /**
   * True when a task for this board would be refused now: callers check before reading a large
   * board from storage, so a burst of requests is refused without loading anything.
   */
  isFull(boardId: string | null = null): boolean {
    if (this.mayStart(boardId)) return false
    const sameBoard = this.waiting.filter((task) => task.boardId !== null && task.boardId === boardId).length
    return (
      this.waiting.length >= this.options.maxWaiting ||
      (boardId !== null && sameBoard >= this.options.maxWaitingPerBoard)
    )
  }

  async run<K extends TaskKind>(
    kind: K,
    input: TaskInput<K>,
    { boardId = null }: { boardId?: string | null } = {},
  ): Promise<TaskOutput<K>> {
    await this.turn(boardId)
    try {
      return (await this.pool.run({ kind, input } satisfies TaskMessage, {
        // Aborting a running task terminates its thread; the pool starts a fresh one.
        signal: AbortSignal.timeout(this.options.taskTimeoutMs),
      })) as TaskOutput<K>
    } catch (error) {
      throw this.translate(error)
    } finally {
      this.finish(boardId)
    }
  }

  /** Waits until a thread is free and the board has no task running; refuses when too many wait. */
  private turn(boardId: string | null): Promise<void> {
    if (this.closed) return Promise.reject(new HeavyWorkError('busy', 'the server is shutting down'))
    if (this.mayStart(boardId)) {
      this.started(boardId)
      return Promise.resolve()
    }
    if (this.isFull(boardId))
      return Promise.reject(new HeavyWorkError('busy', 'too many heavy tasks are waiting'))
    return new Promise((resolve) => this.waiting.push({ boardId, start: resolve }))
  }

  private mayStart(boardId: string | null): boolean {
    return this.running < this.options.threads && !(boardId && this.busyBoards.has(boardId))
  }

  private started(boardId: string | null): void {
    this.running++
    if (boardId) this.busyBoards.add(boardId)
  }

  private finish(boardId: string | null): void {
    this.running--
    if (boardId) this.busyBoards.delete(boardId)
    // First in, first out, skipping tasks whose board is still busy.
    const next = this.waiting.findIndex((task) => this.mayStart(task.boardId))
    if (next < 0) return
    const [task] = this.waiting.splice(next, 1)
    if (!task) return
    this.started(task.boardId)
    task.start()
  }

  private translate(error: unknown): unknown {
    const code = (error as { code?: string } | null)?.code
    const name = (error as { name?: string } | null)?.name
    if (name === 'AbortError' || name === 'TimeoutError')
      return new HeavyWorkError('timeout', `the task ran longer than ${this.options.taskTimeoutMs} ms`)
    if (code === 'ERR_WORKER_OUT_OF_MEMORY')
      return new HeavyWorkError('memory', `the task needed more than ${this.options.taskMemoryMb} MB`)
    return error
  }

  async close(): Promise<void> {
    this.closed = true
    await this.pool.destroy()
  }
}
