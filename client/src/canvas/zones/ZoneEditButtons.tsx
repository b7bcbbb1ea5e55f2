import { useTranslation } from 'react-i18next'
import type { ZoneData } from '../../../../shared/src/model'
import { toScreenRect, type Viewport } from '../viewport'

/** Zones narrower than this on screen get only the pencil; wider ones also the word. */
const LABEL_MIN_WIDTH = 420
/** Too small to hit or read: no button at all (zoom in to edit). */
const BUTTON_MIN_WIDTH = 90
const INSET = 8
/** Widths of the two button forms in screen pixels (CSS keeps them at most this wide). */
const ICON_WIDTH = 40
const WIDE_WIDTH = 130

/**
 * Screen pixels the edit button takes from the right of a zone's title and question, so the zone
 * can draw its text next to the button instead of under it. 0 when the zone shows no button.
 */
export function zoneEditButtonSpace(zone: ZoneData, viewport: Viewport): number {
  const width = zone.width * viewport.scale
  if (width < BUTTON_MIN_WIDTH) return 0
  return (width >= LABEL_MIN_WIDTH ? WIDE_WIDTH : ICON_WIDTH) + 2 * INSET
}

interface ZoneEditButtonsProps {
  zones: readonly ZoneData[]
  viewport: Viewport
  area: { width: number; height: number }
  onEdit: (zoneId: string) => void
}

/**
 * For facilitators: an "edit" button in the top-right corner of every zone, as real HTML buttons
 * over the canvas (keyboard, screen reader, big enough for a finger). Double-clicking a zone's
 * title does the same.
 */
export function ZoneEditButtons({ zones, viewport, area, onEdit }: ZoneEditButtonsProps) {
  const { t } = useTranslation()
  return (
    <div className="zone-edit-buttons">
      {zones.map((zone) => {
        const rect = toScreenRect(viewport, zone)
        if (rect.width < BUTTON_MIN_WIDTH) return null
        const right = rect.x + rect.width - INSET
        const top = rect.y + INSET
        if (right < 0 || top > area.height || right - 44 > area.width || top + 44 < 0) return null
        const wide = rect.width >= LABEL_MIN_WIDTH
        return (
          <button
            key={zone.id}
            type="button"
            className={`zone-edit-button${wide ? ' wide' : ''}`}
            style={{ left: right, top }}
            onClick={() => onEdit(zone.id)}
            aria-label={t('zones.editLabel', { title: zone.title })}
            title={t('zones.editLabel', { title: zone.title })}
            data-testid="zone-edit-open"
            data-zone-id={zone.id}
          >
            <span aria-hidden="true">✎</span>
            {wide && <span aria-hidden="true">{t('zones.edit')}</span>}
          </button>
        )
      })}
    </div>
  )
}
