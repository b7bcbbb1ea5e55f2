import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listParticipantsEverJoined } from '../../../../shared/src/model/session'
import { allowParticipant, removedParticipants } from '../../api/joiningApi'
import type { SessionView } from '../../session/sessionView'
import { NewDeviceLink } from './NewDeviceLink'

/**
 * People a facilitator removed, with "Weer toelaten". Removed people cannot join again from the
 * same browser (under any name) until they are let back in; then their old link works again too.
 * The server keeps only ids; names come from the people who ever joined (control document).
 * `refresh` changes when the people online change, e.g. right after someone was removed.
 */
export function RemovedPeople({ view, refresh }: { view: SessionView; refresh: unknown }) {
  const { t } = useTranslation()
  const id = useId()
  const [ids, setIds] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    removedParticipants(view.boardId, view.token).then(setIds, () => setIds([]))
  }, [view.boardId, view.token])
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh is a trigger, not an input
  useEffect(load, [load, refresh])

  // Someone on a new device is handed their own participant (NewDeviceLink), never a removed one.
  if (ids.length === 0) return <NewDeviceLink view={view} removed={ids} />
  const names = new Map(
    (view.control ? listParticipantsEverJoined(view.control) : []).map((p) => [p.id, p.name]),
  )
  const nameOf = (participantId: string) => names.get(participantId) || t('removedPeople.unknown')

  const allow = async (participantId: string) => {
    setBusy(true)
    try {
      await allowParticipant(view.boardId, view.token, participantId)
      view.say('removedPeople.allowed', { name: nameOf(participantId) })
      load()
    } catch {
      view.say('session.actionFailed')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section className="removed-people" aria-labelledby={`${id}-heading`} data-testid="removed-people">
        <h3 id={`${id}-heading`}>{t('removedPeople.title')}</h3>
        <ul className="people-list">
          {ids.map((participantId) => (
            <li
              key={participantId}
              className="people-row"
              data-testid="removed-row"
              data-name={nameOf(participantId)}
            >
              <span className="people-name" id={`${id}-${participantId}`}>
                {nameOf(participantId)}
              </span>
              <button
                type="button"
                className="text-button"
                disabled={busy}
                aria-describedby={`${id}-${participantId}`}
                onClick={() => allow(participantId)}
                data-testid="removed-allow"
              >
                {t('removedPeople.allow')}
              </button>
            </li>
          ))}
        </ul>
        <p className="session-muted">{t('removedPeople.hint')}</p>
      </section>
      <NewDeviceLink view={view} removed={ids} />
    </>
  )
}
