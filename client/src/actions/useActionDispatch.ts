import { useEffect, useRef } from 'react'
import { matchesShortcut } from './shortcuts'
import type { Action, ActionContext } from './types'

/** A key press that belongs to something else: a text field, or a button/link being activated. */
function belongsElsewhere(event: Event & { key?: string }): boolean {
  const target = event.target
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  // Only an open dialog: Escape hides a <dialog> at once but it hands focus back a task later, so a
  // shortcut pressed right after it still comes from a button in the closed dialog.
  if (target.closest('input, textarea, select, dialog[open], [role="menu"]')) return true
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
    /** A clipboard shortcut was pressed; its clipboard event should follow within this task. */
    let pendingClipboard: { action: Action; timer: number } | null = null

    const clipboardAction = (type: string) => {
      const { actions, ctx } = latest.current
      const action = actions.find((candidate) => candidate.clipboard === type)
      return action?.enabled(ctx) ? action : null
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || belongsElsewhere(event)) return
      const { actions, ctx } = latest.current
      for (const action of actions) {
        if (!action.shortcuts?.some((shortcut) => matchesShortcut(event, shortcut))) continue
        if (!action.enabled(ctx)) continue
        if (action.clipboard) {
          // Let the browser turn the key into its copy/cut/paste event (which carries the system
          // clipboard). Browsers that send none get the action without it a moment later.
          if (action.clipboard !== 'paste' && pageHasTextSelection()) return
          window.clearTimeout(pendingClipboard?.timer)
          const timer = window.setTimeout(() => {
            pendingClipboard = null
            action.perform(latest.current.ctx)
          }, 0)
          pendingClipboard = { action, timer }
          return
        }
        event.preventDefault()
        action.perform(ctx)
        return
      }
    }
    // Some browsers fire copy/cut/paste outside text fields only when the page asks for them.
    const onBeforeClipboard = (event: Event) => {
      if (belongsElsewhere(event) || (event.type !== 'beforepaste' && pageHasTextSelection())) return
      if (clipboardAction(event.type.replace('before', ''))) event.preventDefault()
    }
    const onClipboard = (event: ClipboardEvent) => {
      if (event.defaultPrevented || belongsElsewhere(event)) return
      if (event.type !== 'paste' && pageHasTextSelection()) return
      const action = clipboardAction(event.type)
      if (!action) return
      if (pendingClipboard?.action === action) window.clearTimeout(pendingClipboard.timer)
      pendingClipboard = null
      event.preventDefault()
      action.perform({ ...latest.current.ctx, clipboardEvent: event })
    }
    const clipboardEvents = ['copy', 'cut', 'paste'] as const
    window.addEventListener('keydown', onKeyDown)
    for (const type of clipboardEvents) {
      document.addEventListener(type, onClipboard)
      document.addEventListener(`before${type}`, onBeforeClipboard)
    }
    return () => {
      window.clearTimeout(pendingClipboard?.timer)
      window.removeEventListener('keydown', onKeyDown)
      for (const type of clipboardEvents) {
        document.removeEventListener(type, onClipboard)
        document.removeEventListener(`before${type}`, onBeforeClipboard)
      }
    }
  }, [])
}
