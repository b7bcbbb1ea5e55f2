import type { ControlMessage } from './control'

/**
 * Fan-out carries a room's stored updates and its awareness to the other server instances.
 * Updates are numbered with the room's storage sequence, so a receiver can tell when it missed
 * one (pub/sub may drop messages) and backfill from storage.
 */
export interface FanoutHandlers {
  onUpdate(fromSeq: number, toSeq: number, update: Uint8Array): void
  onAwareness(update: Uint8Array): void
}

export interface Fanout {
  readonly instanceId: string
  /** Subscribes to a room; resolves once messages for it will be delivered. */
  join(room: string, handlers: FanoutHandlers): Promise<void>
  leave(room: string): Promise<void>
  /** Announces updates fromSeq..toSeq, already durable in storage. */
  publishUpdate(room: string, fromSeq: number, toSeq: number, update: Uint8Array): void
  publishAwareness(room: string, update: Uint8Array): void
  /** Tells every other instance about a board-wide event (see control.ts). */
  publishControl(message: ControlMessage): void
  /**
   * Sets the handler for other instances' control messages (one per instance); resolves once
   * they will be delivered.
   */
  onControl(handler: (message: ControlMessage) => void): Promise<void>
  /** Milliseconds between publish and receipt of the latest message from another instance. */
  lastLagMs(): number | null
  close(): Promise<void>
}
