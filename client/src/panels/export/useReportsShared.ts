import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { getReportsShared } from '../../../../shared/src/model/session'

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
