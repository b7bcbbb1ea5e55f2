import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_COLOR_HEX, NOTE_COLORS, type NoteColor, type NoteData } from '../../../shared/src/model'
import { toScreenRect, type Viewport } from './viewport'

interface NoteToolbarProps {
  note: NoteData
  viewport: Viewport
  /** Size of the canvas area, to keep the toolbar on screen. */
  area: { width: number; height: number }
  onColor: (color: NoteColor) => void
  onEdit: () => void
  onDelete: () => void
}

const TOOLBAR_GAP = 10
const TOOLBAR_HEIGHT = 52

/**
 * Actions for the selected note, as real HTML buttons (reachable by keyboard and screen reader,
 * big enough for fingers). Shown above the note, or below it when there is no room above.
 */
export function NoteToolbar({ note, viewport, area, onColor, onEdit, onDelete }: NoteToolbarProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  // Measured after layout: the toolbar wraps on narrow screens, so its size is not known up front.
  const [measured, setMeasured] = useState({ width: 0, height: TOOLBAR_HEIGHT })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const width = element.offsetWidth
    const height = element.offsetHeight
    setMeasured((old) => (old.width === width && old.height === height ? old : { width, height }))
  })

  const rect = toScreenRect(viewport, note)
  const above = rect.y - TOOLBAR_GAP - measured.height >= 0
  const top = above ? rect.y - TOOLBAR_GAP : Math.min(rect.y + rect.height + TOOLBAR_GAP, area.height - 8)
  const left = Math.max(8, Math.min(rect.x, area.width - measured.width - 8))

  return (
    <div
      ref={ref}
      className={`note-toolbar ${above ? 'above' : 'below'}`}
      role="toolbar"
      aria-label={t('note.toolbarLabel')}
      style={{ left, top }}
    >
      {NOTE_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className="swatch"
          style={{ background: NOTE_COLOR_HEX[color] }}
          aria-label={t(`colors.${color}`)}
          title={t('note.colorLabel', { color: t(`colors.${color}`) })}
          aria-pressed={note.color === color}
          data-testid={`color-${color}`}
          onClick={() => onColor(color)}
        />
      ))}
      <button type="button" className="toolbar-button" onClick={onEdit} data-testid="edit-note">
        {t('note.edit')}
      </button>
      <button
        type="button"
        className="toolbar-button danger"
        onClick={onDelete}
        aria-label={t('note.deleteLong')}
        data-testid="delete-note"
      >
        {t('note.delete')}
      </button>
    </div>
  )
}
