import type * as Y from 'yjs'
import {
  clearReady,
  readTimer,
  setInputLocked,
  type TimerState,
  writeTimer,
} from '../../../shared/src/model/facilitation'
import { getRound, listRounds } from '../../../shared/src/model/rounds'
import { endRoundRun, startRoundRun } from '../../../shared/src/model/session'

export type TimerAction =
  | { action: 'start'; roundId: string }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'addMinute' }
  | { action: 'skip' }
  | { action: 'end' }

export class SessionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const MINUTE = 60_000

/**
 * The timer is an absolute end time on the server's clock (or the time left while paused), never
 * a ticking counter: it survives reloads, the facilitator leaving and server restarts, and every
 * client derives the same remaining time. Runs on the control document; `now` is the server clock.
 */
export function applyTimerAction(control: Y.Doc, request: TimerAction, now: number): TimerState {
  const timer = readTimer(control)
  const active = timer.status === 'running' || timer.status === 'paused'
  switch (request.action) {
    case 'start':
      return startRound(control, request.roundId, now)
    case 'pause': {
      if (timer.status !== 'running' || timer.endsAt === null)
        throw new SessionError('not_running', 'No round is running.')
      return save(control, {
        ...timer,
        status: 'paused',
        remainingMs: Math.max(0, timer.endsAt - now),
        endsAt: null,
      })
    }
    case 'resume': {
      if (timer.status !== 'paused') throw new SessionError('not_paused', 'The round is not paused.')
      return save(control, {
        ...timer,
        status: 'running',
        endsAt: now + (timer.remainingMs ?? 0),
        remainingMs: null,
      })
    }
    case 'addMinute': {
      if (timer.status === 'paused')
        return save(control, { ...timer, remainingMs: (timer.remainingMs ?? 0) + MINUTE })
      if (timer.roundId === null || timer.status === 'idle')
        throw new SessionError('not_running', 'No round to extend.')
      // "Need more time?": after the end (or past endsAt) a minute counts from now, and input opens.
      const base = timer.status === 'running' && timer.endsAt !== null ? Math.max(timer.endsAt, now) : now
      setInputLocked(control, false)
      if (timer.status === 'ended') startRoundRun(control, timer.roundId, now)
      return save(control, { ...timer, status: 'running', endsAt: base + MINUTE, remainingMs: null })
    }
    case 'skip': {
      const rounds = listRounds(control)
      const index = rounds.findIndex((round) => round.id === timer.roundId)
      const next = rounds[index + 1]
      if (next) return startRound(control, next.id, now)
      return endRound(control, timer, now)
    }
    case 'end':
      if (!active) throw new SessionError('not_running', 'No round is running.')
      return endRound(control, timer, now)
  }
}

function startRound(control: Y.Doc, roundId: string, now: number): TimerState {
  const round = getRound(control, roundId)
  if (!round) throw new SessionError('unknown_round', 'There is no such round in the script.')
  const previous = readTimer(control)
  const timer: TimerState = {
    roundId,
    status: 'running',
    endsAt: now + round.minutes * MINUTE,
    remainingMs: null,
    startedAt: now,
  }
  control.transact(() => {
    if (previous.status === 'running' || previous.status === 'paused') endRoundRun(control, now)
    startRoundRun(control, roundId, now)
    clearReady(control)
    setInputLocked(control, false)
    writeTimer(control, timer)
  })
  return timer
}

function endRound(control: Y.Doc, timer: TimerState, now: number): TimerState {
  endRoundRun(control, now)
  return save(control, { ...timer, status: 'ended', endsAt: null, remainingMs: null })
}

function save(control: Y.Doc, timer: TimerState): TimerState {
  writeTimer(control, timer)
  return timer
}
