import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { API_LIMITS } from '../../../shared/src/api/limits'
import { openWithFacilitatorKey } from '../api/access'
import { errorMessageKey } from '../api/boardsApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { getStoredBoard } from '../storage/localBoards'

/** A facilitator link opened on a new device: we only need a name to show with their notes. */
export function FacilitatorNameForm({ boardId, onDone }: { boardId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const key = getStoredBoard(boardId)?.facilitatorKey
    if (!name.trim()) {
      setError(t('errors.nameRequired'))
      return
    }
    if (!key) {
      onDone()
      return
    }
    setError(null)
    setFormError(null)
    setBusy(true)
    try {
      await openWithFacilitatorKey(boardId, key, name.trim())
      onDone()
    } catch (caught) {
      setFormError(t(errorMessageKey(caught)))
      setBusy(false)
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="facilitator-name-heading">
      <h2 id="facilitator-name-heading">{t('board.needAccess')}</h2>
      <p className="card-intro">{t('board.facilitatorLinkIntro')}</p>
      <TextField
        label={t('landing.yourName')}
        placeholder={t('landing.yourNamePlaceholder')}
        value={name}
        onChange={setName}
        error={error}
        maxLength={API_LIMITS.personName}
        autoComplete="given-name"
        data-testid="facilitator-name"
      />
      <FormError message={formError} />
      <button className="button primary" type="submit" disabled={busy} data-testid="facilitator-submit">
        {t('board.facilitatorLinkSubmit')}
      </button>
    </form>
  )
}
