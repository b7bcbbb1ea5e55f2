import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import { peerIdentity, usePeers } from '../../presence/usePeers'
import { setReady } from '../sessionApi'
import type { SessionView } from '../sessionView'
import { useFollowLeader, useLeadFollow } from '../useSessionFollow'

/** Participants: "Klaar" (and back). The server records it for the current round only. */
export function ReadyButton({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const ready = view.state.ready.includes(view.participantId)
  const toggle = async () => {
    setBusy(true)
    try {
      await setReady(view.boardId, view.token, !ready)
    } catch {
      view.say('session.actionFailed')
    } finally {
      setBusy(false)
    }
  }
  return (
    <button
      type="button"
      className={`button ${ready ? 'secondary' : 'primary'} session-ready`}
      aria-pressed={ready}
      title={ready ? t('session.readyUndoHint') : undefined}
      disabled={busy}
      onClick={toggle}
      data-testid="ready-toggle"
    >
      {ready ? t('session.readyDone') : t('session.ready')}
    </button>
  )
}

/** Participants online now (one per person, from awareness). */
export function useOnlineParticipants(awareness: Awareness): string[] {
  const peers = usePeers(awareness, { includeSelf: true, key: peerIdentity })
  return useMemo(
    () => [
      ...new Set(
        peers.filter((peer) => peer.user.role === 'participant').map((peer) => peer.user.participantId),
      ),
    ],
    [peers],
  )
}

/** Facilitators: "7 van 12 klaar" — ready in this round against participants online now. */
export function ReadyCount({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const online = view.onlineParticipants
  // Someone who pressed "Klaar" and then left still counts as ready, and as one of the total.
  const total = new Set([...online, ...view.state.ready]).size
  if (total === 0) return null
  return (
    <span className="session-chip" data-testid="ready-count">
      {t('session.readyCount', { ready: view.state.ready.length, total })}
    </span>
  )
}

/** Facilitators: "Iedereen naar mij" (everyone's board follows mine) and stopping it. */
export function LeadButton({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const lead = useLeadFollow({
    control: view.control,
    editor: view.editor,
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
    editor: view.editor,
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
