/**
 * Clock-skew correction: devices' clocks are often minutes off, and a timer must show the same
 * remaining time on every screen. The client asks the server's time a few times and keeps the
 * sample with the shortest round trip (the least queueing noise), NTP-style.
 */
export interface ClockSample {
  /** Local clock when the request was sent and when the answer arrived. */
  sentAt: number
  receivedAt: number
  /** Server clock in the answer. */
  serverNow: number
}

/** Milliseconds to add to the local clock to get the server's clock. */
export function clockOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) return 0
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a))
  const midpoint = best.sentAt + (best.receivedAt - best.sentAt) / 2
  return best.serverNow - midpoint
}

/** Takes `count` samples with `fetchServerNow` (e.g. GET /api/time) and returns the offset. */
export async function measureClockOffset(
  fetchServerNow: () => Promise<number>,
  localNow: () => number = () => Date.now(),
  count = 5,
): Promise<number> {
  const samples: ClockSample[] = []
  for (let i = 0; i < count; i++) {
    const sentAt = localNow()
    const serverNow = await fetchServerNow()
    samples.push({ sentAt, receivedAt: localNow(), serverNow })
  }
  return clockOffset(samples)
}
