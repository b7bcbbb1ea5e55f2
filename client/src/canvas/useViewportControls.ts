import { useCallback, useEffect, useRef } from 'react'
import type { ZoneData } from '../../../shared/src/model'
import type { BoardEditor } from '../board/editor/BoardEditor'
import { useEditorState } from '../board/editor/editorContext'
import { firstViewport } from './firstView'
import { boundsOf, fitViewport, type Point, type Rect, toBoardPoint, type Viewport, zoomAt } from './viewport'

const BUTTON_ZOOM_STEP = 1.25

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
 * view fits it (firstView.ts).
 */
export function useViewportControls(
  editor: BoardEditor,
  size: { width: number; height: number },
  board: { content: readonly Rect[]; zones: readonly ZoneData[] },
  contentLoaded: boolean,
): ViewportControls {
  const { content, zones } = board
  const viewport = useEditorState(editor, (state) => state.viewport)
  const setViewport = editor.setViewport
  const latest = useRef({ size, content, zones })
  latest.current = { size, content, zones }

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

  // Show the board (on a phone its first question) once, when it first arrives; after that the
  // person controls the view.
  const fitted = useRef(false)
  useEffect(() => {
    if (fitted.current || !contentLoaded || size.width === 0) return
    fitted.current = true
    const { content, zones } = latest.current
    setViewport(firstViewport(content, zones, editor.roundZoneIds, size))
  }, [contentLoaded, size, setViewport, editor])

  return { viewport, setViewport, zoomIn, zoomOut, zoomTo100, zoomToFit, zoomToRect, centreOnBoard }
}
