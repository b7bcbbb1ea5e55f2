import { useSyncExternalStore } from 'react'

/**
 * Which action dialog is open (command menu or shortcut sheet). A tiny store outside React, so the
 * board menu in the header and the keyboard can open what the canvas draws.
 */

export type ActionDialog = 'commands' | 'shortcuts' | null

let open: ActionDialog = null
const listeners = new Set<() => void>()

export function setActionDialog(dialog: ActionDialog): void {
  if (open === dialog) return
  open = dialog
  for (const listener of listeners) listener()
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
