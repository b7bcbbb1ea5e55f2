import { type ChangeEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { restoreBackup, restoreErrorKey } from '../api/restoreBackup'
import { boardPath, navigate } from '../routing'
import { saveBoard } from '../storage/localBoards'
import './restore.css'

/**
 * "Bord terugzetten uit back-up": pick the JSON backup (from "Oogst downloaden"), and a new board
 * with its questions, rounds and notes opens, with this browser as its begeleider (the name is
 * asked on the board). The old board is not touched.
 */
export function RestoreBackup({ headingId }: { headingId?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const heading = headingId ?? `${id}-heading`
  const [busy, setBusy] = useState(false)
  const [errorKey, setErrorKey] = useState<string | null>(null)

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // The same file may be picked again after fixing something: clear the field.
    event.target.value = ''
    if (!file) return
    setBusy(true)
    setErrorKey(null)
    try {
      const board = await restoreBackup(file)
      // Keep the key before anything else can fail: it is the only way back in as begeleider.
      saveBoard(board.id, {
        facilitatorKey: board.facilitatorKey,
        joinCode: board.joinCode,
        lastOpened: Date.now(),
        keyPrompt: true,
      })
      navigate(boardPath(board.id))
    } catch (error) {
      setErrorKey(restoreErrorKey(error))
      setBusy(false)
    }
  }

  return (
    <section className="restore-backup" aria-labelledby={heading} data-testid="restore-backup">
      <h2 id={heading}>{t('restore.title')}</h2>
      <p id={`${id}-help`}>{t('restore.intro')}</p>
      <label className="restore-pick" htmlFor={`${id}-file`}>
        {busy ? t('restore.busy') : t('restore.pick')}
      </label>
      <input
        id={`${id}-file`}
        className="restore-file"
        type="file"
        accept="application/json,.json"
        aria-describedby={`${id}-help${errorKey ? ` ${id}-error` : ''}`}
        disabled={busy}
        onChange={onPick}
        data-testid="restore-file"
      />
      {errorKey && (
        <p className="form-error" id={`${id}-error`} role="alert" data-testid="restore-error">
          {t(errorKey)}
        </p>
      )}
    </section>
  )
}
