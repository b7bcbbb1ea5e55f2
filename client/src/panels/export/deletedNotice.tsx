import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import './i18n/index'

/**
 * After "Bord verwijderen" the app goes back to the landing page, which then says what happened.
 * The message travels in sessionStorage (this tab only) and is shown once.
 */

const KEY = 'oogst.deletedBoard'

export function rememberDeletedBoard(title: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ title }))
  } catch {
    // Storage blocked: the landing page simply says nothing.
  }
}

function readDeletedBoard(): { title: string } | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    const title = (parsed as { title?: unknown } | null)?.title
    return { title: typeof title === 'string' ? title : '' }
  } catch {
    return null
  }
}

export function BoardDeletedNotice() {
  const { t } = useTranslation()
  const [deleted, setDeleted] = useState(readDeletedBoard)
  useEffect(() => {
    // Read during render (so it shows at once), removed here: a reload does not show it again.
    try {
      sessionStorage.removeItem(KEY)
    } catch {
      // Nothing to remove.
    }
  }, [])
  if (!deleted) return null
  return (
    <div className="card board-deleted-notice" role="status" data-testid="board-deleted-notice">
      <p>
        {deleted.title ? t('export.delete.doneNamed', { title: deleted.title }) : t('export.delete.done')}
      </p>
      <button type="button" className="button secondary" onClick={() => setDeleted(null)}>
        {t('export.delete.doneClose')}
      </button>
    </div>
  )
}
