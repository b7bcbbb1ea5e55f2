import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { type LookbackEntry, observeLookback, readLookback } from '../../../../shared/src/model/lookback'

const NONE: ReadonlyMap<string, LookbackEntry> = new Map()

/**
 * The Terugblik of this board (issue 19): noteId → the action it stands for and its newest status,
 * from the control document. The server writes it after every status, so a change anyone makes
 * arrives here live. Empty on a board outside a community.
 */
export function useLookback(control: Y.Doc | null): ReadonlyMap<string, LookbackEntry> {
  const [entries, setEntries] = useState<ReadonlyMap<string, LookbackEntry>>(() =>
    control ? readLookback(control) : NONE,
  )
  useEffect(() => {
    if (!control) {
      setEntries(NONE)
      return
    }
    const refresh = () => {
      const next = readLookback(control)
      setEntries(next.size === 0 ? NONE : next)
    }
    refresh()
    return observeLookback(control, refresh)
  }, [control])
  return entries
}
