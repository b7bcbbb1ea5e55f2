import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boundsOf } from '../../canvas/viewport'
import { useMuted } from '../clock'
import { DraftList } from '../drafts/DraftNotes'
import type { SessionMessage, SessionView } from '../sessionView'
import { RoundPrompt } from './RoundPrompt'
import { FacilitatorTimerControls, TimerDisplay } from './TimerControls'
import { FollowNotice, LeadButton, ReadyButton, ReadyCount } from './Together'
import { VoteStatus } from './Voting'

const FLASH_MS = 4000

interface RoundBannerProps {
  view: SessionView
  /** When the time ran out (for the visual cue). */
  flashAt: number
  message: SessionMessage | null
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20a2 2 0 0 0 4 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      {muted && <path d="M4 4l16 16" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />}
    </svg>
  )
}

function MuteToggle() {
  const { t } = useTranslation()
  const [muted, setMuted] = useMuted()
  return (
    <button
      type="button"
      className="icon-button session-mute"
      aria-pressed={muted}
      aria-label={muted ? t('session.soundOff') : t('session.soundOn')}
      title={muted ? t('session.soundOff') : t('session.soundOn')}
      onClick={() => setMuted(!muted)}
      data-testid="session-mute"
    >
      <BellIcon muted={muted} />
    </button>
  )
}

/** A message that disappears after a while (refusals, confirmations). */
function useFading<T extends { at: number }>(value: T | null, ms: number): T | null {
  const [shown, setShown] = useState<T | null>(value)
  useEffect(() => {
    setShown(value)
    if (!value) return
    const timer = window.setTimeout(() => setShown(null), Math.max(0, value.at + ms - Date.now()))
    return () => window.clearTimeout(timer)
  }, [value, ms])
  return shown
}

/**
 * The current round for everyone, under the header: its title and question large, the timer, a
 * button to the question on the board, and what this person can do now (ready, write privately,
 * vote). Facilitators get the timer buttons and the ready count here too.
 */
export function RoundBanner({ view, flashAt, message }: RoundBannerProps) {
  const { t } = useTranslation()
  const { current, currentIndex, rounds, timer, drafts: draftCounts } = view.state
  const shownMessage = useFading(message, 6000)
  const flashing = useFading(flashAt > 0 ? { at: flashAt } : null, FLASH_MS) !== null
  const writing = [...draftCounts.values()].reduce((sum, entry) => sum + entry.count, 0)
  const isParticipant = view.role === 'participant'
  const zones = view.zones.filter((zone) => current?.zoneIds.includes(zone.id))
  const focus = boundsOf(zones)

  // Plain text, not a live region: say() reads every message out once through the page's region.
  const status = (
    <p
      className={`session-message${shownMessage?.quiet ? ' visually-hidden' : ''}`}
      data-testid="session-message"
    >
      {shownMessage ? t(shownMessage.key, shownMessage.values) : ''}
    </p>
  )

  if (!current) {
    return (
      <div className="session-bar idle" data-testid="session-bar">
        {view.isFacilitator && <LeadButton view={view} />}
        <FollowNotice view={view} />
        {status}
      </div>
    )
  }

  return (
    <section
      className={`session-banner${view.timeUp ? ' time-up' : ''}${flashing ? ' flash' : ''}`}
      aria-label={t('session.bannerLabel')}
      data-testid="round-banner"
    >
      <div className="session-round">
        <p className="session-round-index">
          {t('session.roundOf', { index: currentIndex + 1, total: rounds.length })}
          {timer.status === 'ended' && <span className="session-chip">{t('session.roundEnded')}</span>}
        </p>
        <h2 className="session-round-title" data-testid="round-title">
          {current.title}
        </h2>
        {current.prompt && <RoundPrompt key={current.id} text={current.prompt} />}
      </div>
      <TimerDisplay remaining={view.remaining} status={timer.status} timeUp={view.timeUp} />
      <div className="session-actions">
        {focus && (
          <button
            type="button"
            className="button secondary"
            onClick={() => view.editor.zoomToRect(focus)}
            data-testid="go-to-question"
          >
            {t('session.goToQuestion')}
          </button>
        )}
        {isParticipant && timer.status !== 'ended' && <ReadyButton view={view} />}
        <MuteToggle />
      </div>
      <div className="session-status-row">
        {view.inputClosed && (
          <span className="session-chip warning" data-testid="time-up-notice">
            {t('session.timeUpLocked')}
          </span>
        )}
        {view.privateWriting && <span className="session-chip private">{t('session.privateHint')}</span>}
        {(writing > 0 || current.privateWriting) && (
          <span className="session-chip" data-testid="drafts-count">
            {t('session.draftsWriting', { count: writing })}
          </span>
        )}
        <VoteStatus view={view} />
        {view.isFacilitator && <ReadyCount view={view} />}
        <FollowNotice view={view} />
        {view.isFacilitator && <LeadButton view={view} />}
        {view.isFacilitator && <FacilitatorTimerControls view={view} />}
      </div>
      {isParticipant && view.drafts && (view.privateWriting || view.drafts.notes.length > 0) && (
        <DraftList view={view} />
      )}
      {status}
    </section>
  )
}
