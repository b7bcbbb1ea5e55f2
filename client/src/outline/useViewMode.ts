import { useCallback, useState } from 'react'

export type ViewMode = 'canvas' | 'outline'

const STORAGE_KEY = 'oogst.view'

function readStored(): ViewMode {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'outline' ? 'outline' : 'canvas'
  } catch {
    return 'canvas'
  }
}

/**
 * Canvas or list view, remembered on this device. Screen readers cannot be detected reliably, so
 * nothing is guessed: the list view is one clear toggle away, and once chosen it stays the default.
 */
export function useViewMode(): [ViewMode, (mode: ViewMode) => void] {
  const [mode, setMode] = useState<ViewMode>(readStored)
  const choose = useCallback((next: ViewMode) => {
    setMode(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembered, but switched for this visit.
    }
  }, [])
  return [mode, choose]
}
