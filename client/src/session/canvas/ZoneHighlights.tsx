import { useTranslation } from 'react-i18next'
import { toScreenRect, type Viewport } from '../../canvas/viewport'
import type { SessionView } from '../sessionView'
import { LockIcon } from './NoteChips'

/**
 * The current round's question(s) outlined on the board, so everyone sees where to write; and a
 * lock on zones a facilitator locked.
 */
export function ZoneHighlights({ view, viewport }: { view: SessionView; viewport: Viewport }) {
  const { t } = useTranslation()
  const focus = new Set(view.state.current?.zoneIds ?? [])
  return view.zones.map((zone) => {
    const highlighted = focus.has(zone.id)
    const locked = view.state.locks.has(zone.id)
    if (!highlighted && !locked) return null
    const rect = toScreenRect(viewport, zone)
    return (
      <div
        key={zone.id}
        className={`zone-focus${highlighted ? ' current' : ''}`}
        style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
        data-testid={highlighted ? 'zone-highlight' : undefined}
        data-zone-id={zone.id}
      >
        {locked && (
          <span className="zone-lock" title={t('session.zoneLocked')}>
            <LockIcon /> {t('session.zoneLocked')}
          </span>
        )}
      </div>
    )
  })
}
