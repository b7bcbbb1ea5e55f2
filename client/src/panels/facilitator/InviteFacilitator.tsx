import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createToken } from '../../api/boardsApi'
import { CopyableText } from '../../components/CopyableText'
import type { SessionView } from '../../session/sessionView'
import { getStoredBoard } from '../../storage/localBoards'

/**
 * A link for a co-facilitator: a facilitator token for the name given, made with the board's key
 * (kept on the device that made the board). The link opens the board as facilitator at once.
 */
export function InviteFacilitator({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const id = useId()
  const key = getStoredBoard(view.boardId)?.facilitatorKey
  const [name, setName] = useState('')
  const [link, setLink] = useState<string | null>(null)
  const [error, setError] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!key) return
    if (!name.trim()) {
      setError(t('errors.nameRequired'))
      return
    }
    setError('')
    try {
      const { token } = await createToken(view.boardId, key, { role: 'facilitator', name: name.trim() })
      setLink(`${location.origin}/b/${view.boardId}#token=${encodeURIComponent(token)}`)
    } catch {
      setError(t('session.actionFailed'))
    }
  }

  return (
    <section className="invite-facilitator">
      <h3>{t('facilitator.inviteTitle')}</h3>
      {!key ? (
        <p className="session-muted">{t('facilitator.inviteNoKey')}</p>
      ) : (
        <>
          <form onSubmit={submit} className="invite-form" noValidate>
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('facilitator.inviteName')}</label>
              <input
                id={`${id}-name`}
                value={name}
                maxLength={60}
                aria-invalid={error ? true : undefined}
                onChange={(event) => setName(event.target.value)}
                data-testid="invite-name"
              />
              {error && <p className="field-error">{error}</p>}
            </div>
            <button type="submit" className="button secondary" data-testid="invite-submit">
              {t('facilitator.inviteSubmit')}
            </button>
          </form>
          {link && (
            <CopyableText
              label={t('facilitator.inviteLink', { name: name.trim() })}
              help={t('facilitator.inviteHelp')}
              value={link}
              testId="invite-link"
            />
          )}
        </>
      )}
    </section>
  )
}
