/**
 * Runs work one piece at a time, in the order it was queued; a piece that fails does not stop the
 * ones after it. The server's one promise-chain serialiser (issue 16): a socket's messages in
 * arrival order (sync/connection.ts), a room's writes and compactions (sync/room.ts) and a board's
 * facilitation actions (session/sessionService.ts).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work)
    this.tail = result.catch(() => {})
    return result
  }

  /** Settles once everything queued so far has finished (never rejects). */
  async idle(): Promise<void> {
    await this.tail
  }
}

/** One SerialQueue per key, dropped once it has nothing left to run (no map that only grows). */
export class KeyedSerialQueue<K> {
  private readonly queues = new Map<K, { queue: SerialQueue; pending: number }>()

  run<T>(key: K, work: () => Promise<T> | T): Promise<T> {
    const entry = this.queues.get(key) ?? { queue: new SerialQueue(), pending: 0 }
    this.queues.set(key, entry)
    entry.pending++
    const result = entry.queue.run(work)
    void entry.queue.idle().then(() => {
      if (--entry.pending === 0 && this.queues.get(key) === entry) this.queues.delete(key)
    })
    return result
  }

  /** Keys with work queued or running. */
  get size(): number {
    return this.queues.size
  }
}
