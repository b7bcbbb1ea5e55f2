import { CLOSE_CODES } from '../../../shared/src/protocol'
import { clearOfflineCopy } from '../sync/offline'

/**
 * The server refused one of our edits to the board (close code 4409: a locked note, a zone, or
 * input closed when time is up; 4413: the edit would take the board past a size limit). Refused updates are neither stored nor shared, but this tab and
 * its offline copy still hold them and would send them again on every reconnect. So: drop the
 * copy on this device and load the board fresh from the server, then say what happened.
 */

const NOTICE_KEY = 'oogst.session.refused'

/** What the person is told after the reload, by close code. */
const NOTICES: Record<number, string> = {
  [CLOSE_CODES.refused]: 'session.editRefused',
  [CLOSE_CODES.boardLimit]: 'session.boardFull',
}

/** True for the close codes after which the board is reloaded from the server (see above). */
export function isRefusedEdit(code: number): boolean {
  return code in NOTICES
}

export async function reloadAfterRefusedEdit(
  boardId: string,
  persistence: { destroy(): Promise<void> } | undefined,
  code: number = CLOSE_CODES.refused,
): Promise<void> {
  try {
    sessionStorage.setItem(NOTICE_KEY, `${boardId} ${NOTICES[code] ?? 'session.editRefused'}`)
  } catch {
    // Without storage the reload still happens, just without the explanation.
  }
  // The open database would block its deletion.
  await persistence?.destroy().catch(() => {})
  await clearOfflineCopy(boardId)
  location.reload()
}

/** The message key to show once after a reload caused by a refused edit on this board, or null. */
export function takeRefusedNotice(boardId: string): string | null {
  try {
    const [board, key] = (sessionStorage.getItem(NOTICE_KEY) ?? '').split(' ')
    if (board !== boardId || !key) return null
    sessionStorage.removeItem(NOTICE_KEY)
    return key
  } catch {
    return null
  }
}
