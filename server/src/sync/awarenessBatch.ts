/**
 * Presence (cursors) is the dominant cost of a full room: every change of one person goes to every
 * other, N² messages, and the profile of 500 clients showed over half the server's time in the
 * socket writes themselves. A batch gathers the client ids that changed and hands them out
 * together, once per window, so each socket gets one frame carrying many cursors.
 *
 * `leading`: the first change after a quiet spell goes out at once (no added delay in a calm room);
 * changes during the following window wait for its end. Without it, every change waits for the
 * window (fine for the fan-out to other instances, which is itself one more hop).
 */
export class AwarenessBatch {
  private readonly ids = new Set<number>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly windowMs: number,
    private readonly flush: (clientIds: number[]) => void,
    private readonly leading: boolean,
  ) {}

  add(clientIds: readonly number[]): void {
    if (clientIds.length === 0) return
    if (!this.timer && this.leading) {
      this.flush([...clientIds])
      this.timer = setTimeout(() => this.tick(), this.windowMs)
      return
    }
    for (const id of clientIds) this.ids.add(id)
    this.timer ??= setTimeout(() => this.tick(), this.windowMs)
  }

  private tick(): void {
    this.timer = null
    if (this.ids.size === 0) return
    const ids = [...this.ids]
    this.ids.clear()
    this.flush(ids)
    // Still busy: the next changes wait for the end of a new window, not go out one by one.
    if (this.leading) this.timer = setTimeout(() => this.tick(), this.windowMs)
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.ids.clear()
  }
}
