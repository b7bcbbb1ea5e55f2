import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMuted } from '../clock'

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

/** The time-up chime on or off, remembered on this device. */
export function MuteToggle() {
  const { t } = useTranslation()
  const [muted, setMuted] = useMuted()
  return (
    <button
      type="button"
      className="icon-button session-mute"
      aria-pressed={muted}
      aria-label={muted ? t('session.soundOff') : t('session.soundOn')}
      title={muted ? t('session.soundOff') : t('session.soundOn')}
      onClick={() => setMuted(!muted)}
      data-testid="session-mute"
    >
      <BellIcon muted={muted} />
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
