import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  type DraftCount,
  type FollowState,
  IDLE_TIMER,
  isInputLocked,
  listRounds,
  lockedIds,
  observeSession,
  type RoundData,
  type RoundOptions,
  readDraftCounts,
  readFollow,
  readRoundOptions,
  readTimer,
  readVoteResults,
  readVoting,
  readyParticipants,
  type TimerState,
  type VotingConfig,
} from '../../../shared/src/model'

/** Everything of the control document the screens show, as plain data. */
export interface SessionState {
  rounds: RoundData[]
  timer: TimerState
  /** The round the timer is about (running, paused or ended), or null. */
  current: RoundData | null
  currentIndex: number
  currentOptions: RoundOptions
  voting: VotingConfig | null
  /** A facilitator closed input (or the server did at time-up); see also `isInputClosed`. */
  inputLocked: boolean
  follow: FollowState | null
  locks: ReadonlySet<string>
  /** Participants who pressed "Klaar" in the current round. */
  ready: readonly string[]
  drafts: ReadonlyMap<string, DraftCount>
  voteResults: Readonly<Record<string, number>>
}

export const EMPTY_SESSION: SessionState = {
  rounds: [],
  timer: IDLE_TIMER,
  current: null,
  currentIndex: -1,
  currentOptions: { lockWhenTimeUp: false, anonymousReveal: false },
  voting: null,
  inputLocked: false,
  follow: null,
  locks: new Set(),
  ready: [],
  drafts: new Map(),
  voteResults: {},
}

export function readSessionState(control: Y.Doc): SessionState {
  const rounds = listRounds(control)
  const timer = readTimer(control)
  const active = timer.status !== 'idle' ? timer.roundId : null
  const currentIndex = active === null ? -1 : rounds.findIndex((round) => round.id === active)
  return {
    rounds,
    timer,
    current: rounds[currentIndex] ?? null,
    currentIndex,
    currentOptions: readRoundOptions(control, active),
    voting: readVoting(control),
    inputLocked: isInputLocked(control),
    follow: readFollow(control),
    locks: lockedIds(control),
    ready: readyParticipants(control, active),
    drafts: readDraftCounts(control),
    voteResults: readVoteResults(control),
  }
}

/** The session state, re-read after every change to the control document. */
export function useSessionState(control: Y.Doc | null): SessionState {
  const [state, setState] = useState(() => (control ? readSessionState(control) : EMPTY_SESSION))
  useEffect(() => {
    if (!control) {
      setState(EMPTY_SESSION)
      return
    }
    const refresh = () => setState(readSessionState(control))
    refresh()
    return observeSession(control, refresh)
  }, [control])
  return state
}
