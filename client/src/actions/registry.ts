import type { TFunction } from 'i18next'
import { helpActions } from './helpActions'
import { arrangeActions, noteActions } from './noteActions'
import { sessionActions } from './sessionActions'
import { shapeActions } from './shapeActions'
import type { Action, ActionGroup } from './types'
import { viewActions, zoneActions } from './viewActions'

/** Every action there is, in the order the shortcut sheet and the command menu list them. */
export const STATIC_ACTIONS: readonly Action[] = [
  ...noteActions,
  ...arrangeActions,
  ...shapeActions,
  ...viewActions,
  ...sessionActions,
  ...helpActions,
]

export const ACTION_GROUPS: readonly ActionGroup[] = [
  'notes',
  'edit',
  'shapes',
  'view',
  'zones',
  'session',
  'help',
]

export function boardActions(zones: readonly { id: string; title: string }[]): Action[] {
  return [...STATIC_ACTIONS, ...zoneActions(zones)]
}

export function findAction(actions: readonly Action[], id: string): Action {
  const action = actions.find((candidate) => candidate.id === id)
  if (!action) throw new Error(`unknown action ${id}`)
  return action
}

/** The action's name in the UI language. */
export function actionLabel(action: Action, t: TFunction): string {
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(action.labelValues ?? {})) {
    values[name] = typeof value === 'string' ? value : t(value.key)
  }
  return t(action.labelKey, values)
}
