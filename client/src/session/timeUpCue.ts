import { useCallback, useState } from 'react'
import { readStored, writeStored } from '../storage/safeStorage'

/**
 * The soft sound when a round's time is up: a short, low two-note chime made with WebAudio (no
 * file to download). Browsers only allow sound after the person touched the page, so the audio
 * context is created on the first pointer or key press. Muting is remembered per device.
 */

const MUTE_KEY = 'oogst.session.muted'

let context: AudioContext | null = null

function unlock(): void {
  if (context) {
    if (context.state === 'suspended') void context.resume()
    return
  }
  const AudioContextClass = window.AudioContext
  if (!AudioContextClass) return
  try {
    context = new AudioContextClass()
  } catch {
    context = null
  }
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

export function playTimeUpSound(): void {
  if (isMuted() || !context || context.state !== 'running') return
  const now = context.currentTime
  tone(context, 660, now, 0.6)
  tone(context, 523.25, now + 0.28, 0.9)
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
