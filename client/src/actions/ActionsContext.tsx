import { createContext, type ReactNode, useContext } from 'react'
import type { Action, ActionContext } from './types'

interface ActionsValue {
  actions: readonly Action[]
  ctx: ActionContext
}

const Context = createContext<ActionsValue | null>(null)

export function ActionsProvider({ value, children }: { value: ActionsValue; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>
}

/** The board's actions and the context to run them in (inside the canvas). */
export function useActions(): ActionsValue {
  const value = useContext(Context)
  if (!value) throw new Error('useActions outside ActionsProvider')
  return value
}
