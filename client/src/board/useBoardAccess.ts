import { useCallback, useEffect, useState } from 'react'
import { openWithFacilitatorKey } from '../api/access'
import { ApiError, type BoardInfo, errorMessageKey, getBoard } from '../api/boardsApi'
import { forgetToken, getStoredBoard, getStoredName, saveBoard } from '../storage/localBoards'
import {
  forgetOfflineBoard,
  isUnreachable,
  rememberBoardInfo,
  rememberedBoardInfo,
  withOfflineTimeout,
} from '../sync/offline'

/**
 * Works out whether this device may open the board, and as whom:
 * 1. a link with `#key=` (facilitator) or `#token=` (viewer) is stored and removed from the address
 *    bar, so it does not end up in screenshots or shared tabs;
 * 2. the stored token is checked with the server, which also tells us the role and name;
 * 3. without a (valid) token we ask for the join code, or for a name to use the facilitator key.
 */
export type BoardAccess =
  | { kind: 'checking' }
  | { kind: 'needName' }
  | { kind: 'needJoin' }
  | { kind: 'error'; messageKey: string }
  | { kind: 'ready'; token: string; info: BoardInfo }

function takeLinkSecrets(boardId: string): void {
  const params = new URLSearchParams(location.hash.slice(1))
  const key = params.get('key')
  const token = params.get('token')
  if (!key && !token) return
  // An explicit link wins over what was stored: the person chose to open it.
  if (key) saveBoard(boardId, { facilitatorKey: key, token: undefined })
  else if (token) saveBoard(boardId, { token })
  history.replaceState(history.state, '', location.pathname + location.search)
}

async function resolveAccess(boardId: string): Promise<BoardAccess> {
  takeLinkSecrets(boardId)
  let stored = getStoredBoard(boardId)
  if (!stored?.token && stored?.facilitatorKey) {
    const name = getStoredName()
    if (!name) return { kind: 'needName' }
    try {
      await openWithFacilitatorKey(boardId, stored.facilitatorKey, name)
    } catch (error) {
      // A key the server refuses is useless; forget it so we fall back to joining by code.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        saveBoard(boardId, { facilitatorKey: undefined })
        return { kind: 'error', messageKey: 'errors.linkInvalid' }
      }
      return { kind: 'error', messageKey: errorMessageKey(error) }
    }
    stored = getStoredBoard(boardId)
  }
  const token = stored?.token
  if (!token) return { kind: 'needJoin' }
  // Offline (or the server is down) the last answer for this token opens the board from the copy
  // on this device; the socket and the next load check the token again.
  const remembered = rememberedBoardInfo(boardId, token)
  try {
    const info = await withOfflineTimeout(getBoard(boardId, token), remembered !== null)
    saveBoard(boardId, { title: info.title, joinCode: info.joinCode, lastOpened: Date.now() })
    rememberBoardInfo(boardId, token, info)
    return { kind: 'ready', token, info }
  } catch (error) {
    if (remembered && isUnreachable(error)) return { kind: 'ready', token, info: remembered }
    if (error instanceof ApiError && error.status === 401) {
      forgetToken(boardId)
      // With a facilitator key on this device we can quietly get a new token.
      if (getStoredBoard(boardId)?.facilitatorKey) return resolveAccess(boardId)
      // Access is gone: the copy of the board on this (maybe shared) device goes too.
      forgetOfflineBoard(boardId)
      return { kind: 'needJoin' }
    }
    return { kind: 'error', messageKey: errorMessageKey(error) }
  }
}

export function useBoardAccess(boardId: string): {
  access: BoardAccess
  /** Run the checks again: after joining, entering a name, or when the socket keeps failing. */
  recheck: () => void
} {
  const [access, setAccess] = useState<BoardAccess>({ kind: 'checking' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to re-check
  useEffect(() => {
    let cancelled = false
    resolveAccess(boardId).then((result) => {
      if (cancelled) return
      setAccess((previous) => {
        if (previous.kind !== 'ready') return result
        // Keep the board on screen when the token is still fine, and when the server cannot be
        // reached: people keep writing offline and the provider syncs once it is back.
        if (result.kind === 'error') return previous
        if (result.kind === 'ready' && result.token === previous.token) return previous
        return result
      })
    })
    return () => {
      cancelled = true
    }
  }, [boardId, attempt])

  const recheck = useCallback(() => setAttempt((n) => n + 1), [])
  return { access, recheck }
}
