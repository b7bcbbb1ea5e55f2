import type { ReactNode } from 'react'
import type { NoteData } from '../../../shared/src/model'
import type { Viewport } from '../canvas/viewport'
import type { CanvasPresence } from '../presence/canvasPresence'

/**
 * The presence surface with the session layer (round highlight, clusters, votes, reactions,
 * drafts) drawn over the stage after the other people's cursors. What the session needs from the
 * canvas otherwise (view, selection, moving the view) it reads from the board's editor.
 */
export function withSessionLayer(
  presence: CanvasPresence,
  renderOverlay: (input: { viewport: Viewport; notes: readonly NoteData[] }) => ReactNode,
): CanvasPresence {
  return {
    ...presence,
    overlay: (input) => (
      <>
        {presence.overlay(input)}
        {renderOverlay(input)}
      </>
    ),
  }
}
