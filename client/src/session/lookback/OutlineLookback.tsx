import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTION_STATUS_KEY } from '../../community/statusLabels'
import { useLookbackData } from './LookbackContext'
import { LookbackForm } from './LookbackForm'
import { LookbackBy, LookbackChip } from './LookbackStatus'
import './i18n/index'
import './lookback.css'

/**
 * A Terugblik note in the list view (the phone view): its status, who set it, and "Status geven"
 * with the form right under it. Nothing for other notes.
 */
export function OutlineLookback({ noteId, textId }: { noteId: string; textId: string }) {
  const { t } = useTranslation()
  const data = useLookbackData()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const entry = data?.entries.get(noteId)
  if (!data || !entry) return null
  return (
    <div className="lookback-outline" data-testid="lookback">
      <p className="lookback-line">
        <LookbackChip entry={entry} /> <LookbackBy entry={entry} />
      </p>
      {data.canSet &&
        (open ? (
          <LookbackForm
            boardId={data.boardId}
            token={data.token}
            entry={entry}
            describedBy={textId}
            onDone={(status) => {
              setOpen(false)
              if (status) data.say('lookback.saved', { status: t(ACTION_STATUS_KEY[status]) })
              requestAnimationFrame(() => button.current?.focus())
            }}
          />
        ) : (
          <button
            ref={button}
            type="button"
            className="button secondary lookback-set"
            aria-describedby={textId}
            onClick={() => setOpen(true)}
            data-testid="lookback-set"
          >
            {t('lookback.set')}
          </button>
        ))}
    </div>
  )
}
