import { useTranslation } from 'react-i18next'
import type { TimerStatus } from '../../../../shared/src/model'
import { formatClock } from '../useCountdown'

interface TimerDisplayProps {
  remaining: number | null
  status: TimerStatus
  timeUp: boolean
}

/**
 * The time left, big and in digits. Screen readers get it as text (not announced every second;
 * the banner's status line announces the moment time is up).
 */
export function TimerDisplay({ remaining, status, timeUp }: TimerDisplayProps) {
  const { t } = useTranslation()
  if (timeUp) {
    return (
      <div className="session-timer time-up" data-testid="session-timer" data-status="up">
        <span className="session-timer-digits">0:00</span>
        <span className="session-timer-label">{t('session.timeUpShort')}</span>
      </div>
    )
  }
  if (remaining === null) return null
  return (
    <div className={`session-timer status-${status}`} data-testid="session-timer" data-status={status}>
      <span
        className="session-timer-digits"
        role="timer"
        aria-label={t('session.timeLeft', { time: formatClock(remaining) })}
      >
        {formatClock(remaining)}
      </span>
      {status === 'paused' && <span className="session-timer-label">{t('session.paused')}</span>}
    </div>
  )
}
