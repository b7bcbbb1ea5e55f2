import { useTranslation } from 'react-i18next'
import type { SessionView } from '../sessionView'
import { useFollowLeader, useLeadFollow } from '../useSessionFollow'

/** Facilitators: "Iedereen naar mij" (everyone's board follows mine) and stopping it. */
export function LeadButton({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const lead = useLeadFollow({
    control: view.control,
    bridge: view.bridge,
    me: { participantId: view.participantId, name: view.name },
    follow: view.state.follow,
  })
  const someoneElse = view.state.follow !== null && !lead.leading
  return (
    <button
      type="button"
      className={`button ${lead.leading ? 'primary' : 'secondary'}`}
      aria-pressed={lead.leading}
      onClick={lead.leading || someoneElse ? lead.stop : lead.start}
      data-testid="follow-lead"
    >
      {lead.leading
        ? t('session.leadStop')
        : someoneElse
          ? t('session.leadStopOther', { name: view.state.follow?.name })
          : t('session.lead')}
    </button>
  )
}

/** Participants and viewers: "Je volgt de begeleider — stoppen", or a way back in. */
export function FollowNotice({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const follow = useFollowLeader({
    bridge: view.bridge,
    follow: view.state.follow,
    participantId: view.participantId,
  })
  if (follow.following) {
    return (
      <div className="session-follow" data-testid="session-follow">
        <span>{t('session.following', { name: follow.leaderName })}</span>
        <button type="button" className="text-button" onClick={follow.stop}>
          {t('session.followStop')}
        </button>
      </div>
    )
  }
  if (follow.canRejoin) {
    return (
      <div className="session-follow stopped">
        <button
          type="button"
          className="text-button"
          onClick={follow.rejoin}
          data-testid="session-follow-rejoin"
        >
          {t('session.followRejoin', { name: follow.leaderName })}
        </button>
      </div>
    )
  }
  return null
}
