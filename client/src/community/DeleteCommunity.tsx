import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CommunityPage, deleteCommunity } from '../api/communityApi'
import { FormError } from '../components/FormError'
import { Modal } from '../components/Modal'
import { navigate } from '../routing'
import { forgetBoard } from '../storage/localBoards'
import { forgetCommunity } from './communityStorage'
import { communityErrorKey } from './useCommunity'

/**
 * "Gemeenschap verwijderen": the dialog names every session that goes with it, and the person types
 * the community's name (the server checks it too) before anything is deleted.
 */
export function DeleteCommunity({ page, communityKey }: { page: CommunityPage; communityKey: string }) {
  const { t } = useTranslation()
  const headingId = useId()
  const fieldId = useId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const matches = typed.trim() === page.name.trim()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!matches) {
      setError(t('community.delete.nameMismatch'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await deleteCommunity(page.id, communityKey, typed.trim())
      for (const session of page.sessions) forgetBoard(session.boardId)
      forgetCommunity(page.id)
      navigate('/', { replace: true })
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
      setBusy(false)
    }
  }

  return (
    <div className="community-setting-block">
      <h3>{t('community.delete.title')}</h3>
      <p className="card-intro">{t('community.delete.intro')}</p>
      <button
        type="button"
        className="button danger"
        onClick={() => setOpen(true)}
        data-testid="community-delete-open"
      >
        {t('community.delete.open')}
      </button>
      <Modal
        open={open}
        onClose={() => {
          setOpen(false)
          setTyped('')
          setError(null)
        }}
        labelledBy={headingId}
        testId="community-delete-dialog"
      >
        <h2 id={headingId}>{t('community.delete.dialogTitle', { name: page.name })}</h2>
        {page.sessions.length > 0 ? (
          <>
            <p>{t('community.delete.sessionsGo', { count: page.sessions.length })}</p>
            <ul className="community-delete-list" data-testid="community-delete-sessions">
              {page.sessions.map((session) => (
                <li key={session.boardId}>
                  {t('community.sessions.number', { number: session.position })} {session.title}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('community.delete.noSessions')}</p>
        )}
        <p>{t('community.delete.cannotUndo')}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={fieldId}>{t('community.delete.typeName', { name: page.name })}</label>
            <input
              id={fieldId}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              data-testid="community-delete-name"
            />
          </div>
          <FormError message={error} />
          <div className="community-dialog-buttons">
            <button
              type="submit"
              className="button danger"
              aria-disabled={!matches || busy}
              data-testid="community-delete-confirm"
            >
              {t('community.delete.confirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t('community.delete.cancel')}
            </button>
          </div>
        </form>
      </Modal>
    </div>
  )
}
