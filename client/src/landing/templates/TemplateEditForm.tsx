import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../../shared/src/api/limits'
import { type TemplateEntry, updateTemplate } from '../../api/templatesApi'
import { FormError } from '../../components/FormError'
import { TextField } from '../../components/TextField'
import { currentLanguage } from '../../i18n'
import { templateErrorMessage } from './templateErrors'
import { templateDescription, templateLabel, textPatch } from './templateText'

const MAX_LABEL = API_LIMITS.templateLabel
const MAX_DESCRIPTION = API_LIMITS.templateDescription

interface TemplateEditFormProps {
  entry: TemplateEntry
  editKey: string
  onSaved: (entry: TemplateEntry) => void
  onCancel: () => void
}

/** Rename a template made on this device and change its explanation. */
export function TemplateEditForm({ entry, editKey, onSaved, onCancel }: TemplateEditFormProps) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const descriptionId = useId()
  const [label, setLabel] = useState(() => templateLabel(entry, language))
  const [description, setDescription] = useState(() => templateDescription(entry, language))
  const [labelError, setLabelError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!label.trim()) {
      setLabelError(t('templates.labelRequired'))
      return
    }
    setLabelError(null)
    setFormError(null)
    setBusy(true)
    try {
      const patch = textPatch(entry, language, { label: label.trim(), description: description.trim() })
      onSaved(await updateTemplate(entry.id, editKey, patch))
    } catch (error) {
      setFormError(templateErrorMessage(t, error))
      setBusy(false)
    }
  }

  return (
    <form className="template-edit" onSubmit={submit} noValidate data-testid="template-edit-form">
      <TextField
        label={t('templates.labelField')}
        value={label}
        onChange={setLabel}
        error={labelError}
        maxLength={MAX_LABEL}
        autoComplete="off"
        data-testid="template-edit-label"
      />
      <div className="field">
        <label htmlFor={descriptionId}>{t('templates.descriptionField')}</label>
        <textarea
          id={descriptionId}
          rows={3}
          value={description}
          maxLength={MAX_DESCRIPTION}
          onChange={(event) => setDescription(event.target.value)}
          data-testid="template-edit-description"
        />
      </div>
      <FormError message={formError} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy} data-testid="template-edit-save">
          {t('templates.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('templates.cancel')}
        </button>
      </div>
    </form>
  )
}
