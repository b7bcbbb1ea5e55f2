import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useActions } from './ActionsContext'
import { actionLabel, findAction } from './registry'
import { ariaShortcut, formatShortcut } from './shortcuts'

interface ActionButtonProps {
  actionId: string
  className?: string
  /** Shown instead of the action's name (an icon, a short word); the name stays the accessible name. */
  children?: ReactNode
  /** Hide the button while the action is not available, instead of showing it disabled. */
  hideWhenDisabled?: boolean
  testId?: string
  /** Visible text that is not the action's name (e.g. "85%"): kept first in the accessible name. */
  visibleText?: string
}

/** A toolbar button that runs an action; its tooltip names the shortcut. */
export function ActionButton({
  actionId,
  className,
  children,
  hideWhenDisabled,
  testId,
  visibleText,
}: ActionButtonProps) {
  const { t } = useTranslation()
  const { actions, ctx } = useActions()
  const action = findAction(actions, actionId)
  const enabled = action.enabled(ctx)
  if (!enabled && hideWhenDisabled) return null
  const label = actionLabel(action, t)
  const shortcut = action.shortcuts?.[0]
  const keyNames = { space: t('keys.space'), delete: t('keys.delete') }
  const pressed = action.pressed?.(ctx)
  return (
    <button
      type="button"
      className={className ?? 'toolbar-button'}
      onClick={() => action.enabled(ctx) && action.perform(ctx)}
      disabled={!enabled}
      aria-label={visibleText ? `${visibleText}, ${label}` : children ? label : undefined}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      title={shortcut ? `${label} (${formatShortcut(shortcut, keyNames)})` : label}
      data-testid={testId ?? `action-${action.id}`}
    >
      {children ?? label}
    </button>
  )
}
