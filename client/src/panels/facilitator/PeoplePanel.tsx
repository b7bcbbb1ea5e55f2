import { type FormEvent, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import { API_LIMITS } from '../../../../shared/src/api/limits'
import { links } from '../../../../shared/src/api/links'
import { isRole, ROLES, type Role } from '../../../../shared/src/roles'
import { createToken } from '../../api/boardsApi'
import { CopyableText } from '../../components/CopyableText'
import { usePeers } from '../../presence/usePeers'
import { changeRole, revokeParticipant } from '../../session/sessionApi'
import type { SessionView } from '../../session/sessionView'
import { getStoredBoard } from '../../storage/localBoards'
import { RemovedPeople } from './RemovedPeople'

interface Person {
  participantId: string
  name: string
  role: Role
  isSelf: boolean
}

function PersonRow({ view, person }: { view: SessionView; person: Person }) {
  const { t } = useTranslation()
  const id = useId()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await action()
      view.say(done, { name: person.name })
    } catch {
      view.say('session.actionFailed')
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }
  return (
    <li className="people-row" data-testid="people-row" data-name={person.name}>
      <span className="people-name" id={`${id}-name`}>
        {person.isSelf ? t('participants.you', { name: person.name }) : person.name}
      </span>
      {person.isSelf ? (
        <span className="session-muted">{t(`roles.${person.role}`)}</span>
      ) : (
        <>
          <label className="visually-hidden" htmlFor={`${id}-role`}>
            {t('facilitator.roleOf', { name: person.name })}
          </label>
          <select
            id={`${id}-role`}
            value={person.role}
            disabled={busy}
            onChange={(event) => {
              const role = event.target.value
              if (isRole(role))
                void act(
                  () => changeRole(view.boardId, view.token, person.participantId, role),
                  'facilitator.roleChanged',
                )
            }}
            data-testid="people-role"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          {confirming ? (
            <span className="round-confirm">
              <button
                type="button"
                className="text-button danger"
                disabled={busy}
                onClick={() =>
                  act(
                    () => revokeParticipant(view.boardId, view.token, person.participantId),
                    'facilitator.removed',
                  )
                }
              >
                {t('facilitator.removeYes')}
              </button>
              <button type="button" className="text-button" onClick={() => setConfirming(false)}>
                {t('facilitator.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="text-button danger"
              aria-describedby={`${id}-name`}
              onClick={() => setConfirming(true)}
              data-testid="people-remove"
            >
              {t('facilitator.removePerson')}
            </button>
          )}
        </>
      )}
    </li>
  )
}

/** Who is on the board now, with their role (changeable) and a way to remove someone; co-facilitators. */
export function PeoplePanel({ view, awareness }: { view: SessionView; awareness: Awareness }) {
  const { t } = useTranslation()
  const peers = usePeers(awareness, { includeSelf: true })
  const people = useMemo(() => {
    const byId = new Map<string, Person>()
    for (const peer of peers) {
      const isSelf = peer.clientId === awareness.clientID
      if (!byId.has(peer.user.participantId) || isSelf) {
        byId.set(peer.user.participantId, {
          participantId: peer.user.participantId,
          name: peer.user.name,
          role: peer.user.role,
          isSelf,
        })
      }
    }
    return [...byId.values()].sort(
      (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
    )
  }, [peers, awareness])

  return (
    <div className="people-panel">
      <h3>{t('facilitator.onlineNow', { count: people.length })}</h3>
      <ul className="people-list">
        {people.map((person) => (
          <PersonRow key={person.participantId} view={view} person={person} />
        ))}
      </ul>
      <p className="session-muted">{t('facilitator.roleHint')}</p>
      <RemovedPeople view={view} refresh={people.length} />
      <InviteFacilitator view={view} />
    </div>
  )
}

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
      setLink(links.withToken(location.origin, view.boardId, token))
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
                maxLength={API_LIMITS.personName}
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
