import type { Awareness } from 'y-protocols/awareness'
import type { Point, Viewport } from '../canvas/viewport'
import { followViewport, sameViewport } from './followViewport'
import { type PeerPresence, type PresenceUser, type PresenceView, readPeer } from './presenceState'

/** At most this many awareness messages per second from this client (cursor moves are the bulk). */
export const MAX_UPDATES_PER_SECOND = 20
const MIN_INTERVAL_MS = 1000 / MAX_UPDATES_PER_SECOND

/**
 * Batches changes to this client's awareness fields: everything set within one interval goes out
 * as a single message, and never more than 20 per second, whatever the pointer does. (The server
 * also drops awareness beyond its own per-socket budget.)
 */
export class PresencePublisher {
  private pending: Record<string, unknown> = {}
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastFlush = 0

  constructor(private readonly awareness: Awareness) {}

  set(fields: Record<string, unknown>): void {
    Object.assign(this.pending, fields)
    if (this.timer !== null) return
    const wait = this.lastFlush + MIN_INTERVAL_MS - Date.now()
    if (wait <= 0) this.flush()
    else this.timer = setTimeout(() => this.flush(), wait)
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (Object.keys(this.pending).length === 0) return
    const current = this.awareness.getLocalState()
    // A destroyed provider sets the local state to null; then there is nobody to tell.
    if (current === null) return
    this.awareness.setLocalState({ ...current, ...this.pending })
    this.pending = {}
    this.lastFlush = Date.now()
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.pending = {}
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/** Why following ended, for the message shown to the person. */
export type FollowEnd = 'manual' | 'left' | null

export interface FollowState {
  clientId: number | null
  /** Name of the person followed (kept after they left, for the message). */
  name: string
  /** Set when following just ended by itself (they left) or by a manual pan. */
  ended: FollowEnd
}

/**
 * This client's presence: publishes cursor, selection, viewport and view through awareness
 * (throttled), and follows another person's viewport on request. The canvas talks to it through
 * the small `CanvasPresence` surface; React reads the follow state with `subscribe`/`getFollow`.
 */
export class PresenceController {
  private readonly publisher: PresencePublisher
  private follow: FollowState = { clientId: null, name: '', ended: null }
  private readonly listeners = new Set<() => void>()
  private applyViewport: ((view: Viewport) => void) | null = null
  private size: { width: number; height: number } | null = null
  /** Viewports we set while following; any other viewport means the person moved the board. */
  private recentlyApplied: Viewport[] = []
  private started = false

  constructor(readonly awareness: Awareness) {
    this.publisher = new PresencePublisher(awareness)
  }

  start(user: PresenceUser, view: PresenceView): void {
    this.publisher.set({ user, view, selection: [], cursor: null })
    this.publisher.flush()
    if (!this.started) this.awareness.on('change', this.onAwarenessChange)
    this.started = true
  }

  stop(): void {
    if (this.started) this.awareness.off('change', this.onAwarenessChange)
    this.started = false
    this.publisher.destroy()
  }

  get clientId(): number {
    return this.awareness.clientID
  }

  setView(view: PresenceView): void {
    this.publisher.set(view === 'outline' ? { view, cursor: null } : { view })
    if (view === 'outline') this.stopFollowing(null)
  }

  /** Pointer position on the board (board coordinates), or null when it left the board. */
  cursorMoved(point: Point | null): void {
    this.publisher.set({
      cursor: point ? { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 } : null,
    })
  }

  selectionChanged(noteIds: readonly string[]): void {
    this.publisher.set({ selection: [...noteIds] })
  }

  viewportChanged(view: Viewport, size: { width: number; height: number }): void {
    const resized = !this.size || this.size.width !== size.width || this.size.height !== size.height
    this.size = size
    this.publisher.set({ viewport: { ...view, width: size.width, height: size.height } })
    if (this.follow.clientId === null) return
    if (resized) this.applyFollowed()
    else if (!this.recentlyApplied.some((applied) => sameViewport(applied, view)))
      this.stopFollowing('manual')
  }

  /** The canvas hands over how to move its stage; returns the unsubscribe. */
  onFollow(apply: (view: Viewport) => void): () => void {
    this.applyViewport = apply
    this.applyFollowed()
    return () => {
      if (this.applyViewport === apply) this.applyViewport = null
    }
  }

  startFollowing(clientId: number): void {
    this.follow = { clientId, name: this.peer(clientId)?.user.name ?? '', ended: null }
    this.recentlyApplied = []
    this.notify()
    this.applyFollowed()
  }

  stopFollowing(reason: FollowEnd): void {
    if (this.follow.clientId === null) return
    this.follow = { clientId: null, name: this.follow.name, ended: reason }
    this.notify()
  }

  getFollow = (): FollowState => this.follow

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  peer(clientId: number): PeerPresence | null {
    return readPeer(clientId, this.awareness.getStates().get(clientId))
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }

  private applyFollowed(): void {
    const id = this.follow.clientId
    if (id === null || !this.applyViewport || !this.size) return
    const theirs = this.peer(id)?.viewport
    if (!theirs) return
    const target = followViewport(theirs, this.size)
    this.recentlyApplied = [...this.recentlyApplied.slice(-7), target]
    this.applyViewport(target)
  }

  private readonly onAwarenessChange = ({ added, updated, removed }: AwarenessChange) => {
    const id = this.follow.clientId
    if (id === null) return
    const peer = this.peer(id)
    if (removed.includes(id) || !peer || peer.view === 'outline') this.stopFollowing('left')
    else if (added.includes(id) || updated.includes(id)) this.applyFollowed()
  }
}
