import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { type ClockSample, clockOffset } from '../../../shared/src/clock'
import { remainingMs, type TimerState } from '../../../shared/src/model'
import { readStored, writeStored } from '../storage/safeStorage'
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

/**
 * The soft sound when a round's time is up: a short, low two-note chime made with WebAudio (no
 * file to download). Browsers only allow sound after the person touched the page, so the audio
 * context is created on the first pointer or key press. Muting is remembered per device.
 */

const MUTE_KEY = 'oogst.session.muted'

let context: AudioContext | null = null

/**
 * Whether the chime would be refused: no touch or key press on this page yet (a reload, a screen
 * nobody touched) or the browser refused to start the sound. A silent refusal was the problem: a
 * phone that reloaded just did not chime. Now the banner says the sound is off and offers to turn
 * it on (that press is the touch the browser waits for).
 */
let blocked = typeof navigator !== 'undefined' && navigator.userActivation?.hasBeenActive === false
const soundListeners = new Set<() => void>()

function setBlocked(value: boolean): void {
  if (blocked === value) return
  blocked = value
  for (const listener of soundListeners) listener()
}

/**
 * Updates `blocked` once the press that unlocked the sound is over: the "Geluid aanzetten" button
 * under the finger must not vanish between pointerdown and click (the click would land on
 * whatever moved into its place).
 */
function settleAfterPress(audio: AudioContext): void {
  if (!blocked) return
  let fallback = 0
  const settle = () => {
    window.clearTimeout(fallback)
    window.removeEventListener('pointerup', later, true)
    window.removeEventListener('keyup', later, true)
    setBlocked(audio.state !== 'running')
  }
  // After the click that follows pointerup (same task), so a timeout of 0.
  const later = () => window.setTimeout(settle, 0)
  window.addEventListener('pointerup', later, { capture: true, once: true })
  window.addEventListener('keyup', later, { capture: true, once: true })
  fallback = window.setTimeout(settle, 1500)
}

function unlock(): void {
  if (context) {
    const audio = context
    if (audio.state === 'suspended') void audio.resume().then(() => settleAfterPress(audio))
    else settleAfterPress(audio)
    return
  }
  const AudioContextClass = window.AudioContext
  if (!AudioContextClass) return
  try {
    const created = new AudioContextClass()
    context = created
    if (created.state === 'running') settleAfterPress(created)
    else void created.resume().then(() => settleAfterPress(created))
  } catch {
    context = null
  }
}

/** True while this screen could not play the time-up chime (see `blocked`). */
export function useSoundBlocked(): boolean {
  return useSyncExternalStore(
    (listener) => {
      soundListeners.add(listener)
      return () => soundListeners.delete(listener)
    },
    () => blocked,
    () => false,
  )
}

/** "Geluid aanzetten": called from a button press, so the browser lets the sound start. */
export function enableSound(): void {
  unlock()
  // A short chime says it works (and only plays when it does).
  if (context?.state === 'running') chime(context)
}

if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', unlock, { capture: true })
  window.addEventListener('keydown', unlock, { capture: true })
}

function tone(audio: AudioContext, frequency: number, start: number, length: number): void {
  const oscillator = audio.createOscillator()
  const gain = audio.createGain()
  oscillator.type = 'sine'
  oscillator.frequency.value = frequency
  // A soft attack and a long fade: a chime, not a beep.
  gain.gain.setValueAtTime(0, start)
  gain.gain.linearRampToValueAtTime(0.18, start + 0.03)
  gain.gain.exponentialRampToValueAtTime(0.001, start + length)
  oscillator.connect(gain).connect(audio.destination)
  oscillator.start(start)
  oscillator.stop(start + length + 0.05)
}

export function isMuted(): boolean {
  return readStored(MUTE_KEY) === 'true'
}

function chime(audio: AudioContext): void {
  const now = audio.currentTime
  tone(audio, 660, now, 0.6)
  tone(audio, 523.25, now + 0.28, 0.9)
}

export function playTimeUpSound(): void {
  if (isMuted()) return
  const audio = context
  if (audio?.state !== 'running') {
    setBlocked(true)
    return
  }
  chime(audio)
}

/** The mute toggle's state, remembered on this device. */
export function useMuted(): [boolean, (muted: boolean) => void] {
  const [muted, setMutedState] = useState(isMuted)
  const setMuted = useCallback((next: boolean) => {
    writeStored(MUTE_KEY, String(next))
    setMutedState(next)
  }, [])
  return [muted, setMuted]
}
