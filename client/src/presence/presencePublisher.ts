import type { Awareness } from 'y-protocols/awareness'

/** At most this many awareness messages per second from this client (cursor moves are the bulk). */
export const MAX_UPDATES_PER_SECOND = 20
const MIN_INTERVAL_MS = 1000 / MAX_UPDATES_PER_SECOND

/**
 * Batches changes to this client's awareness fields: everything set within one interval goes out
 * as a single message, and never more than 20 per second, whatever the pointer does. (The server
 * also drops awareness beyond its own per-socket budget.)
 */
export class PresencePublisher {
  private pending: Record<string, unknown> = {}
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastFlush = 0

  constructor(private readonly awareness: Awareness) {}

  set(fields: Record<string, unknown>): void {
    Object.assign(this.pending, fields)
    if (this.timer !== null) return
    const wait = this.lastFlush + MIN_INTERVAL_MS - Date.now()
    if (wait <= 0) this.flush()
    else this.timer = setTimeout(() => this.flush(), wait)
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (Object.keys(this.pending).length === 0) return
    const current = this.awareness.getLocalState()
    // A destroyed provider sets the local state to null; then there is nobody to tell.
    if (current === null) return
    this.awareness.setLocalState({ ...current, ...this.pending })
    this.pending = {}
    this.lastFlush = Date.now()
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.pending = {}
  }
}
