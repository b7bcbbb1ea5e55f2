import { createContext, type ReactNode, useContext, useMemo } from 'react'
import type { LookbackEntry } from '../../../../shared/src/model/lookback'
import type { SessionView } from '../sessionView'
import { useLookback } from './useLookback'

export interface LookbackData {
  entries: ReadonlyMap<string, LookbackEntry>
  boardId: string
  token: string
  /** Participants and facilitators set a status; viewers only read it. */
  canSet: boolean
  say: SessionView['say']
}

const LookbackContext = createContext<LookbackData | null>(null)

/** Gives the list view's notes the Terugblik without threading it through every memoised note. */
export function LookbackProvider({ view, children }: { view: SessionView; children: ReactNode }) {
  const entries = useLookback(view.control)
  const { boardId, token, role, say } = view
  const value = useMemo(
    () => ({ entries, boardId, token, canSet: role !== 'viewer', say }),
    [entries, boardId, token, role, say],
  )
  return <LookbackContext.Provider value={value}>{children}</LookbackContext.Provider>
}

export function useLookbackData(): LookbackData | null {
  return useContext(LookbackContext)
}
