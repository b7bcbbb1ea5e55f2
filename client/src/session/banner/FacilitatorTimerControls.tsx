import { useTranslation } from 'react-i18next'
import type { SessionView } from '../sessionView'
import { useSessionCommand } from './useSessionCommand'

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
          <button type="button" className="button secondary" disabled={busy} onClick={() => addMinutes(1)}>
            {t('session.plusOne')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => addMinutes(5)}>
            {t('session.plusFive')}
          </button>
        </span>
      )}
      {timer.status === 'running' && !view.timeUp && (
        <>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => run({ action: 'pause' })}
          >
            {t('session.pause')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => addMinutes(1)}
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
          disabled={busy}
          onClick={() => run({ action: 'resume' })}
        >
          {t('session.resume')}
        </button>
      )}
      {hasNext && (
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => run({ action: 'skip' })}
        >
          {t('session.next')}
        </button>
      )}
      {timer.status !== 'ended' && (
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => run({ action: 'end' })}
          data-testid="session-end"
        >
          {t('session.end')}
        </button>
      )}
    </fieldset>
  )
}
