import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZoneData } from '../../../../shared/src/model'
import {
  type Box,
  measureObstacles,
  overlaps,
  TOOLBAR_MOVED,
  useSettledLayout,
} from '../../session/canvas/placeClear'
import { type Rect, toScreenRect, type Viewport } from '../viewport'

/** Zones narrower than this on screen get only the pencil; wider ones also the word. */
const LABEL_MIN_WIDTH = 420
/** Too small to hit or read: no button at all (zoom in to edit). */
const BUTTON_MIN_WIDTH = 90
const INSET = 8
/** Widths of the two button forms in screen pixels (CSS keeps them at most this wide). */
const ICON_WIDTH = 40
const WIDE_WIDTH = 130
const HEIGHT = 40
/**
 * What lies over these buttons: the toolbars of the selection (they win, as the selection is what
 * the person works on now) and the bottom toolbar. A button under one of them is left out rather
 * than half covered (WCAG 2.4.11, 2.5.8); it comes back when the selection or the view changes.
 */
const COVERS = [
  '[data-testid=selection-toolbar]',
  '.selection-actions',
  '.canvas-toolbar > *',
  '.follow-banner',
]

/** A zone's button on screen, or null when the zone is too small on screen for one. */
function buttonBox(zone: ZoneData, viewport: Viewport): (Box & { wide: boolean }) | null {
  const rect: Rect = toScreenRect(viewport, zone)
  if (rect.width < BUTTON_MIN_WIDTH) return null
  const wide = rect.width >= LABEL_MIN_WIDTH
  const right = rect.x + rect.width - INSET
  const top = rect.y + INSET
  return { left: right - (wide ? WIDE_WIDTH : ICON_WIDTH), top, right, bottom: top + HEIGHT, wide }
}

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
 * title does the same. A button is left out where it would be cut off by the canvas's edge or lie
 * under a toolbar (measured after layout, and again when a toolbar moved by itself).
 */
export function ZoneEditButtons({ zones, viewport, area, onEdit }: ZoneEditButtonsProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  // Ids of the zones whose button lies under a toolbar, joined (a string compares cheaply).
  const [covered, setCovered] = useState('')
  // Renewed every render, so the frame callbacks below read this render's zones and view.
  const measure = useRef(() => {})
  measure.current = () => {
    const layer = ref.current
    if (!layer) return
    const covers = measureObstacles(layer, null, COVERS)
    const ids = zones
      .filter((zone) => {
        const box = buttonBox(zone, viewport)
        return box && covers.some((cover) => overlaps(box, cover))
      })
      .map((zone) => zone.id)
      .join(' ')
    setCovered(ids)
  }
  useSettledLayout(() => measure.current())
  useEffect(() => {
    let frame = 0
    const onMoved = () => {
      cancelAnimationFrame(frame)
      // After the toolbar's own render has put it in its new place.
      frame = requestAnimationFrame(() => measure.current())
    }
    window.addEventListener(TOOLBAR_MOVED, onMoved)
    return () => {
      window.removeEventListener(TOOLBAR_MOVED, onMoved)
      cancelAnimationFrame(frame)
    }
  }, [])
  const hidden = new Set(covered.split(' '))
  return (
    <div className="zone-edit-buttons" ref={ref}>
      {zones.map((zone) => {
        const box = buttonBox(zone, viewport)
        // Only wholly inside the canvas: a button cut off at its edge lay half under the
        // facilitator's panel beside it.
        if (!box || box.left < 0 || box.top < 0 || box.right > area.width || box.bottom > area.height)
          return null
        if (hidden.has(zone.id)) return null
        const { wide } = box
        const right = box.right
        const top = box.top
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
