import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowState } from '../../presence/PresenceController'
import type { OnlinePerson, Participants } from './useParticipants'
import './participants.css'

interface ParticipantsPanelProps {
  id: string
  participants: Participants
  follow: FollowState
  /** Following needs the canvas: in the list view there is no viewport to move. */
  canFollow: boolean
  onFollow: (clientId: number) => void
  onStopFollowing: () => void
  onClose: () => void
}

function PersonRow({
  person,
  following,
  canFollow,
  onFollow,
  onStopFollowing,
}: {
  person: OnlinePerson
  following: boolean
  canFollow: boolean
  onFollow: (clientId: number) => void
  onStopFollowing: () => void
}) {
  const { t } = useTranslation()
  const { peer, isSelf } = person
  const nameId = `person-${peer.clientId}`
  const followable = canFollow && !isSelf && peer.view === 'canvas' && peer.viewport !== null
  return (
    <li className="person" data-testid="participant" data-name={peer.user.name}>
      <span className="person-dot" style={{ background: peer.user.color }} aria-hidden="true" />
      <span className="person-name" id={nameId}>
        {isSelf ? t('participants.you', { name: peer.user.name }) : peer.user.name}
        <span className="person-detail">
          {t(`roles.${peer.user.role}`)}
          {peer.view === 'outline' && `, ${t('participants.inOutline')}`}
        </span>
      </span>
      {following ? (
        <button
          type="button"
          className="toolbar-button"
          onClick={onStopFollowing}
          data-testid="stop-following"
        >
          {t('participants.stopFollowing')}
        </button>
      ) : (
        followable && (
          <button
            type="button"
            className="toolbar-button"
            onClick={() => onFollow(peer.clientId)}
            aria-describedby={nameId}
            title={t('participants.followLong', { name: peer.user.name })}
            data-testid="follow"
          >
            {t('participants.follow')}
          </button>
        )
      )}
    </li>
  )
}

/**
 * Who is on the board now (from live presence) and who took part before, with a button to follow
 * someone's view: handy when the facilitator walks the group through the board. Not modal: people
 * keep working on the board with it open; Escape closes it and returns focus.
 */
export function ParticipantsPanel({
  id,
  participants,
  follow,
  canFollow,
  onFollow,
  onStopFollowing,
  onClose,
}: ParticipantsPanelProps) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    onClose()
  }

  const { online, earlier, everCount } = participants
  const followMessage =
    follow.clientId !== null
      ? t('participants.following', { name: follow.name })
      : follow.ended === 'left'
        ? t('participants.followEndedLeft', { name: follow.name })
        : follow.ended === 'manual'
          ? t('participants.followEndedManual', { name: follow.name })
          : ''

  return (
    <aside
      id={id}
      className="participants-panel"
      aria-labelledby={`${id}-heading`}
      onKeyDown={onKeyDown}
      data-testid="participants-panel"
    >
      <div className="participants-header">
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {t('participants.title')}
        </h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('participants.close')}
        </button>
      </div>
      <dl className="participants-counts" data-testid="participants-counts">
        <div>
          <dt>{t('participants.onlineNow')}</dt>
          <dd data-testid="count-online">{online.length}</dd>
        </div>
        <div>
          <dt>{t('participants.everJoined')}</dt>
          <dd data-testid="count-ever">{everCount}</dd>
        </div>
      </dl>
      <p className="participants-follow" role="status">
        {followMessage}
      </p>
      <h3>{t('participants.onlineNow')}</h3>
      <ul className="person-list">
        {online.map((person) => (
          <PersonRow
            key={person.participantId}
            person={person}
            following={follow.clientId === person.peer.clientId}
            canFollow={canFollow}
            onFollow={onFollow}
            onStopFollowing={onStopFollowing}
          />
        ))}
      </ul>
      {earlier.length > 0 && (
        <>
          <h3>{t('participants.earlier')}</h3>
          <ul className="person-list earlier">
            {earlier.map((person) => (
              <li key={person.participantId} className="person">
                <span className="person-name">{person.name}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="participants-note">{t('participants.everExplained')}</p>
    </aside>
  )
}

interface ParticipantsButtonProps {
  panelId: string
  open: boolean
  onlineCount: number
  onToggle: () => void
}

function PeopleIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M3 19c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <circle cx="17" cy="9" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M17 14c2.4 0 4 1.6 4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  )
}

/** Opens the participants panel; shows how many people are online now. */
export function ParticipantsButton({ panelId, open, onlineCount, onToggle }: ParticipantsButtonProps) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="toolbar-button participants-button"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
      title={t('participants.button')}
      data-testid="participants-open"
    >
      <PeopleIcon />
      <span className="participants-button-label">{t('participants.button')}</span>
      <span className="participants-count" data-testid="online-count">
        <span className="visually-hidden">{t('participants.onlineCountLabel', { count: onlineCount })}</span>
        <span aria-hidden="true">{onlineCount}</span>
      </span>
    </button>
  )
}
