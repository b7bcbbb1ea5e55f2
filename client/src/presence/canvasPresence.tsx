import type { ReactNode } from 'react'
import type { NoteData } from '../../../shared/src/model'
import type { Viewport } from '../canvas/viewport'
import type { PresenceController } from './PresenceController'
import { PresenceOverlay } from './PresenceOverlay'

/**
 * What the canvas needs to know about presence, and nothing more: it reports its viewport and
 * selection, lets presence move the stage (following someone), and draws the overlay with other
 * people's cursors and selections on top of the stage.
 */
export interface CanvasPresence {
  viewportChanged(view: Viewport, size: { width: number; height: number }): void
  /** The notes this person has selected (awareness field `selection`). */
  selectionChanged(noteIds: readonly string[]): void
  /** Registers how to move the stage; returns the unsubscribe. Any other pan stops following. */
  onFollow(apply: (view: Viewport) => void): () => void
  overlay(input: { viewport: Viewport; notes: readonly NoteData[] }): ReactNode
}

export function canvasPresence(controller: PresenceController): CanvasPresence {
  return {
    viewportChanged: (view, size) => controller.viewportChanged(view, size),
    selectionChanged: (noteIds) => controller.selectionChanged(noteIds),
    onFollow: (apply) => controller.onFollow(apply),
    overlay: ({ viewport, notes }) => (
      <PresenceOverlay controller={controller} viewport={viewport} notes={notes} />
    ),
  }
}
