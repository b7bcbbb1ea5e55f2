import { describe, expect, it } from 'vitest'
import { availableSessionCommands, defaultVoting } from '../../client/src/session/sessionCommands'
import { EMPTY_SESSION, type SessionState } from '../../client/src/session/sessionData'
import type { RoundData } from '../../shared/src/model'

const round = (id: string, zoneIds: string[] = []): RoundData => ({
  id,
  title: id,
  prompt: '',
  zoneIds,
  minutes: 10,
  privateWriting: false,
  voting: false,
})
const rounds = [round('r1', ['z1']), round('r2')]
const running = (index: number, status: 'running' | 'paused' | 'ended'): SessionState => ({
  ...EMPTY_SESSION,
  rounds,
  current: rounds[index] ?? null,
  currentIndex: index,
  timer: { ...EMPTY_SESSION.timer, status, roundId: rounds[index]?.id ?? null, endsAt: 1, remainingMs: 1 },
})
const facilitator = { isFacilitator: true, timeUp: false }
const list = (state: SessionState, facts = facilitator) => [...availableSessionCommands(state, facts)].sort()

describe('session commands in the command menu', () => {
  it('offers nothing to participants and viewers', () => {
    expect(list(running(0, 'running'), { isFacilitator: false, timeUp: false })).toEqual([])
  })

  it('before the first round: start it and open voting', () => {
    expect(list({ ...EMPTY_SESSION, rounds })).toEqual(['nextRound', 'openVoting'])
    expect(list(EMPTY_SESSION)).toEqual(['openVoting'])
  })

  it('while a round runs: pause, +1 minute, next; paused: resume; time up: no pause', () => {
    expect(list(running(0, 'running'))).toEqual(['addMinute', 'nextRound', 'openVoting', 'pause'])
    expect(list(running(0, 'paused'))).toEqual(['nextRound', 'openVoting', 'resume'])
    expect(list(running(0, 'running'), { isFacilitator: true, timeUp: true })).toEqual([
      'addMinute',
      'nextRound',
      'openVoting',
    ])
    // The last round has no next one.
    expect(list(running(1, 'ended'))).toEqual(['openVoting'])
  })

  it('closes open voting, and shows the notes only when some are being written (not hidden ones)', () => {
    const state = running(0, 'running')
    const voting = { ...state, voting: { open: true } as SessionState['voting'] }
    expect(list(voting)).toContain('closeVoting')
    expect(list(voting)).not.toContain('openVoting')
    const hiddenOnly = { ...state, drafts: new Map([['p1', { name: 'Anna', count: 0, hidden: 2 }]]) }
    expect(list(hiddenOnly)).not.toContain('reveal')
    const writing = { ...state, drafts: new Map([['p1', { name: 'Anna', count: 1, hidden: 0 }]]) }
    expect(list(writing)).toContain('reveal')
  })

  it("opens voting like the panel: the round's questions, anonymous", () => {
    expect(defaultVoting(running(0, 'running'))).toMatchObject({
      action: 'open',
      perPerson: 3,
      maxPerNote: 1,
      scope: 'zone',
      zoneIds: ['z1'],
      anonymous: true,
      roundId: 'r1',
    })
    expect(defaultVoting(EMPTY_SESSION)).toMatchObject({ scope: 'board' })
  })
})
