import { type RefObject, useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getReportsShared } from '../../../../shared/src/model/session'
import type { NameMode } from '../../../../shared/src/report/privacy'
import type { ReportModel } from '../../../../shared/src/report/types'
import { ApiError } from '../../api/http'
import { fetchPreview, type ReportPreview } from './reportApi'

/** The export dialog's hooks: the preview from the server, the shared flag, the focus trap. */

export interface PreviewState {
  /** The report as it will be downloaded (redacted when asked). */
  current: ReportPreview | null
  /** The report without redaction: the note texts the privacy flags point into. */
  original: ReportModel | null
  loading: boolean
  /** An i18n key. */
  errorKey: string | null
  refresh: () => void
}

function errorKey(error: unknown): string {
  if (error instanceof ApiError && error.code === 'network') return 'export.errors.network'
  if (error instanceof ApiError && error.code === 'reports_not_shared') return 'export.errors.notShared'
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    return 'export.errors.noAccess'
  if (error instanceof ApiError && error.status === 404) return 'export.errors.boardGone'
  return 'export.errors.preview'
}

/**
 * The report preview from the server (`GET …/report/preview`), fetched when the dialog opens and
 * again when "leave out personal data" changes, so the dialog shows exactly what the files will say.
 */
export function useReportPreview(
  boardId: string,
  token: string,
  redact: boolean,
  compact: boolean | null = null,
  names: NameMode = 'keep',
): PreviewState {
  const [current, setCurrent] = useState<ReportPreview | null>(null)
  const [original, setOriginal] = useState<ReportModel | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  const refresh = useCallback(() => setRound((value) => value + 1), [])

  useEffect(() => {
    // `round` is read so that refresh() fetches again.
    void round
    let cancelled = false
    setLoading(true)
    setError(null)
    const wanted = fetchPreview(boardId, token, { redact, compact, names })
    // The flags point into the note texts as they are on the board: unredacted, names as written.
    const plain =
      redact || names !== 'keep' ? fetchPreview(boardId, token, { redact: false, compact }) : wanted
    Promise.all([wanted, plain]).then(
      ([result, unredacted]) => {
        if (cancelled) return
        setCurrent(result)
        setOriginal(unredacted.model)
        setLoading(false)
      },
      (caught: unknown) => {
        if (cancelled) return
        setError(errorKey(caught))
        setLoading(false)
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token, redact, compact, names, round])

  return { current, original, loading, errorKey: error, refresh }
}

/**
 * `session.reportsShared` from the control document, followed live: participants see the export
 * button the moment a facilitator shares the report (and lose it when they stop sharing).
 */
export function useReportsShared(control: Y.Doc | null): boolean {
  const [shared, setShared] = useState(() => (control ? getReportsShared(control) : false))
  useEffect(() => {
    if (!control) {
      setShared(false)
      return
    }
    const refresh = () => setShared(getReportsShared(control))
    refresh()
    control.on('update', refresh)
    return () => control.off('update', refresh)
  }, [control])
  return shared
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Tab and Shift+Tab wrap around inside `container`. A modal <dialog> already makes the page behind
 * it inert, but the browser lets Tab leave for its own toolbar; in a long dialog that loses people.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current
    if (!root) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (item) => item.getClientRects().length > 0,
      )
      const first = items[0]
      const last = items.at(-1)
      if (!first || !last) return
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
    root.addEventListener('keydown', onKey)
    return () => root.removeEventListener('keydown', onKey)
  }, [container])
}
