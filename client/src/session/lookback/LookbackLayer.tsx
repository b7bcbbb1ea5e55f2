import { useId, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import type { NoteData } from '../../../../shared/src/model'
import type { LookbackEntry } from '../../../../shared/src/model/lookback'
import type { ActionState } from '../../api/communityApi'
import { toScreenRect, type Viewport } from '../../canvas/viewport'
import { ACTION_STATUS_KEY } from '../../community/statusLabels'
import { Modal } from '../../components/Modal'
import type { SessionView } from '../sessionView'
import { LookbackForm } from './LookbackForm'
import { LookbackBy, LookbackChip } from './LookbackStatus'
import { useLookback } from './useLookback'
import './i18n/index'
import './lookback.css'

/**
 * The Terugblik on the canvas (HTML over the stage, like the other session layers): each action's
 * status on its note's upper edge, and "Status geven", which opens the form in a dialog (the note
 * may be small on screen; a dialog is big enough on a phone and keeps focus).
 */
export function LookbackLayer({
  view,
  viewport,
  notes,
}: {
  view: SessionView
  viewport: Viewport
  notes: readonly NoteData[]
}) {
  const entries = useLookback(view.control)
  const [editing, setEditing] = useState<string | null>(null)
  if (entries.size === 0) return null
  const editingEntry = editing ? entries.get(editing) : undefined
  const editingNote = editing ? notes.find((note) => note.id === editing) : undefined
  return (
    <>
      {notes.map((note) => {
        const entry = entries.get(note.id)
        if (!entry) return null
        const rect = toScreenRect(viewport, note)
        return (
          <LookbackStrip
            key={note.id}
            note={note}
            entry={entry}
            rect={rect}
            canSet={view.role !== 'viewer'}
            onSet={() => setEditing(note.id)}
          />
        )
      })}
      {/* In the page, not in the layer: the layer lets clicks through to the canvas. */}
      {editingEntry &&
        editingNote &&
        createPortal(
          <LookbackDialog
            view={view}
            note={editingNote}
            entry={editingEntry}
            onClose={() => setEditing(null)}
          />,
          document.body,
        )}
    </>
  )
}

function LookbackStrip({
  note,
  entry,
  rect,
  canSet,
  onSet,
}: {
  note: NoteData
  entry: LookbackEntry
  rect: { x: number; y: number; width: number; height: number }
  canSet: boolean
  onSet: () => void
}) {
  const { t } = useTranslation()
  const status = entry.status ?? 'open'
  const label = t(ACTION_STATUS_KEY[status])
  // On the note's upper right corner, half outside (the lock has the left one). A note small on
  // screen gets a round badge with a sign, which leaves its first line ("Wie: …") readable.
  const compact = rect.width < COMPACT_BELOW
  const style = { left: rect.x + rect.width + (compact ? 8 : -6), top: rect.y }
  const chip = compact ? (
    <span
      className={`lookback-badge action-${status}`}
      data-testid="lookback-status"
      data-status={status}
      title={label}
    >
      <span aria-hidden="true">{STATUS_SIGN[status]}</span>
      <span className="visually-hidden">
        {t('lookback.statusPrefix')} {label}
      </span>
    </span>
  ) : (
    <LookbackChip entry={entry} />
  )
  return (
    <div className="lookback-strip" style={style} data-testid="lookback-canvas" data-note-id={note.id}>
      {canSet ? (
        <button
          type="button"
          className={`lookback-strip-button${compact ? ' compact' : ''}`}
          onClick={onSet}
          aria-label={t('lookback.setFor', {
            text: note.text.replace(/\s+/g, ' ').slice(0, 80),
            status: label,
          })}
          title={label}
          data-testid="lookback-set"
        >
          {chip}
          {!compact && (
            <span aria-hidden="true" className="lookback-pencil">
              ✎
            </span>
          )}
        </button>
      ) : (
        chip
      )}
    </div>
  )
}

/** Below this on-screen width a note gets the round badge instead of the worded chip. */
const COMPACT_BELOW = 150

/** The badge's sign; the colour and the spoken text say the same. */
const STATUS_SIGN: Record<ActionState, string> = { open: '?', done: '✓', ongoing: '↻', failed: '✕' }

function LookbackDialog({
  view,
  note,
  entry,
  onClose,
}: {
  view: SessionView
  note: NoteData
  entry: LookbackEntry
  onClose: () => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const textId = useId()
  return (
    <Modal open onClose={onClose} labelledBy={headingId} className="lookback-dialog" testId="lookback-dialog">
      <h2 id={headingId}>{t('lookback.formTitle')}</h2>
      <p id={textId} className="lookback-action-text">
        {note.text}
      </p>
      <p className="lookback-line">
        <LookbackChip entry={entry} /> <LookbackBy entry={entry} />
      </p>
      <LookbackForm
        boardId={view.boardId}
        token={view.token}
        entry={entry}
        describedBy={textId}
        onDone={(status) => {
          if (status) view.say('lookback.saved', { status: t(ACTION_STATUS_KEY[status]) })
          onClose()
        }}
      />
    </Modal>
  )
}
