import { useEffect, useSyncExternalStore } from 'react'
import { ApiError } from '../api/http'
import { type OpenVoting, revealDrafts, type SessionAction, sessionAction, setVoting } from './sessionApi'
import type { SessionState } from './sessionData'

/**
 * The facilitator's session commands for the command menu (Ctrl/Cmd+K): the same endpoints the
 * banner and the facilitator panel use, offered only when the panel would offer them. The
 * session publishes them here; the canvas's actions read them (one board per page, so one slot).
 */

export type SessionCommandId =
  | 'nextRound'
  | 'pause'
  | 'resume'
  | 'addMinute'
  | 'openVoting'
  | 'closeVoting'
  | 'reveal'

export interface SessionCommands {
  available: ReadonlySet<SessionCommandId>
  run(id: SessionCommandId): void
}

/** What a facilitator can do now, from the session state alone. */
export function availableSessionCommands(
  state: SessionState,
  facts: { isFacilitator: boolean; timeUp: boolean },
): Set<SessionCommandId> {
  const available = new Set<SessionCommandId>()
  if (!facts.isFacilitator) return available
  const { timer, current, currentIndex, rounds, voting } = state
  // No round yet: the first one; else the one after the current round (none after the last).
  if (current === null ? rounds.length > 0 : currentIndex < rounds.length - 1) available.add('nextRound')
  if (timer.status === 'running' && !facts.timeUp) available.add('pause')
  if (timer.status === 'paused') available.add('resume')
  if (timer.status === 'running') available.add('addMinute')
  available.add(voting?.open ? 'closeVoting' : 'openVoting')
  const writing = [...state.drafts.values()].reduce((sum, entry) => sum + entry.count, 0)
  if (writing > 0) available.add('reveal')
  return available
}

/** The voting panel's defaults: 3 dots, 1 per note, on the round's questions, anonymous. */
export function defaultVoting(state: SessionState): OpenVoting {
  const zoneIds = state.current?.zoneIds ?? []
  return {
    action: 'open',
    perPerson: 3,
    maxPerNote: 1,
    scope: zoneIds.length > 0 ? 'zone' : 'board',
    ...(zoneIds.length > 0 ? { zoneIds } : {}),
    anonymous: true,
    hideResults: false,
    ...(state.current ? { roundId: state.current.id } : {}),
  }
}

/** The request behind a command (`POST …/session`, `…/voting` or `…/reveal`). */
export function sendSessionCommand(
  id: SessionCommandId,
  state: SessionState,
  board: { boardId: string; token: string },
): Promise<unknown> {
  const { boardId, token } = board
  const timer = (action: SessionAction) => sessionAction(boardId, token, action)
  switch (id) {
    case 'nextRound': {
      const first = state.rounds[0]
      if (state.current === null && first) return timer({ action: 'start', roundId: first.id })
      return timer({ action: 'skip' })
    }
    case 'pause':
    case 'resume':
    case 'addMinute':
      return timer({ action: id })
    case 'openVoting':
      return setVoting(boardId, token, defaultVoting(state))
    case 'closeVoting':
      return setVoting(boardId, token, { action: 'close' })
    case 'reveal':
      return revealDrafts(boardId, token, state.currentOptions.anonymousReveal)
  }
}

let published: SessionCommands | null = null
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The commands of the open board's session (null when there is none, e.g. no facilitator). */
export function useSessionCommands(): SessionCommands | null {
  return useSyncExternalStore(
    subscribe,
    () => published,
    () => null,
  )
}

/** Session side: keeps the published commands current while the board is open. */
export function usePublishSessionCommands(input: {
  state: SessionState
  boardId: string
  token: string
  isFacilitator: boolean
  timeUp: boolean
  say: (key: string) => void
}): void {
  const { state, boardId, token, isFacilitator, timeUp, say } = input
  useEffect(() => {
    const available = availableSessionCommands(state, { isFacilitator, timeUp })
    published = {
      available,
      run(id) {
        if (!available.has(id)) return
        sendSessionCommand(id, state, { boardId, token }).catch((error: unknown) =>
          say(
            error instanceof ApiError && error.code === 'network'
              ? 'session.offline'
              : 'session.actionFailed',
          ),
        )
      },
    }
    for (const listener of listeners) listener()
  }, [state, boardId, token, isFacilitator, timeUp, say])
  useEffect(
    () => () => {
      published = null
      for (const listener of listeners) listener()
    },
    [],
  )
}
