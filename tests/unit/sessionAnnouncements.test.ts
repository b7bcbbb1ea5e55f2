import { describe, expect, it } from 'vitest'
import { EMPTY_SESSION, type SessionState } from '../../client/src/session/sessionData'
import { sessionEvents } from '../../client/src/session/useSessionAnnouncements'
import type { TimerState } from '../../shared/src/model'
import { votingConfig } from '../helpers/votingConfig'

const round = (id: string, title: string) => ({
  id,
  title,
  prompt: '',
  minutes: 5,
  zoneIds: [],
  privateWriting: false,
  voting: false,
})
const rounds = [round('r1', 'Alleen'), round('r2', 'Samen')]

function state(timer: Partial<TimerState>, extra: Partial<SessionState> = {}): SessionState {
  const full: TimerState = {
    roundId: null,
    status: 'idle',
    endsAt: null,
    remainingMs: null,
    startedAt: null,
    ...timer,
  }
  const currentIndex = rounds.findIndex((r) => r.id === full.roundId)
  return {
    ...EMPTY_SESSION,
    rounds,
    timer: full,
    current: rounds[currentIndex] ?? null,
    currentIndex,
    ...extra,
  }
}

const keys = (before: SessionState, after: SessionState) => sessionEvents(before, after).map((e) => e.key)
const running = state({ roundId: 'r1', status: 'running', startedAt: 1, endsAt: 60_000 })

describe('session announcements', () => {
  it('says a round started, with its title, and the next round', () => {
    expect(sessionEvents(state({}), running)).toEqual([
      { key: 'session.announce.roundStarted', values: { title: 'Alleen' } },
    ])
    const next = state({ roundId: 'r2', status: 'running', startedAt: 2, endsAt: 90_000 })
    expect(sessionEvents(running, next)).toEqual([
      { key: 'session.announce.nextRound', values: { title: 'Samen' } },
    ])
    // The same round started again after it ended is a start, not "time added".
    const ended = state({ roundId: 'r1', status: 'ended', startedAt: 1 })
    expect(keys(ended, state({ roundId: 'r1', status: 'running', startedAt: 5, endsAt: 9 }))).toEqual([
      'session.announce.roundStarted',
    ])
  })

  it('says time added, also after time was up or the round ended, and while paused', () => {
    expect(keys(running, state({ ...running.timer, endsAt: 120_000 }))).toEqual([
      'session.announce.timeAdded',
    ])
    const ended = state({ roundId: 'r1', status: 'ended', startedAt: 1 })
    expect(keys(ended, state({ ...running.timer, endsAt: 500_000 }))).toEqual(['session.announce.timeAdded'])
    const paused = state({ roundId: 'r1', status: 'paused', startedAt: 1, remainingMs: 10_000 })
    expect(keys(paused, state({ ...paused.timer, remainingMs: 70_000 }))).toEqual([
      'session.announce.timeAdded',
    ])
  })

  it('says pause, resume and the end of a round', () => {
    const paused = state({ roundId: 'r1', status: 'paused', startedAt: 1, remainingMs: 10_000 })
    expect(keys(running, paused)).toEqual(['session.announce.paused'])
    expect(keys(paused, running)).toEqual(['session.announce.resumed'])
    expect(keys(running, state({ roundId: 'r1', status: 'ended', startedAt: 1 }))).toEqual([
      'session.announce.ended',
    ])
  })

  it('says voting opened (with the dots) and closed, and a reveal', () => {
    const open = state(running.timer, { voting: votingConfig({ open: true, perPerson: 3 }) })
    expect(sessionEvents(running, open)).toEqual([
      { key: 'session.announce.votingOpened', values: { count: 3 } },
    ])
    const closed = state(running.timer, { voting: votingConfig({ open: false, perPerson: 3 }) })
    expect(keys(open, closed)).toEqual(['session.announce.votingClosed'])
    const revealed = state(running.timer, { lastReveal: { at: 10, count: 2 } })
    expect(sessionEvents(running, revealed)).toEqual([
      { key: 'session.announce.revealed', values: { count: 2 } },
    ])
    expect(keys(revealed, { ...revealed })).toEqual([])
  })

  it('says nothing when nothing the session shows changed', () => {
    expect(keys(running, state({ ...running.timer }))).toEqual([])
    expect(keys(state({}), state({}))).toEqual([])
  })
})
