import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZoneData } from '../../../shared/src/model'

const NO_ZONE = ''

interface MoveNoteFormProps {
  zones: readonly ZoneData[]
  currentZoneId: string | null
  onMove: (zoneId: string | null) => void
  onCancel: () => void
}

/**
 * Move a note to another question: a select plus a button. Moving only on the button (not on
 * every change of the select) matters for keyboard users: arrow keys change a closed select.
 */
export function MoveNoteForm({ zones, currentZoneId, onMove, onCancel }: MoveNoteFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const ref = useRef<HTMLSelectElement>(null)
  const [target, setTarget] = useState(currentZoneId ?? NO_ZONE)
  useEffect(() => ref.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onMove(target === NO_ZONE ? null : target)
  }

  return (
    <form
      className="outline-form outline-move"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        onCancel()
      }}
    >
      <label htmlFor={`${id}-zone`}>{t('outline.moveTo')}</label>
      <select
        id={`${id}-zone`}
        ref={ref}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
        data-testid="outline-move-select"
      >
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.title || t('outline.untitledZone')}
          </option>
        ))}
        <option value={NO_ZONE}>{t('list.noZone')}</option>
      </select>
      <div className="outline-form-buttons">
        <button type="submit" className="button primary" data-testid="outline-move-submit">
          {t('outline.move')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('outline.cancel')}
        </button>
      </div>
    </form>
  )
}
