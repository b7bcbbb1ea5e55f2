import { useEffect, useRef, useState } from 'react'
import { remainingMs, type TimerState } from '../../../shared/src/model'
import { serverNow, useClockMeasured } from './serverClock'

export interface Countdown {
  /** Milliseconds left (paused: what is left), or null when no round is timed. */
  remaining: number | null
  /** The running round's time is up: the timer reached zero and the facilitator has not ended it. */
  timeUp: boolean
}

const TICK_MS = 250

function compute(timer: TimerState): Countdown {
  const remaining = remainingMs(timer, serverNow())
  return { remaining, timeUp: timer.status === 'running' && remaining === 0 }
}

/**
 * The time left on the session timer, from `endsAt` and the server clock, updated a few times a
 * second while it runs. Survives reloads: nothing is counted locally, it is all read from the
 * control document. `onTimeUp` runs once when a running timer reaches zero while this page watches.
 */
export function useCountdown(timer: TimerState, onTimeUp: () => void): Countdown {
  const measured = useClockMeasured()
  const [countdown, setCountdown] = useState(() => compute(timer))
  const callback = useRef(onTimeUp)
  callback.current = onTimeUp
  const lastRemaining = useRef<number | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new clock measurement re-computes
  useEffect(() => {
    const tick = () => {
      const next = compute(timer)
      const before = lastRemaining.current
      if (timer.status === 'running' && next.remaining === 0 && before !== null && before > 0)
        callback.current()
      lastRemaining.current = next.remaining
      setCountdown((previous) =>
        previous.remaining !== null &&
        next.remaining !== null &&
        Math.floor(previous.remaining / 1000) === Math.floor(next.remaining / 1000) &&
        previous.timeUp === next.timeUp
          ? previous
          : next,
      )
    }
    tick()
    if (timer.status !== 'running') return
    const interval = window.setInterval(tick, TICK_MS)
    return () => window.clearInterval(interval)
  }, [timer, measured])

  return countdown
}

/** "4:05", "0:09", "12:00" — minutes and seconds, rounded up so 0:00 means time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}
