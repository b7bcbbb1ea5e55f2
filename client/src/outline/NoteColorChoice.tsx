import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_COLOR_HEX, NOTE_COLORS, type NoteColor } from '../../../shared/src/model'

/**
 * The note's colour in the list, as on the canvas: a row of colour swatches that are radio buttons
 * (arrow keys move between them, each named by its colour), applied at once.
 */
export function NoteColorChoice({
  current,
  describedBy,
  onChoose,
}: {
  current: NoteColor
  describedBy: string
  onChoose: (color: NoteColor) => void
}) {
  const { t } = useTranslation()
  const name = useId()
  return (
    <fieldset className="outline-colors" aria-describedby={describedBy} data-testid="outline-colors">
      <legend>{t('outline.color')}</legend>
      {NOTE_COLORS.map((color) => (
        <label key={color} className="outline-color" title={t(`colors.${color}`)}>
          <input
            type="radio"
            name={name}
            value={color}
            checked={color === current}
            onChange={() => onChoose(color)}
            data-testid="outline-color"
          />
          <span
            className="outline-color-swatch"
            style={{ background: NOTE_COLOR_HEX[color] }}
            aria-hidden="true"
          />
          <span className="visually-hidden">{t(`colors.${color}`)}</span>
        </label>
      ))}
    </fieldset>
  )
}
