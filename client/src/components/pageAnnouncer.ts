import { useSyncExternalStore } from 'react'

/**
 * The page's one polite live region, shared by everything that wants to say something to screen
 * reader users: others' changes (list view), session events (round started, time up, voting …),
 * refusals and confirmations.
 *
 * Why one: two polite regions that both get the same event make screen readers read it twice, and
 * a visible status line that is itself `role=status` competes with the hidden region. So visible
 * messages (the round banner's message slot) are plain text, and every message reaches screen
 * readers through here exactly once. Rendered by `LiveRegion` (outline/announcer.tsx).
 */
export interface Announcement {
  message: string
  /** Changes with every announcement, so the same words are read again when repeated. */
  key: number
}

let current: Announcement = { message: '', key: 0 }
const listeners = new Set<() => void>()

/** Says `message` politely (after what the screen reader is saying now). */
export function announce(message: string): void {
  if (!message) return
  current = { message, key: current.key + 1 }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const read = (): Announcement => current

/** The latest announcement, for the one component that renders the live region. */
export function usePageAnnouncement(): Announcement {
  return useSyncExternalStore(subscribe, read, read)
}
