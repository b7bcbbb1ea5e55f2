import { useEffect, useState } from 'react'
import { links } from '../../../shared/src/api/links'
import { type BoardInfo, getBoard } from '../api/boardsApi'

/** How often the projector asks whether joining is open and what the code is. */
const REFRESH_MS = 10_000

export interface PresentJoinState {
  joinCode: string
  joinOpen: boolean
  participantUrl: string
}

function fromInfo(info: BoardInfo): PresentJoinState {
  return {
    joinCode: info.joinCode,
    joinOpen: info.joinOpen !== false,
    participantUrl: info.participantUrl || links.join(location.origin, info.joinCode),
  }
}

/**
 * Joining by code lives on the server (not in a shared document), so the projector asks again
 * every few seconds: a facilitator who closes joining, or makes a new code because the old one
 * went round too far, sees the beamer follow without touching it. A failed ask keeps what it had.
 */
export function useJoinState(boardId: string, token: string, info: BoardInfo): PresentJoinState {
  const [state, setState] = useState(() => fromInfo(info))
  useEffect(() => {
    let live = true
    const refresh = () => {
      getBoard(boardId, token).then(
        (fresh) => {
          if (!live) return
          const next = fromInfo(fresh)
          setState((previous) =>
            previous.joinCode === next.joinCode &&
            previous.joinOpen === next.joinOpen &&
            previous.participantUrl === next.participantUrl
              ? previous
              : next,
          )
        },
        () => {},
      )
    }
    const timer = window.setInterval(refresh, REFRESH_MS)
    return () => {
      live = false
      window.clearInterval(timer)
    }
  }, [boardId, token])
  return state
}
