import { useTranslation } from 'react-i18next'
import { setLocked } from '../../../../shared/src/model'
import type { SessionView } from '../../session/sessionView'

/**
 * Locking whole questions: a locked zone and every note in it cannot be changed by participants
 * (the server refuses it too). Single notes are locked from the canvas ("Vastzetten").
 */
export function ZoneLocks({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const control = view.control
  if (view.zones.length === 0 || !control) return null
  return (
    <details className="zone-locks">
      <summary>{t('facilitator.zoneLocks')}</summary>
      <p className="session-muted">{t('facilitator.zoneLocksHint')}</p>
      <ul>
        {view.zones.map((zone) => {
          const locked = view.state.locks.has(zone.id)
          return (
            <li key={zone.id}>
              <span>{zone.title || t('outline.untitledZone')}</span>
              <button
                type="button"
                className="text-button"
                aria-pressed={locked}
                onClick={() => setLocked(control, zone.id, !locked)}
                data-testid="zone-lock-toggle"
              >
                {locked ? t('session.unlock') : t('session.lock')}
              </button>
            </li>
          )
        })}
      </ul>
    </details>
  )
}
