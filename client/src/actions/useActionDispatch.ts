import { useEffect, useRef } from 'react'
import { matchesShortcut } from './shortcuts'
import type { Action, ActionContext } from './types'

/** A key press that belongs to something else: a text field, or a button/link being activated. */
function belongsElsewhere(event: Event & { key?: string }): boolean {
  const target = event.target
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.closest('input, textarea, select, dialog, [role="menu"]')) return true
  return (event.key === 'Enter' || event.key === ' ') && target.closest('button, a, [role="button"]') !== null
}

/** Text selected on the page (e.g. in a dialog or the note list): the browser copies that instead. */
function pageHasTextSelection(): boolean {
  const selection = window.getSelection()
  return Boolean(selection && !selection.isCollapsed && selection.toString().trim())
}

/**
 * The one keyboard dispatcher of the board: a keydown anywhere runs the first enabled action whose
 * shortcut matches. Copy, cut and paste run from the browser's clipboard events instead, which
 * carry the system clipboard without asking for permission; when a browser sends no such event,
 * the action runs without it (Clipboard API, then this device's stored copy).
 */
export function useActionDispatch(actions: readonly Action[], ctx: ActionContext): void {
  const latest = useRef({ actions, ctx })
  latest.current = { actions, ctx }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || belongsElsewhere(event)) return
      const { actions, ctx } = latest.current
      for (const action of actions) {
        if (action.clipboard || !action.shortcuts?.some((shortcut) => matchesShortcut(event, shortcut)))
          continue
        if (!action.enabled(ctx)) continue
        event.preventDefault()
        action.perform(ctx)
        return
      }
    }
    const onClipboard = (event: ClipboardEvent) => {
      if (event.defaultPrevented || belongsElsewhere(event)) return
      if (event.type !== 'paste' && pageHasTextSelection()) return
      const { actions, ctx } = latest.current
      const action = actions.find((candidate) => candidate.clipboard === event.type)
      if (!action?.enabled(ctx)) return
      event.preventDefault()
      action.perform({ ...ctx, clipboardEvent: event })
    }
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onClipboard)
    document.addEventListener('cut', onClipboard)
    document.addEventListener('paste', onClipboard)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', onClipboard)
      document.removeEventListener('cut', onClipboard)
      document.removeEventListener('paste', onClipboard)
    }
  }, [])
}
