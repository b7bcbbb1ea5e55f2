import { useSyncExternalStore } from 'react'

/**
 * A value that React components outside the owner's subtree can read and follow. The session
 * layer on the canvas is rendered by the canvas (through the presence surface), not below the
 * session hook, so it reads the session's latest view from here rather than from props.
 */
export class Store<T> {
  private readonly listeners = new Set<() => void>()

  constructor(private value: T) {}

  get = (): T => this.value

  set(value: T): void {
    if (Object.is(value, this.value)) return
    this.value = value
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
