import { useCallback, useEffect, useState } from 'react'
import { listTemplates, type TemplateEntry } from '../../api/templatesApi'

export type TemplatesState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; templates: TemplateEntry[] }

/** The gallery's list from the server, with local updates after importing, renaming or deleting. */
export function useTemplates() {
  const [state, setState] = useState<TemplatesState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to load again
  useEffect(() => {
    let cancelled = false
    setState({ status: 'loading' })
    listTemplates()
      .then((templates) => !cancelled && setState({ status: 'ready', templates }))
      .catch(() => !cancelled && setState({ status: 'error' }))
    return () => {
      cancelled = true
    }
  }, [attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  /** Adds a new template at the end, or replaces the one with the same id. */
  const upsert = useCallback((entry: TemplateEntry) => {
    setState((old) => {
      if (old.status !== 'ready') return { status: 'ready', templates: [entry] }
      const exists = old.templates.some((t) => t.id === entry.id)
      const templates = exists
        ? old.templates.map((t) => (t.id === entry.id ? entry : t))
        : [...old.templates, entry]
      return { status: 'ready', templates }
    })
  }, [])

  const remove = useCallback((id: string) => {
    setState((old) =>
      old.status === 'ready' ? { status: 'ready', templates: old.templates.filter((t) => t.id !== id) } : old,
    )
  }, [])

  return { state, reload, upsert, remove }
}
