import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createBoardAsFacilitator } from '../api/access'
import { errorMessageKey } from '../api/boardsApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { currentLanguage } from '../i18n'
import { boardPath, navigate } from '../routing'
import { getStoredName } from '../storage/localBoards'

const MAX_TITLE = 120
const MAX_NAME = 60

export function CreateBoardForm() {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
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
    if (errors.title || errors.name) return
    setBusy(true)
    try {
      const boardId = await createBoardAsFacilitator({
        title: title.trim(),
        name: name.trim(),
        // The board's own language follows the UI the facilitator chose (used in exports later).
        language: currentLanguage(),
      })
      navigate(boardPath(boardId))
    } catch (error) {
      setFormError(t(errorMessageKey(error)))
      setBusy(false)
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-heading">
      <h2 id="create-heading">{t('landing.createTitle')}</h2>
      <p className="card-intro">{t('landing.createIntro')}</p>
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
      <FormError message={formError} />
      <button className="button primary" type="submit" disabled={busy} data-testid="create-submit">
        {busy ? t('landing.creating') : t('landing.createSubmit')}
      </button>
    </form>
  )
}
