import { clearOfflineCopy } from '../sync/offline'

/**
 * The server refused one of our edits to the board (close code 4409: a locked note, a zone, or
 * input closed when time is up). Refused updates are neither stored nor shared, but this tab and
 * its offline copy still hold them and would send them again on every reconnect. So: drop the
 * copy on this device and load the board fresh from the server, then say what happened.
 */

const NOTICE_KEY = 'oogst.session.refused'

export async function reloadAfterRefusedEdit(
  boardId: string,
  persistence: { destroy(): Promise<void> } | undefined,
): Promise<void> {
  try {
    sessionStorage.setItem(NOTICE_KEY, boardId)
  } catch {
    // Without storage the reload still happens, just without the explanation.
  }
  // The open database would block its deletion.
  await persistence?.destroy().catch(() => {})
  await clearOfflineCopy(boardId)
  location.reload()
}

/** True once after a reload caused by a refused edit on this board. */
export function takeRefusedNotice(boardId: string): boolean {
  try {
    if (sessionStorage.getItem(NOTICE_KEY) !== boardId) return false
    sessionStorage.removeItem(NOTICE_KEY)
    return true
  } catch {
    return false
  }
}
