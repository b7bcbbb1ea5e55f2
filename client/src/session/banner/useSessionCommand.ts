import { useCallback, useState } from 'react'
import { ApiError } from '../../api/http'
import { type SessionAction, sessionAction } from '../sessionApi'
import type { SessionView } from '../sessionView'

/**
 * Runs a facilitator's timer command (`POST …/session`) and explains a failure in plain words.
 * `busy` stops double clicks from starting a round twice.
 */
export function useSessionCommand(view: Pick<SessionView, 'boardId' | 'token' | 'say'>) {
  const { boardId, token, say } = view
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async (...actions: SessionAction[]) => {
      setBusy(true)
      try {
        for (const action of actions) await sessionAction(boardId, token, action)
      } catch (error) {
        say(
          error instanceof ApiError && error.code === 'network' ? 'session.offline' : 'session.actionFailed',
        )
      } finally {
        setBusy(false)
      }
    },
    [boardId, token, say],
  )
  return { run, busy }
}
