import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMUNITY_LIMITS } from '../../../../shared/src/api/communityLimits'
import {
  ACTION_STATUSES,
  type ActionStatusName,
  type LookbackEntry,
} from '../../../../shared/src/model/lookback'
import { ApiError, errorMessageKey } from '../../api/boardsApi'
import { setActionStatus } from '../../api/communityApi'
import { ACTION_STATUS_KEY } from '../../community/statusLabels'
import { FormError } from '../../components/FormError'
import { markOwnSave } from './useLookbackAnnouncements'

interface LookbackFormProps {
  boardId: string
  token: string
  entry: LookbackEntry
  /** The action's text, so the form says what it is about. */
  describedBy: string
  onDone: (status: ActionStatusName | null) => void
}

/**
 * "Hoe staat het ervoor?": gedaan, loopt or niet gelukt, with a short note. Sent to the server,
 * which keeps the history and mirrors the newest status into the control document (everyone's
 * screen, this one included, shows it from there).
 */
export function LookbackForm({ boardId, token, entry, describedBy, onDone }: LookbackFormProps) {
  const { t } = useTranslation()
  const id = useId()
  const [status, setStatus] = useState<ActionStatusName | null>(entry.status ?? null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const left = COMMUNITY_LIMITS.statusNote - note.length

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!status) {
      setError(t('lookback.chooseFirst'))
      return
    }
    setBusy(true)
    setError(null)
    const unmark = markOwnSave(entry.actionId, status)
    try {
      await setActionStatus(boardId, token, entry.actionId, { status, note: note.trim() })
      onDone(status)
    } catch (failed) {
      unmark()
      // 404: the action left this board's Terugblik (the agreement was removed meanwhile).
      setError(
        t(failed instanceof ApiError && failed.status === 404 ? 'lookback.gone' : errorMessageKey(failed)),
      )
      setBusy(false)
    }
  }

  return (
    <form
      className="lookback-form"
      onSubmit={submit}
      noValidate
      data-testid="lookback-form"
      aria-describedby={describedBy}
    >
      <fieldset>
        <legend>{t('lookback.choose')}</legend>
        <div className="lookback-choices">
          {ACTION_STATUSES.map((name) => (
            <label key={name} className={`lookback-choice action-${name}`}>
              <input
                type="radio"
                name={`${id}-status`}
                value={name}
                checked={status === name}
                onChange={() => setStatus(name)}
                data-testid={`lookback-choice-${name}`}
              />
              {t(ACTION_STATUS_KEY[name])}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('lookback.note')}</label>
        <textarea
          id={`${id}-note`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={COMMUNITY_LIMITS.statusNote}
          rows={2}
          aria-describedby={`${id}-left`}
          data-testid="lookback-note"
        />
        <p id={`${id}-left`} className="field-hint">
          {t('lookback.charsLeft', { count: left })}
        </p>
      </div>
      <FormError message={error} />
      <div className="lookback-buttons">
        <button type="submit" className="button primary" disabled={busy} data-testid="lookback-save">
          {t('lookback.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => onDone(null)}>
          {t('lookback.cancel')}
        </button>
      </div>
    </form>
  )
}
