import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { type SavedTemplate, saveBoardAsTemplate } from '../api/templatesApi'
import { FormError } from '../components/FormError'
import { Modal } from '../components/Modal'
import { TextField } from '../components/TextField'
import { templateErrorMessage } from '../landing/templates/templateErrors'
import { saveTemplateEditKey } from '../storage/templateKeys'

const MAX_LABEL = API_LIMITS.templateLabel
const MAX_DESCRIPTION = API_LIMITS.templateDescription

interface SaveTemplateDialogProps {
  open: boolean
  onClose: () => void
  boardId: string
  /** The facilitator's token for this board. */
  token: string
  boardTitle: string
}

/**
 * "Save as template": the board's zones and rounds (never its notes) become a template this
 * facilitator can start new boards with. The edit key stays on this device, so they can rename or
 * delete it later from the gallery.
 */
export function SaveTemplateDialog({ open, onClose, boardId, token, boardTitle }: SaveTemplateDialogProps) {
  const headingId = useId()
  return (
    <Modal
      open={open}
      onClose={onClose}
      labelledBy={headingId}
      className="save-template"
      testId="save-template"
    >
      <SaveTemplateForm
        headingId={headingId}
        boardId={boardId}
        token={token}
        boardTitle={boardTitle}
        onClose={onClose}
      />
    </Modal>
  )
}

function SaveTemplateForm({
  headingId,
  boardId,
  token,
  boardTitle,
  onClose,
}: Omit<SaveTemplateDialogProps, 'open'> & { headingId: string }) {
  const { t } = useTranslation()
  const descriptionId = useId()
  const [label, setLabel] = useState(boardTitle.slice(0, MAX_LABEL))
  const [description, setDescription] = useState('')
  const [labelError, setLabelError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<SavedTemplate | null>(null)

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
      const result = await saveBoardAsTemplate(boardId, token, {
        label: label.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      })
      saveTemplateEditKey(result.id, result.editKey)
      setSaved(result)
    } catch (error) {
      setFormError(templateErrorMessage(t, error))
    } finally {
      setBusy(false)
    }
  }

  if (saved) {
    return (
      <div className="dialog-content">
        <h2 id={headingId}>{t('saveTemplate.doneTitle')}</h2>
        <p role="status" data-testid="save-template-done">
          {t('saveTemplate.done', { label: label.trim() })}
        </p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={onClose}>
            {t('saveTemplate.close')}
          </button>
          <a className="button secondary" href="/" data-testid="save-template-gallery">
            {t('saveTemplate.toGallery')}
          </a>
        </div>
      </div>
    )
  }

  return (
    <form className="dialog-content" onSubmit={submit} noValidate>
      <h2 id={headingId}>{t('saveTemplate.title')}</h2>
      <p className="card-intro">{t('saveTemplate.intro')}</p>
      <TextField
        label={t('templates.labelField')}
        value={label}
        onChange={setLabel}
        error={labelError}
        maxLength={MAX_LABEL}
        autoComplete="off"
        data-testid="save-template-label"
      />
      <div className="field">
        <label htmlFor={descriptionId}>{t('templates.descriptionField')}</label>
        <textarea
          id={descriptionId}
          rows={3}
          value={description}
          maxLength={MAX_DESCRIPTION}
          onChange={(event) => setDescription(event.target.value)}
          data-testid="save-template-description"
        />
      </div>
      <FormError message={formError} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy} data-testid="save-template-submit">
          {busy ? t('saveTemplate.saving') : t('saveTemplate.submit')}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('templates.cancel')}
        </button>
      </div>
    </form>
  )
}
