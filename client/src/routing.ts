import { useSyncExternalStore } from 'react'

/**
 * The app has three kinds of address, so a tiny history-based router is enough:
 *   /            landing: make a board or join with a code
 *   /j/<code>    join link (what the QR code points at)
 *   /b/<boardId> the board itself
 *   /c/<id>      a community's page (issue 19; its key in the fragment)
 */

export type Route =
  | { name: 'landing' }
  | { name: 'join'; code: string }
  | { name: 'board'; boardId: string }
  | { name: 'community'; communityId: string }

const NAVIGATE_EVENT = 'oogst:navigate'

export function parseRoute(pathname: string): Route {
  const join = /^\/j\/([^/]+)\/?$/.exec(pathname)
  if (join?.[1]) return { name: 'join', code: decodeURIComponent(join[1]) }
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname)
  if (board?.[1]) return { name: 'board', boardId: decodeURIComponent(board[1]) }
  const community = /^\/c\/([^/]+)\/?$/.exec(pathname)
  if (community?.[1]) return { name: 'community', communityId: decodeURIComponent(community[1]) }
  return { name: 'landing' }
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`
}

export function communityPath(communityId: string): string {
  return `/c/${encodeURIComponent(communityId)}`
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

/** The current path; re-renders on back/forward and on navigate(). */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname)
}
