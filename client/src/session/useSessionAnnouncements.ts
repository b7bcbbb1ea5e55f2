import { useEffect, useRef } from 'react'
import type { SessionState } from './sessionData'

/** One thing that happened in the session, as a message key (session/i18n) with its values. */
export interface SessionEvent {
  key: string
  values?: Record<string, unknown>
}

const TIME_ADDED = 'session.announce.timeAdded'

/** "+5 minuten" is five requests in a row: wait this long for the last one, then say the total. */
export const TIME_ADDED_SETTLE_MS = 700

/**
 * What changed between two session states that everyone should hear about: a round started (or the
 * next one), time added, paused, resumed, the round ended, voting opened or closed, drafts revealed.
 * Pure, so the rules are tested without a browser. Time running out is not here: it happens on the
 * clock, not in the document (see `useCountdown`).
 */
export function sessionEvents(before: SessionState, after: SessionState): SessionEvent[] {
  const events: SessionEvent[] = []
  const was = before.timer
  const now = after.timer
  const sameRun = was.roundId === now.roundId && was.startedAt === now.startedAt && now.roundId !== null
  const title = after.current?.title ?? ''

  if (now.status === 'running' && !sameRun) {
    const wasActive = was.status === 'running' || was.status === 'paused'
    const next = wasActive && was.roundId !== null && was.roundId !== now.roundId
    events.push({
      key: next ? 'session.announce.nextRound' : 'session.announce.roundStarted',
      values: { title },
    })
  } else if (sameRun) {
    const later = (now.endsAt ?? 0) > (was.endsAt ?? 0)
    const moreLeft = (now.remainingMs ?? 0) > (was.remainingMs ?? 0)
    if (was.status === 'paused' && now.status === 'running') events.push({ key: 'session.announce.resumed' })
    else if (was.status === 'running' && now.status === 'paused')
      events.push({ key: 'session.announce.paused' })
    else if (now.status === 'ended' && was.status !== 'ended') events.push({ key: 'session.announce.ended' })
    else if (now.status === 'running' && (was.status === 'running' || was.status === 'ended') && later)
      events.push({ key: TIME_ADDED, values: { count: 1 } })
    else if (now.status === 'paused' && was.status === 'paused' && moreLeft)
      events.push({ key: TIME_ADDED, values: { count: 1 } })
  }

  const votingWasOpen = Boolean(before.voting?.open)
  const votingOpen = Boolean(after.voting?.open)
  if (votingOpen && !votingWasOpen)
    events.push({ key: 'session.announce.votingOpened', values: { count: after.voting?.perPerson ?? 0 } })
  if (!votingOpen && votingWasOpen) events.push({ key: 'session.announce.votingClosed' })

  if (after.lastReveal && after.lastReveal.at !== before.lastReveal?.at)
    events.push({ key: 'session.announce.revealed', values: { count: after.lastReveal.count } })
  return events
}

/**
 * Says session events to everyone on the board (not only the facilitator who pressed the button):
 * what happened at once is shown as one message in the round banner's message line and read out
 * once through the page's live region (`say`). Only changes are news: nothing is said for the state found when the page loads
 * or the control document first syncs.
 */
export function useSessionAnnouncements(
  state: SessionState,
  synced: boolean,
  say: (events: SessionEvent[]) => void,
): void {
  const previous = useRef<SessionState | null>(null)
  const pendingMinutes = useRef(0)
  const timer = useRef<number | undefined>(undefined)
  const latestSay = useRef(say)
  latestSay.current = say

  useEffect(() => {
    const before = previous.current
    // Until the first sync the state is empty: the first synced state is the starting point.
    previous.current = synced ? state : null
    if (!synced || !before) return
    const events = sessionEvents(before, state)
    const added = events.filter((event) => event.key === TIME_ADDED).length
    const now = events.filter((event) => event.key !== TIME_ADDED)
    if (now.length > 0) latestSay.current(now)
    if (added > 0) {
      pendingMinutes.current += added
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => {
        latestSay.current([{ key: TIME_ADDED, values: { count: pendingMinutes.current } }])
        pendingMinutes.current = 0
      }, TIME_ADDED_SETTLE_MS)
    }
  }, [state, synced])

  useEffect(() => () => window.clearTimeout(timer.current), [])
}
