import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { createBoardAsFacilitator } from '../api/access'
import { errorMessageKey } from '../api/boardsApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { currentLanguage } from '../i18n'
import { boardPath, navigate } from '../routing'
import { getStoredName, saveBoard } from '../storage/localBoards'
import { EMPTY_TEMPLATE_ID, TemplateGallery } from './templates/TemplateGallery'

const MAX_TITLE = API_LIMITS.boardTitle
const MAX_NAME = API_LIMITS.personName

export function CreateBoardForm() {
  const { t } = useTranslation()
  const formId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const [title, setTitle] = useState('')
  const [templateId, setTemplateId] = useState(EMPTY_TEMPLATE_ID)
  const [name, setName] = useState(getStoredName)
  const [fieldErrors, setFieldErrors] = useState<{ title?: string; name?: string }>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const errors = {
      title: title.trim() ? undefined : t('errors.titleRequired'),
      name: name.trim() ? undefined : t('errors.nameRequired'),
    }
    setFieldErrors(errors)
    setFormError(null)
    if (errors.title || errors.name) {
      // The button is below the gallery: bring the person back to the field that needs them.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      )
      return
    }
    setBusy(true)
    try {
      const boardId = await createBoardAsFacilitator({
        title: title.trim(),
        name: name.trim(),
        // The board's own language follows the UI the facilitator chose (used in exports later).
        language: currentLanguage(),
        ...(templateId !== EMPTY_TEMPLATE_ID ? { templateId } : {}),
      })
      // Made here: the board asks the begeleider to keep the facilitator link (KeepKeyDialog).
      saveBoard(boardId, { keyPrompt: true })
      navigate(boardPath(boardId))
    } catch (error) {
      setFormError(t(errorMessageKey(error)))
      setBusy(false)
    }
  }

  // The gallery sits between the fields and the button but outside the <form>: it has forms of
  // its own (renaming a template), and forms may not be nested.
  return (
    <section className="card create-card" aria-labelledby="create-heading">
      <h2 id="create-heading">{t('landing.createTitle')}</h2>
      <p className="card-intro">{t('landing.createIntro')}</p>
      <form id={formId} ref={formRef} onSubmit={submit} noValidate>
        <TextField
          label={t('landing.boardTitle')}
          placeholder={t('landing.boardTitlePlaceholder')}
          value={title}
          onChange={setTitle}
          error={fieldErrors.title}
          maxLength={MAX_TITLE}
          autoComplete="off"
          data-testid="create-title"
        />
        <TextField
          label={t('landing.yourName')}
          placeholder={t('landing.yourNamePlaceholder')}
          value={name}
          onChange={setName}
          error={fieldErrors.name}
          maxLength={MAX_NAME}
          autoComplete="given-name"
          data-testid="create-name"
        />
      </form>
      <TemplateGallery selectedId={templateId} onSelect={setTemplateId} />
      <FormError message={formError} />
      <button
        className="button primary"
        type="submit"
        form={formId}
        disabled={busy}
        data-testid="create-submit"
      >
        {busy ? t('landing.creating') : t('landing.createSubmit')}
      </button>
    </section>
  )
}
