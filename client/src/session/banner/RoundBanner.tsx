import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boundsOf } from '../../canvas/viewport'
import { MyGroupLine, MyGroupNames } from '../../groups/MyGroupLine'
import { standpointsReader } from '../../groups/standpointsView'
import { DraftList } from '../drafts/DraftNotes'
import type { SessionMessage, SessionView } from '../sessionView'
import { MuteToggle, SoundBlockedButton, useFading } from './MuteToggle'
import { RoundPrompt } from './RoundPrompt'
import { FacilitatorTimerControls, TimerDisplay } from './TimerControls'
import { FollowNotice, LeadButton, ReadyButton, ReadyCount } from './Together'
import { DotsLeft, VoteStatus } from './Voting'

const FLASH_MS = 4000

interface RoundBannerProps {
  view: SessionView
  /** When the time ran out (for the visual cue). */
  flashAt: number
  message: SessionMessage | null
  /** The list view shows drafts and questions itself: the banner leaves them out. */
  listView: boolean
  /** The board's language, for the round's title and question (written by the begeleider). */
  contentLanguage: string
}

/** Wide and tall screens have room for the round's details; phones and zoomed pages start folded. */
function roomForDetails(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(min-width: 900px) and (min-height: 640px)').matches
}

function GoToQuestion({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const zones = view.zones.filter((zone) => view.state.current?.zoneIds.includes(zone.id))
  const focus = boundsOf(zones)
  if (!focus) return null
  return (
    <button
      type="button"
      className="button secondary session-go"
      onClick={() => view.editor.zoomToRect(focus)}
      aria-label={t('session.goToQuestion')}
      title={t('session.goToQuestion')}
      data-testid="go-to-question"
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="7" fill="none" stroke="currentColor" strokeWidth="2.2" />
        <circle cx="12" cy="12" r="2.2" fill="currentColor" />
        <path d="M12 2v4M12 18v4M2 12h4M18 12h4" stroke="currentColor" strokeWidth="2.2" />
      </svg>
      <span className="session-go-label">{t('session.goToQuestion')}</span>
    </button>
  )
}

/**
 * The current round for everyone, under the header. Always one line: the round, what matters now
 * (dots left), the timer and "Meer". "Meer" unfolds the question text, the buttons (ready, go to
 * the question, sound), the round's status and — for facilitators — the timer buttons. Unfolded,
 * it grows the page (which then scrolls) rather than covering the board.
 */
export function RoundBanner({ view, flashAt, message, listView, contentLanguage }: RoundBannerProps) {
  const { t } = useTranslation()
  const { current, currentIndex, rounds, timer, drafts: draftCounts } = view.state
  const [open, setOpen] = useState(roomForDetails)
  const detailsId = useId()
  const shownMessage = useFading(message, 6000)
  const flashing = useFading(flashAt > 0 ? { at: flashAt } : null, FLASH_MS) !== null
  const writing = [...draftCounts.values()].reduce((sum, entry) => sum + entry.count, 0)
  const isParticipant = view.role === 'participant'

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
        {/* Voting can run between rounds too: the dots left and the results stay in sight. */}
        <DotsLeft view={view} />
        <VoteStatus view={view} />
        {view.isFacilitator && <LeadButton view={view} />}
        <FollowNotice view={view} />
        {status}
      </div>
    )
  }

  return (
    <section
      className={`session-banner${open ? ' open' : ''}${view.timeUp ? ' time-up' : ''}${flashing ? ' flash' : ''}`}
      aria-label={t('session.bannerLabel')}
      data-testid="round-banner"
    >
      <div className="session-line">
        <p className="session-round-index">
          <span className="visually-hidden">
            {t('session.roundOf', { index: currentIndex + 1, total: rounds.length })}
          </span>
          <span aria-hidden="true">
            {currentIndex + 1}/{rounds.length}
          </span>
        </p>
        <h2 className="session-round-title" data-testid="round-title" lang={contentLanguage}>
          {current.title}
        </h2>
        <MyGroupNames view={view} />
        <DotsLeft view={view} />
        {/* On the canvas, the way to the round's questions is always one tap away. */}
        {!listView && <GoToQuestion view={view} />}
        <TimerDisplay remaining={view.remaining} status={timer.status} timeUp={view.timeUp} />
        {timer.status === 'running' && <SoundBlockedButton />}
        <button
          type="button"
          className="button secondary session-more"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={open ? t('session.lessAboutRound') : t('session.moreAboutRound')}
          onClick={() => setOpen((value) => !value)}
          data-testid="round-more"
        >
          {open ? t('session.less') : t('session.more')}
        </button>
      </div>
      {status}
      <MyGroupLine view={view} listView={listView} />
      <div className="session-details" id={detailsId} hidden={!open}>
        {timer.status === 'ended' && <p className="session-chip">{t('session.roundEnded')}</p>}
        {current.prompt && <RoundPrompt key={current.id} text={current.prompt} lang={contentLanguage} />}
        <div className="session-actions">
          {isParticipant && timer.status !== 'ended' && <ReadyButton view={view} />}
          <MuteToggle />
        </div>
        <div className="session-status-row">
          {view.inputClosed && (
            <span className="session-chip warning" data-testid="time-up-notice">
              {t('session.timeUpLocked')}
            </span>
          )}
          {view.privateWriting && (
            <span className="session-chip private">
              {standpointsReader(view.control, view.participantId)
                ? t('peopleGroups.privateHintInbrenger', {
                    name: standpointsReader(view.control, view.participantId),
                  })
                : t('session.privateHint')}
            </span>
          )}
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
        {!listView &&
          isParticipant &&
          view.drafts &&
          (view.privateWriting || view.drafts.notes.length > 0) && <DraftList view={view} />}
      </div>
    </section>
  )
}
