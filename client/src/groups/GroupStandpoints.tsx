import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { GroupMember } from '../../../shared/src/groups/peopleGroups'
import { listDrafts } from '../../../shared/src/model/drafts'
import { observeNotes } from '../../../shared/src/model/notes'
import { draftsRoom } from '../../../shared/src/rooms'
import { syncUrl } from '../session/rooms'
import { providerOptions } from '../sync/providerOptions'
import './i18n/index'
import './groups.css'

interface Standpoint {
  id: string
  text: string
}

/**
 * The incidentmethode's "Standpunten" for the inbrenger (issue 18): their groupmates' private
 * standpoints as they are written, before the facilitator reveals them to everyone. Each
 * groupmate's drafts room is opened read-only; the server grants that only to this person and
 * only while the step runs (server/src/session/standpoints.ts), and closes the sockets when it
 * ends, by which time this component is gone (it is shown only during that step).
 */
export function GroupStandpoints({
  boardId,
  token,
  mates,
  revealed,
}: {
  boardId: string
  token: string
  mates: readonly GroupMember[]
  /** The facilitator revealed them: they are on the board for everyone now. */
  revealed: boolean
}) {
  const { t } = useTranslation()
  const [byMate, setByMate] = useState<Record<string, Standpoint[]>>({})
  const key = mates.map((mate) => mate.id).join(' ')

  useEffect(() => {
    const ids = key === '' ? [] : key.split(' ')
    const opened = ids.map((id) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(syncUrl(), draftsRoom(boardId, id), doc, providerOptions(token))
      // Read-only: nothing of ours goes there, not even presence.
      provider.awareness.setLocalState(null)
      const read = () => {
        const notes = listDrafts(doc)
          .filter((note) => !note.hidden && note.text.trim() !== '')
          .sort((a, b) => a.createdAt - b.createdAt)
          .map((note) => ({ id: note.id, text: note.text }))
        setByMate((before) => ({ ...before, [id]: notes }))
      }
      const stop = observeNotes(doc, read)
      return () => {
        stop()
        provider.destroy()
        doc.destroy()
      }
    })
    return () => {
      for (const close of opened) close()
      setByMate({})
    }
  }, [boardId, token, key])

  const written = mates.filter((mate) => (byMate[mate.id] ?? []).length > 0)
  return (
    <section className="group-standpoints" data-testid="group-standpoints" aria-live="off">
      <h3>{t('peopleGroups.standpointsTitle')}</h3>
      {revealed && written.length === 0 ? (
        <p data-testid="group-standpoints-revealed">{t('peopleGroups.standpointsRevealed')}</p>
      ) : written.length === 0 ? (
        <p className="facilitator-hint">{t('peopleGroups.standpointsNone')}</p>
      ) : (
        <ul>
          {written.map((mate) =>
            (byMate[mate.id] ?? []).map((standpoint) => (
              <li key={standpoint.id} data-testid="group-standpoint">
                <span className="group-standpoint-author">{mate.name || '?'}</span>
                <span className="group-standpoint-text">{standpoint.text}</span>
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  )
}
