import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_MAX_TEXT_LENGTH } from '../../../shared/src/model'

interface NoteTextFormProps {
  label: string
  initial: string
  submitLabel: string
  onSave: (text: string) => void
  onCancel: () => void
  testId?: string
}

/**
 * A note's text in a plain form: a labelled text box, save and cancel. Enter makes a new line, as
 * in any text box; Ctrl/Cmd+Enter saves, Escape cancels.
 */
export function NoteTextForm({ label, initial, submitLabel, onSave, onCancel, testId }: NoteTextFormProps) {
  const { t } = useTranslation()
  const id = useId()
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
    onSave(value)
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
      <p className="field-hint" id={`${id}-hint`}>
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
