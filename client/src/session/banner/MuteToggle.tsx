import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { enableSound, useMuted, useSoundBlocked } from '../clock'

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      {muted && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />}
    </svg>
  )
}

/**
 * The time-up chime on or off, remembered on this device. When the browser would refuse the chime
 * (no touch on this page yet, e.g. after a reload) it shows the sound as off, and choosing it turns
 * the sound on: that press is the touch the browser waits for.
 */
export function MuteToggle() {
  const { t } = useTranslation()
  const [muted, setMuted] = useMuted()
  const blocked = useSoundBlocked() && !muted
  const label = blocked ? t('session.soundBlocked') : muted ? t('session.soundOff') : t('session.soundOn')
  return (
    <button
      type="button"
      className="icon-button session-mute"
      aria-pressed={muted || blocked}
      aria-label={label}
      title={label}
      onClick={() => (blocked ? enableSound() : setMuted(!muted))}
      data-testid="session-mute"
      data-blocked={blocked}
    >
      <BellIcon muted={muted || blocked} />
    </button>
  )
}

/**
 * On the banner's line while a round runs: the chime would be refused on this screen. Says so and
 * turns it on in one press, so a phone that reloaded does not stay silent at time up unnoticed.
 */
export function SoundBlockedButton() {
  const { t } = useTranslation()
  const [muted] = useMuted()
  const blocked = useSoundBlocked()
  if (!blocked || muted) return null
  return (
    <button
      type="button"
      className="button secondary session-sound-blocked"
      onClick={enableSound}
      title={t('session.soundBlocked')}
      data-testid="sound-blocked"
    >
      <BellIcon muted />
      <span className="visually-hidden">{t('session.soundIsOff')} </span>
      {/* Hidden on a phone's narrow line (the icon stays); the name keeps the words. */}
      <span className="session-sound-blocked-text">{t('session.soundTurnOn')}</span>
    </button>
  )
}

/** A message that disappears after a while (refusals, confirmations). */
export function useFading<T extends { at: number }>(value: T | null, ms: number): T | null {
  const [shown, setShown] = useState<T | null>(value)
  useEffect(() => {
    setShown(value)
    if (!value) return
    const timer = window.setTimeout(() => setShown(null), Math.max(0, value.at + ms - Date.now()))
    return () => window.clearTimeout(timer)
  }, [value, ms])
  return shown
}
