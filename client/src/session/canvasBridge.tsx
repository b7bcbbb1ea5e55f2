import type { ReactNode } from 'react'
import type { NoteData } from '../../../shared/src/model'
import { clampScale, type Viewport } from '../canvas/viewport'
import type { CanvasPresence } from '../presence/canvasPresence'

type Size = { width: number; height: number }

/**
 * What the session features need from the canvas: where the person is looking (viewport and
 * size), what they selected, a way to move the view ("Ga naar de vraag", following the
 * facilitator) and a place to draw over the stage. The canvas already offers exactly that to
 * presence (`CanvasPresence`), so the bridge wraps that surface instead of widening the canvas:
 * calls go to presence unchanged and are observed on the way.
 */
export class CanvasBridge {
  viewport: Viewport | null = null
  size: Size | null = null
  selection: readonly string[] = []
  private apply: ((view: Viewport) => void) | null = null
  private readonly listeners = new Set<() => void>()
  private version = 0

  viewportChanged(view: Viewport, size: Size): void {
    this.viewport = view
    this.size = size
    this.notify()
  }

  selectionChanged(noteIds: readonly string[]): void {
    this.selection = noteIds
    this.notify()
  }

  setApply(apply: ((view: Viewport) => void) | null): void {
    this.apply = apply
  }

  /** Moves the stage; false when the canvas is not shown (list view). */
  moveTo(view: Viewport): boolean {
    if (!this.apply) return false
    this.apply(view)
    return true
  }

  /** Shows a board rectangle as large as fits (up to 150 %), centred. */
  zoomToRect(rect: { x: number; y: number; width: number; height: number }): boolean {
    const size = this.size
    if (!size) return false
    const margin = 32
    const scale = clampScale(
      Math.min(
        1.5,
        (size.width - 2 * margin) / Math.max(1, rect.width),
        (size.height - 2 * margin) / Math.max(1, rect.height),
      ),
    )
    return this.moveTo({
      scale,
      x: size.width / 2 - (rect.x + rect.width / 2) * scale,
      y: size.height / 2 - (rect.y + rect.height / 2) * scale,
    })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  private notify(): void {
    this.version += 1
    for (const listener of this.listeners) listener()
  }
}

/** The presence surface with the bridge listening in, and the session layer drawn over the stage. */
export function bridgedPresence(
  presence: CanvasPresence,
  bridge: CanvasBridge,
  renderOverlay: (input: { viewport: Viewport; notes: readonly NoteData[] }) => ReactNode,
): CanvasPresence {
  return {
    viewportChanged: (view, size) => {
      bridge.viewportChanged(view, size)
      presence.viewportChanged(view, size)
    },
    selectionChanged: (noteIds) => {
      bridge.selectionChanged(noteIds)
      presence.selectionChanged(noteIds)
    },
    onFollow: (apply) => {
      bridge.setApply(apply)
      const stop = presence.onFollow(apply)
      return () => {
        stop()
        bridge.setApply(null)
      }
    },
    overlay: (input) => (
      <>
        {presence.overlay(input)}
        {renderOverlay(input)}
      </>
    ),
  }
}
