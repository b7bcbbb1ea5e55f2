import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_COLOR_HEX, NOTE_COLORS, SHAPE_COLOR_HEX, SHAPE_COLORS } from '../../../shared/src/model'
import { ActionButton } from '../actions/ActionButton'
import { useActions } from '../actions/ActionsContext'
import { usePlaceClear } from '../session/canvas/placeClear'
import { type Rect, toScreenRect, type Viewport } from './viewport'

interface SelectionToolbarProps {
  /** The selection's bounding box in board coordinates. */
  bounds: Rect
  viewport: Viewport
  /** Size of the canvas area, to keep the toolbar on screen. */
  area: { width: number; height: number }
  /** Which colours apply: note colours, shape colours. */
  colors: { notes: boolean; shapes: boolean }
}

const GAP = 10
const AVOID = ['.canvas-toolbar > *']

/**
 * What can be done with the selected notes and shapes, as real HTML buttons (keyboard, screen
 * reader, big enough for fingers), above the selection or below it when there is no room.
 */
export function SelectionToolbar({ bounds, viewport, area, colors }: SelectionToolbarProps) {
  const { t } = useTranslation()
  const { ctx } = useActions()
  const ref = useRef<HTMLDivElement>(null)
  const rect = toScreenRect(viewport, bounds)
  // Above the selection when there is room, clear of the bottom toolbar (it lies under this one,
  // which covered "+ Briefje" and the zoom buttons). The questions' edit buttons hide under it.
  const place = usePlaceClear(
    ref,
    { x: rect.x + rect.width / 2, below: rect.y + rect.height + GAP, above: rect.y - GAP },
    area,
    { prefer: 'above', avoid: AVOID },
  )

  return (
    <div
      ref={ref}
      className="note-toolbar"
      role="toolbar"
      aria-label={t('note.toolbarLabel')}
      style={place}
      data-testid="selection-toolbar"
    >
      {colors.notes &&
        ctx.state.changeableNotes > 0 &&
        NOTE_COLORS.map((color) => (
          <ActionButton
            key={color}
            actionId={`note.color.${color}`}
            className="swatch"
            testId={`color-${color}`}
          >
            <span className="swatch-fill" style={{ background: NOTE_COLOR_HEX[color] }} />
          </ActionButton>
        ))}
      {colors.shapes &&
        SHAPE_COLORS.map((color) => (
          <ActionButton key={color} actionId={`shape.color.${color}`} className="swatch shape-swatch">
            <span className="swatch-fill" style={{ background: SHAPE_COLOR_HEX[color] }} />
          </ActionButton>
        ))}
      {ctx.state.selectionCount === 1 && (
        <ActionButton actionId="note.edit" testId="edit-note" hideWhenDisabled>
          {t('note.edit')}
        </ActionButton>
      )}
      <ActionButton actionId="note.duplicate" testId="duplicate-note" hideWhenDisabled>
        {t('note.duplicate')}
      </ActionButton>
      <ActionButton actionId="arrange.front" testId="front-note" hideWhenDisabled>
        {t('note.front')}
      </ActionButton>
      <ActionButton
        actionId="note.delete"
        className="toolbar-button danger"
        testId="delete-note"
        hideWhenDisabled
      >
        {t('note.delete')}
      </ActionButton>
    </div>
  )
}
