import { useSyncExternalStore } from 'react'
import { type ClockSample, clockOffset } from '../../../shared/src/clock'
import { getServerTime } from './sessionApi'

/**
 * The server's clock, as seen from this device. Timers end at a server time (`timer.endsAt`), and
 * device clocks are often minutes off (phones without network time, laptops after sleep), so the
 * device clock is never trusted on its own: `GET /api/time` is asked a few times and the answer
 * with the shortest round trip wins (least queueing, so the best estimate), with
 *   offset = serverNow + rtt / 2 − localNow.
 * The offset is measured once per page and again every few minutes and when the tab comes back.
 */

const SAMPLES = 5
const REMEASURE_MS = 5 * 60_000

// performance.now() does not jump when the device clock is set; Date.now() only anchors it.
const localNow = () => performance.timeOrigin + performance.now()

let offset = 0
let measured = false
let measuring: Promise<void> | null = null
let lastMeasured = 0
const listeners = new Set<() => void>()

async function measure(): Promise<void> {
  const samples: ClockSample[] = []
  for (let i = 0; i < SAMPLES; i += 1) {
    const sentAt = localNow()
    try {
      const { now } = await getServerTime()
      samples.push({ sentAt, receivedAt: localNow(), serverNow: now })
    } catch {
      // One lost sample is fine; without any we keep the previous offset.
    }
  }
  if (samples.length === 0) return
  offset = clockOffset(samples)
  measured = true
  lastMeasured = localNow()
  for (const listener of listeners) listener()
}

function ensureMeasured(): void {
  if (measuring || (measured && localNow() - lastMeasured < REMEASURE_MS)) return
  measuring = measure().finally(() => {
    measuring = null
  })
}

/** The server's time now (best estimate). */
export function serverNow(): number {
  ensureMeasured()
  return localNow() + offset
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  ensureMeasured()
  const again = () => {
    if (document.visibilityState === 'visible') ensureMeasured()
  }
  document.addEventListener('visibilitychange', again)
  window.addEventListener('online', again)
  const timer = window.setInterval(ensureMeasured, REMEASURE_MS)
  return () => {
    listeners.delete(listener)
    document.removeEventListener('visibilitychange', again)
    window.removeEventListener('online', again)
    window.clearInterval(timer)
  }
}

/** True once the offset was measured; re-renders when a new measurement arrives. */
export function useClockMeasured(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => measured,
    () => false,
  )
}
