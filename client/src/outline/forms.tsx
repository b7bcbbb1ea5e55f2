import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { NOTE_MAX_TEXT_LENGTH, type ZoneData } from '../../../shared/src/model'

interface NoteTextFormProps {
  label: string
  initial: string
  submitLabel: string
  /** `onBehalfOf`: the name typed in the "Namens" field (begeleiders only, see `withOnBehalf`). */
  onSave: (text: string, onBehalfOf?: string) => void
  onCancel: () => void
  testId?: string
  /** A begeleider may write the note for someone without a phone: an optional name field. */
  withOnBehalf?: boolean
}

/**
 * A note's text in a plain form: a labelled text box, save and cancel. Enter makes a new line, as
 * in any text box; Ctrl/Cmd+Enter saves, Escape cancels.
 */
export function NoteTextForm({
  label,
  initial,
  submitLabel,
  onSave,
  onCancel,
  testId,
  withOnBehalf,
}: NoteTextFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const [onBehalf, setOnBehalf] = useState('')
  const [value, setValue] = useState(initial)
  const [error, setError] = useState(false)
  const ref = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const area = ref.current
    area?.focus()
    area?.setSelectionRange(area.value.length, area.value.length)
  }, [])

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (!value.trim()) {
      setError(true)
      ref.current?.focus()
      return
    }
    onSave(value, onBehalf.trim() || undefined)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      submit()
    }
  }

  return (
    <form className="outline-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-text`}>{label}</label>
      <p className="field-hint key-hint" id={`${id}-hint`}>
        {t('outline.formHint')}
      </p>
      <textarea
        id={`${id}-text`}
        ref={ref}
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          setError(false)
        }}
        onKeyDown={onKeyDown}
        maxLength={NOTE_MAX_TEXT_LENGTH}
        rows={3}
        aria-invalid={error || undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        data-testid={testId}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {t('outline.textRequired')}
        </p>
      )}
      {withOnBehalf && (
        <>
          <label htmlFor={`${id}-behalf`}>{t('outline.onBehalf')}</label>
          <input
            id={`${id}-behalf`}
            className="outline-behalf"
            value={onBehalf}
            maxLength={API_LIMITS.personName}
            autoComplete="off"
            onChange={(event) => setOnBehalf(event.target.value)}
            data-testid="outline-on-behalf"
          />
        </>
      )}
      <div className="outline-form-buttons">
        <button type="submit" className="button primary" data-testid="outline-save">
          {submitLabel}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('outline.cancel')}
        </button>
      </div>
    </form>
  )
}

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
