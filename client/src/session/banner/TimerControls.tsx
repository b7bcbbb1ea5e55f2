import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TimerStatus } from '../../../../shared/src/model'
import { ApiError } from '../../api/http'
import { softDisabled } from '../../components/softDisabled'
import { formatClock } from '../clock'
import { type SessionAction, sessionAction } from '../sessionApi'
import type { SessionView } from '../sessionView'

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

/**
 * The facilitator's timer buttons under the round: pause or resume, one minute more, next round,
 * end the round. When time is up: "Meer tijd nodig?" with one or five minutes more.
 */
export function FacilitatorTimerControls({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const { run, busy } = useSessionCommand(view)
  const { timer, currentIndex, rounds } = view.state
  const hasNext = currentIndex >= 0 && currentIndex < rounds.length - 1
  const addMinutes = (minutes: number) =>
    run(...Array.from({ length: minutes }, () => ({ action: 'addMinute' as const })))

  return (
    <fieldset className="session-controls">
      <legend className="visually-hidden">{t('session.controlsLabel')}</legend>
      {view.timeUp && (
        <span className="session-more-time" data-testid="more-time">
          <span>{t('session.moreTime')}</span>
          <button type="button" className="button secondary" {...softDisabled(busy, () => addMinutes(1))}>
            {t('session.plusOne')}
          </button>
          <button type="button" className="button secondary" {...softDisabled(busy, () => addMinutes(5))}>
            {t('session.plusFive')}
          </button>
        </span>
      )}
      {timer.status === 'running' && !view.timeUp && (
        <>
          <button
            type="button"
            className="button secondary"
            {...softDisabled(busy, () => run({ action: 'pause' }))}
          >
            {t('session.pause')}
          </button>
          <button
            type="button"
            className="button secondary"
            {...softDisabled(busy, () => addMinutes(1))}
            // Where focus lands after "+1 minuut" when time was up (that button goes away).
            data-focus-return
            data-testid="session-add-minute"
          >
            {t('session.plusOne')}
          </button>
        </>
      )}
      {timer.status === 'paused' && (
        <button
          type="button"
          className="button primary"
          {...softDisabled(busy, () => run({ action: 'resume' }))}
        >
          {t('session.resume')}
        </button>
      )}
      {hasNext && (
        <button
          type="button"
          className="button secondary"
          {...softDisabled(busy, () => run({ action: 'skip' }))}
        >
          {t('session.next')}
        </button>
      )}
      {timer.status !== 'ended' && (
        <button
          type="button"
          className="button secondary"
          {...softDisabled(busy, () => run({ action: 'end' }))}
          data-testid="session-end"
        >
          {t('session.end')}
        </button>
      )}
    </fieldset>
  )
}

/**
 * Runs a facilitator's timer command (`POST …/session`) and explains a failure in plain words.
 * `busy` stops double clicks from starting a round twice.
 */
export function useSessionCommand(view: Pick<SessionView, 'boardId' | 'token' | 'say'>) {
  const { boardId, token, say } = view
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async (...actions: SessionAction[]) => {
      setBusy(true)
      try {
        for (const action of actions) await sessionAction(boardId, token, action)
      } catch (error) {
        say(
          error instanceof ApiError && error.code === 'network' ? 'session.offline' : 'session.actionFailed',
        )
      } finally {
        setBusy(false)
      }
    },
    [boardId, token, say],
  )
  return { run, busy }
}
