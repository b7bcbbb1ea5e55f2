import { useCallback, useEffect, useState } from 'react'

/**
 * The selected notes and shapes, by id. Ids of items that disappear (removed by someone else, or
 * by us) drop out by themselves.
 */
export function useSelection(existing: ReadonlySet<string>) {
  const [ids, setIds] = useState<string[]>([])

  useEffect(() => {
    if (ids.some((id) => !existing.has(id))) setIds((old) => old.filter((id) => existing.has(id)))
  }, [ids, existing])

  /** Click: select only this one; with Shift/Ctrl/Cmd: add it, or take it out again. */
  const select = useCallback((id: string, additive: boolean) => {
    setIds((old) => {
      if (!additive) return old.length === 1 && old[0] === id ? old : [id]
      return old.includes(id) ? old.filter((other) => other !== id) : [...old, id]
    })
  }, [])

  /** Replace (or with `additive`, extend) the selection, e.g. after a marquee or a paste. */
  const selectMany = useCallback((next: readonly string[], additive = false) => {
    setIds((old) => (additive ? [...new Set([...old, ...next])] : [...next]))
  }, [])

  const clear = useCallback(() => setIds((old) => (old.length === 0 ? old : [])), [])

  return { ids, select, selectMany, clear }
}
