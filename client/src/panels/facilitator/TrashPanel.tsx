import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { readNotesOpen, writeNotesOpen } from '../../../../shared/src/model/notePermissions'
import { request } from '../../api/http'
import { usePolled } from '../../components/usePolled'
import type { SessionView } from '../../session/sessionView'

const POLL_MS = 3000

/** One note in the Prullenbak, as GET /api/boards/:id/trash lists it (docs/api.md). */
interface TrashedNote {
  id: string
  text: string
  authorName: string
  clusterName: string | null
  reactions: number
  votes: number
  deletedAt: number
  deletedByName: string
}

const trashPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/trash`

/** The Prullenbak, read every few seconds while this tab is open (it lives on the server only). */
function useTrash(view: SessionView) {
  const { boardId, token } = view
  const load = useCallback(
    async () => (await request<{ notes: TrashedNote[] }>(trashPath(boardId), { bearer: token })).notes,
    [boardId, token],
  )
  const { value: notes, failed, refresh } = usePolled(load, POLL_MS)
  return { notes, failed, refresh }
}

/** "Iedereen mag alle briefjes aanpassen": a facilitator's switch in the control document. */
function NotesOpenSwitch({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const { control } = view
  const [open, setOpen] = useState(() => (control ? readNotesOpen(control) : false))
  useEffect(() => {
    if (!control) return
    const update = () => setOpen(readNotesOpen(control))
    update()
    control.on('update', update)
    return () => control.off('update', update)
  }, [control])
  return (
    <label className="facilitator-check" data-testid="notes-open">
      <input
        type="checkbox"
        checked={open}
        disabled={!control}
        onChange={(event) => control && writeNotesOpen(control, event.target.checked)}
      />
      {t('trash.notesOpen')}
      <span className="facilitator-hint">{t('trash.notesOpenHint')}</span>
    </label>
  )
}

/**
 * Deleted notes for the facilitator (issue 14: a note with 3 dots vanished and only its deleter's
 * undo could bring it back). "Terugzetten" puts a note back with its reactions, group and dots.
 */
export function TrashPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const headingId = useId()
  const { notes, failed, refresh } = useTrash(view)
  const [message, setMessage] = useState('')

  const restore = async (note: TrashedNote) => {
    try {
      await request(`${trashPath(view.boardId)}/${encodeURIComponent(note.id)}/restore`, {
        method: 'POST',
        bearer: view.token,
      })
      setMessage(t('trash.restored'))
    } catch {
      setMessage(t('trash.failed'))
    }
    await refresh()
  }

  return (
    <div className="facilitator-trash" data-testid="trash-panel">
      <NotesOpenSwitch view={view} />
      <h3 id={headingId}>{t('trash.title')}</h3>
      <p className="facilitator-hint" aria-live="polite">
        {message}
      </p>
      {failed && <p role="alert">{t('trash.loadFailed')}</p>}
      {notes?.length === 0 && <p>{t('trash.empty')}</p>}
      <ul aria-labelledby={headingId} className="facilitator-list">
        {(notes ?? []).map((note) => (
          <li key={note.id} data-testid="trash-note">
            <p>{note.text || '…'}</p>
            <p className="facilitator-hint">
              {t('trash.meta', {
                author: note.authorName || t('list.anonymous'),
                by: note.deletedByName,
                votes: note.votes,
                reactions: note.reactions,
              })}
            </p>
            <button
              type="button"
              className="button secondary"
              onClick={() => void restore(note)}
              data-testid="trash-restore"
            >
              {t('trash.restore')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
