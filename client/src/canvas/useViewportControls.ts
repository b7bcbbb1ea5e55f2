import { useCallback, useEffect, useRef } from 'react'
import type { BoardEditor } from '../board/editor/BoardEditor'
import { useEditorState } from '../board/editor/editorContext'
import { boundsOf, fitViewport, type Point, type Rect, toBoardPoint, type Viewport, zoomAt } from './viewport'

const BUTTON_ZOOM_STEP = 1.25
/** Below this the first view is unreadable on a phone; people can still zoom out themselves. */
const FIRST_VIEW_MIN_SCALE = 0.5

export interface ViewportControls {
  viewport: Viewport
  setViewport: BoardEditor['setViewport']
  zoomIn(): void
  zoomOut(): void
  zoomTo100(): void
  /** Show every item on the board. */
  zoomToFit(): void
  /** Show one area (a zone, a selection) as large as fits, up to 150%. */
  zoomToRect(rect: Rect): void
  /** The board point in the middle of the screen. */
  centreOnBoard(): Point
}

/**
 * The visible part of the board (the editor's `viewport`) and the ways to change it from buttons
 * and keys (gestures change it directly through `setViewport`). The first time content arrives the
 * view fits it.
 */
export function useViewportControls(
  editor: BoardEditor,
  size: { width: number; height: number },
  content: readonly Rect[],
  contentLoaded: boolean,
): ViewportControls {
  const viewport = useEditorState(editor, (state) => state.viewport)
  const setViewport = editor.setViewport
  const latest = useRef({ size, content })
  latest.current = { size, content }

  const centre = useCallback(() => {
    const { size } = latest.current
    return { x: size.width / 2, y: size.height / 2 }
  }, [])

  const zoomIn = useCallback(
    () => setViewport((view) => zoomAt(view, centre(), BUTTON_ZOOM_STEP)),
    [centre, setViewport],
  )
  const zoomOut = useCallback(
    () => setViewport((view) => zoomAt(view, centre(), 1 / BUTTON_ZOOM_STEP)),
    [centre, setViewport],
  )
  const zoomTo100 = useCallback(
    () => setViewport((view) => zoomAt(view, centre(), 1 / view.scale)),
    [centre, setViewport],
  )

  const zoomToFit = useCallback(() => {
    const { size, content } = latest.current
    setViewport(fitViewport(boundsOf(content), size))
  }, [setViewport])

  const zoomToRect = useCallback((rect: Rect) => void editor.zoomToRect(rect), [editor])

  const viewRef = useRef(viewport)
  viewRef.current = viewport
  const centreOnBoard = useCallback(() => toBoardPoint(viewRef.current, centre()), [centre])

  // Show the whole board once, when it first arrives; after that the person controls the view.
  const fitted = useRef(false)
  useEffect(() => {
    if (fitted.current || !contentLoaded || size.width === 0) return
    fitted.current = true
    setViewport(fitViewport(boundsOf(latest.current.content), size, FIRST_VIEW_MIN_SCALE))
  }, [contentLoaded, size, setViewport])

  return { viewport, setViewport, zoomIn, zoomOut, zoomTo100, zoomToFit, zoomToRect, centreOnBoard }
}
