/**
 * Token bucket: `ratePerSecond` sustained, `burst` at once. Used per socket for updates and
 * awareness, so one flooding client cannot starve the others in its room.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes `count` tokens (one message, or a frame's bytes); false, and none taken, when short. */
  take(count = 1): boolean {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond)
    this.last = now
    if (this.tokens < count) return false
    this.tokens -= count
    return true
  }
}

/** Open sockets per client address, for the per-address connection limit. */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>()

  constructor(private readonly max: number) {}

  /** Counts a new socket from `address`; false (and nothing counted) when over the limit. */
  tryAdd(address: string): boolean {
    const count = this.counts.get(address) ?? 0
    if (count >= this.max) return false
    this.counts.set(address, count + 1)
    return true
  }

  remove(address: string): void {
    const count = (this.counts.get(address) ?? 1) - 1
    if (count <= 0) this.counts.delete(address)
    else this.counts.set(address, count)
  }
}
