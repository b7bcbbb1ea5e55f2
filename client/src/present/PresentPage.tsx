import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../api/boardsApi'
import { useBoardMeta, useNotes, useZones } from '../board/useBoardData'
import { PresentGroups } from '../groups/PresentGroups'
import { useGroupStep } from '../groups/useGroupStep'
import { formatClock, useCountdown } from '../session/clock'
import { useControlDoc } from '../session/rooms'
import { useSessionState } from '../session/sessionData'
import { type SyncedBoard, useSyncedBoard } from '../sync/useSyncedBoard'
import { PresentJoin } from './PresentJoin'
import { PresentOverview, PresentQuestions } from './PresentQuestions'
import { presentModel } from './presentModel'
import { useJoinState } from './useJoinState'
import '../session/i18n/index'
import './i18n/index'
import './present.css'

interface PresentPageProps {
  boardId: string
  token: string
  info: BoardInfo
  onConnectionKeepsFailing: () => void
}

const noop = () => {}

/**
 * "Presenteren": the board for a projector at the back of a room. Not the canvas: plain HTML in
 * large type (note text ≥ 24 px at 1920x1080), showing what the facilitator leads, with the
 * central question, the round, the timer and how to join. Read-only: it opens with the viewer
 * link (`/b/<id>?present#token=…`), so even a forgotten laptop on the beamer can change nothing.
 */
export function PresentPage({ boardId, token, info, onConnectionKeepsFailing }: PresentPageProps) {
  const synced = useSyncedBoard(boardId, token, onConnectionKeepsFailing)
  if (!synced) return null
  return <PresentContent boardId={boardId} token={token} info={info} synced={synced} />
}

function PresentContent({
  boardId,
  token,
  info,
  synced,
}: {
  boardId: string
  token: string
  info: BoardInfo
  synced: SyncedBoard
}) {
  const { t } = useTranslation()
  const { doc, status, hasSynced } = synced
  const meta = useBoardMeta(doc)
  const notes = useNotes(doc)
  const zones = useZones(doc)
  // A role change means nothing here: the projector stays a viewer.
  const control = useControlDoc(boardId, token, noop)
  const session = useSessionState(control?.doc ?? null)
  const countdown = useCountdown(session.timer, noop)
  const model = useMemo(
    () => presentModel({ zones, notes, round: session.current, follow: session.follow }),
    [zones, notes, session.current, session.follow],
  )
  const title = meta.title || info.title
  const joining = useJoinState(boardId, token, info)
  // Issue 18: during a group step the wall shows the groepjes (the timer stays in the header).
  const groupStep = useGroupStep(control?.doc ?? null)

  useEffect(() => {
    document.title = `${t('present.pageTitle')}: ${title}`
  }, [title, t])

  const { current, currentIndex, rounds, timer } = session
  const writing = [...session.drafts.values()].reduce((sum, entry) => sum + entry.count, 0)
  return (
    <div className="present-page" data-testid="present-page" data-source={model.source}>
      <header className="present-header" lang={meta.language}>
        {model.centralQuestion ? (
          <h1 className="present-central" data-testid="present-central">
            <span className="present-central-label">{t('present.centralQuestion')}</span>
            {model.centralQuestion}
          </h1>
        ) : (
          <h1 className="present-central" data-testid="present-central">
            {title}
          </h1>
        )}
        {countdown.remaining !== null && timer.status !== 'idle' && (
          <p
            className={`present-timer${countdown.timeUp ? ' time-up' : ''}`}
            data-testid="present-timer"
            data-status={timer.status}
          >
            {timer.status === 'ended'
              ? t('session.roundEnded')
              : countdown.timeUp
                ? t('session.timeUpShort')
                : formatClock(countdown.remaining)}
            {timer.status === 'paused' && <span className="present-timer-note">{t('session.paused')}</span>}
          </p>
        )}
      </header>
      {current && (
        <div className="present-round" lang={meta.language} data-testid="present-round">
          <p className="present-round-index">
            {t('session.roundOf', { index: currentIndex + 1, total: rounds.length })}
          </p>
          <h2 className="present-round-title" data-testid="present-round-title">
            {current.title}
          </h2>
          {current.prompt && <p className="present-round-prompt">{current.prompt}</p>}
          <p className="present-chips">
            {current.privateWriting && <span className="present-chip">{t('present.writingAlone')}</span>}
            {writing > 0 && (
              <span className="present-chip">{t('session.draftsWriting', { count: writing })}</span>
            )}
            {session.voting?.open && <span className="present-chip">{t('present.votingOpen')}</span>}
          </p>
        </div>
      )}
      <div className={`present-body${joining.joinOpen ? '' : ' no-join'}`}>
        <main className="present-main" lang={meta.language}>
          {groupStep && groupStep.size > 1 ? (
            <PresentGroups step={groupStep} notes={notes} />
          ) : model.source === 'overview' ? (
            <>
              {!current && <p className="present-waiting">{t('present.waiting')}</p>}
              <PresentOverview questions={model.questions} />
            </>
          ) : (
            <PresentQuestions questions={model.questions} notes={notes} />
          )}
        </main>
        {/* Only while joining is open: a closed code on the wall only leads to "closed". */}
        {joining.joinOpen && (
          <PresentJoin joinCode={joining.joinCode} participantUrl={joining.participantUrl} />
        )}
      </div>
      {(status === 'offline' || (hasSynced && status !== 'connected')) && (
        <p className="present-offline" role="status">
          {t('present.notConnected')}
        </p>
      )}
    </div>
  )
}
