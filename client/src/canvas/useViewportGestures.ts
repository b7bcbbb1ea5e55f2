import Konva from 'konva'
import { type Dispatch, type SetStateAction, useCallback, useRef } from 'react'
import { type Point, type Viewport, zoomAt } from './viewport'

// Touch events must keep flowing while the stage is being dragged, or pinching cannot take over.
Konva.hitOnDragEnabled = true

type KonvaWheel = Konva.KonvaEventObject<WheelEvent>
type KonvaTouch = Konva.KonvaEventObject<TouchEvent>
type KonvaDrag = Konva.KonvaEventObject<DragEvent>

const LINE_HEIGHT_PX = 16
const WHEEL_ZOOM_SPEED = 0.005

function touchPoint(touch: Touch, stage: Konva.Stage): Point {
  const box = stage.container().getBoundingClientRect()
  return { x: touch.clientX - box.left, y: touch.clientY - box.top }
}

/**
 * Pan and zoom: drag the empty board (the stage is draggable), scroll with wheel or trackpad,
 * zoom with ctrl/cmd + wheel (also what trackpad pinch sends) and two-finger pinch on touch
 * screens, always toward the pointer.
 */
export function useViewportGestures(setViewport: Dispatch<SetStateAction<Viewport>>) {
  const pinch = useRef<{ center: Point; distance: number } | null>(null)

  const onWheel = useCallback(
    (event: KonvaWheel) => {
      event.evt.preventDefault()
      const stage = event.target.getStage()
      const pointer = stage?.getPointerPosition()
      if (!stage || !pointer) return
      const unit = event.evt.deltaMode === 1 ? LINE_HEIGHT_PX : 1
      const dx = event.evt.deltaX * unit
      const dy = event.evt.deltaY * unit
      if (event.evt.ctrlKey || event.evt.metaKey) {
        const clamped = Math.max(-60, Math.min(60, dy))
        setViewport((view) => zoomAt(view, pointer, Math.exp(-clamped * WHEEL_ZOOM_SPEED)))
      } else {
        setViewport((view) => ({ ...view, x: view.x - dx, y: view.y - dy }))
      }
    },
    [setViewport],
  )

  const onTouchMove = useCallback(
    (event: KonvaTouch) => {
      const [first, second] = event.evt.touches
      const stage = event.target.getStage()
      if (!first || !second || !stage) return
      event.evt.preventDefault()
      // Two fingers: stop the one-finger pan and zoom instead.
      if (stage.isDragging()) stage.stopDrag()
      const a = touchPoint(first, stage)
      const b = touchPoint(second, stage)
      const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
      const distance = Math.hypot(a.x - b.x, a.y - b.y)
      const last = pinch.current
      pinch.current = { center, distance }
      if (!last || last.distance === 0) return
      setViewport((view) => {
        const zoomed = zoomAt(view, last.center, distance / last.distance)
        return { ...zoomed, x: zoomed.x + center.x - last.center.x, y: zoomed.y + center.y - last.center.y }
      })
    },
    [setViewport],
  )

  const onTouchEnd = useCallback(() => {
    pinch.current = null
  }, [])

  /** The stage itself was dragged (empty board): keep React's viewport in step. */
  const onStageDrag = useCallback(
    (event: KonvaDrag) => {
      const stage = event.target
      if (stage !== stage.getStage()) return
      setViewport((view) => ({ ...view, x: stage.x(), y: stage.y() }))
    },
    [setViewport],
  )

  return { onWheel, onTouchMove, onTouchEnd, onStageDrag }
}
