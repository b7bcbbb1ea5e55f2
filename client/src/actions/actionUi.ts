import { useSyncExternalStore } from 'react'

/**
 * Which action dialog is open (command menu or shortcut sheet). A tiny store outside React, so the
 * board menu in the header and the keyboard can open what the canvas draws.
 */

export type ActionDialog = 'commands' | 'shortcuts' | null

let open: ActionDialog = null
/** How many canvases (with their command menu) are on the page: 0 in the list view. */
let hosts = 0
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

export function setActionDialog(dialog: ActionDialog): void {
  if (open === dialog || (dialog !== null && hosts === 0)) return
  open = dialog
  notify()
}

/**
 * Closes `dialog` only if it is still the one open. A native <dialog> sends its close event a task
 * after Escape closed it; by then a shortcut (Ctrl+K) may have opened the other dialog, which a
 * plain setActionDialog(null) would close again.
 */
export function closeActionDialog(dialog: Exclude<ActionDialog, null>): void {
  if (open === dialog) setActionDialog(null)
}

/** The canvas announces that it can show the dialogs; returns the cleanup. */
export function hostActionDialogs(): () => void {
  hosts += 1
  notify()
  return () => {
    hosts -= 1
    if (hosts === 0) open = null
    notify()
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useActionDialog(): ActionDialog {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => null,
  )
}

/** Whether the command menu and shortcut sheet can be opened (a canvas is shown). */
export function useActionDialogsAvailable(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => hosts > 0,
    () => false,
  )
}
