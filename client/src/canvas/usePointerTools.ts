import type Konva from 'konva'
import {
  type Dispatch,
  type RefObject,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react'
import type { CanvasTool } from '../actions/types'
import { intersects, rectFromPoints } from './shapes/geometry'
import { type Point, type Rect, toBoardPoint, type Viewport } from './viewport'

type KonvaMouse = Konva.KonvaEventObject<MouseEvent>
type KonvaTouch = Konva.KonvaEventObject<TouchEvent>

const LONG_PRESS_MS = 550
const LONG_PRESS_SLOP_PX = 10
/** A selection box smaller than this (screen px) was a click, not a drag. */
const MARQUEE_MIN_PX = 4

interface PointerToolsOptions {
  stageRef: RefObject<Konva.Stage | null>
  viewport: Viewport
  setViewport: Dispatch<SetStateAction<Viewport>>
  tool: CanvasTool
  shiftHeld: boolean
  /** Items a selection box can catch, in board coordinates. */
  items: () => readonly (Rect & { id: string })[]
  onMarquee: (ids: string[], additive: boolean) => void
  /** Touch and hold on the empty board: make a note there (when allowed). */
  onLongPress?: (at: Point) => void
}

/**
 * Pointer gestures on the empty board besides plain dragging (which pans): a selection box (with
 * the select tool, or Shift + drag), panning with the middle mouse button, and touch-and-hold to
 * make a note.
 */
export function usePointerTools(options: PointerToolsOptions) {
  const latest = useRef(options)
  latest.current = options
  const [marquee, setMarquee] = useState<Rect | null>(null)
  const longPress = useRef<{ timer: number; start: Point } | null>(null)

  const screenPoint = useCallback((clientX: number, clientY: number): Point => {
    const box = latest.current.stageRef.current?.container().getBoundingClientRect()
    return { x: clientX - (box?.left ?? 0), y: clientY - (box?.top ?? 0) }
  }, [])

  const startMarquee = useCallback(
    (start: { clientX: number; clientY: number }, additive: boolean) => {
      const from = screenPoint(start.clientX, start.clientY)
      let last = from
      const move = (x: number, y: number) => {
        last = screenPoint(x, y)
        const view = latest.current.viewport
        setMarquee(rectFromPoints(toBoardPoint(view, from), toBoardPoint(view, last)))
      }
      const onMouseMove = (event: MouseEvent) => move(event.clientX, event.clientY)
      const onTouchMove = (event: TouchEvent) => {
        const touch = event.touches[0]
        if (event.touches.length > 1) return finish(false)
        if (touch) move(touch.clientX, touch.clientY)
      }
      const finish = (apply: boolean) => {
        window.removeEventListener('mousemove', onMouseMove)
        window.removeEventListener('mouseup', onUp)
        window.removeEventListener('touchmove', onTouchMove)
        window.removeEventListener('touchend', onUp)
        setMarquee(null)
        if (!apply || Math.hypot(last.x - from.x, last.y - from.y) < MARQUEE_MIN_PX) return
        const view = latest.current.viewport
        const box = rectFromPoints(toBoardPoint(view, from), toBoardPoint(view, last))
        const caught = latest.current.items().filter((item) => intersects(box, item))
        latest.current.onMarquee(
          caught.map((item) => item.id),
          additive,
        )
      }
      const onUp = () => finish(true)
      window.addEventListener('mousemove', onMouseMove)
      window.addEventListener('mouseup', onUp)
      window.addEventListener('touchmove', onTouchMove, { passive: true })
      window.addEventListener('touchend', onUp)
    },
    [screenPoint],
  )

  /** Middle mouse button: pan from anywhere, also over notes. */
  const startMiddlePan = useCallback((event: MouseEvent) => {
    event.preventDefault() // no auto-scroll cursor
    let last = { x: event.clientX, y: event.clientY }
    const onMove = (move: MouseEvent) => {
      const dx = move.clientX - last.x
      const dy = move.clientY - last.y
      last = { x: move.clientX, y: move.clientY }
      latest.current.setViewport((view) => ({ ...view, x: view.x + dx, y: view.y + dy }))
    }
    const onUp = () => {
      window.removeEventListener('mousemove', onMove)
      window.removeEventListener('mouseup', onUp)
    }
    window.addEventListener('mousemove', onMove)
    window.addEventListener('mouseup', onUp)
  }, [])

  const onMouseDown = useCallback(
    (event: KonvaMouse) => {
      const evt = event.evt
      if (evt.button === 1) return startMiddlePan(evt)
      // Shift + click would also extend a text selection across the page (then Ctrl+C copies
      // that text instead of the notes).
      if (evt.shiftKey) evt.preventDefault()
      const stage = event.target.getStage()
      if (evt.button !== 0 || event.target !== stage) return
      const { tool, shiftHeld } = latest.current
      if (tool === 'select' || shiftHeld || evt.shiftKey) startMarquee(evt, evt.shiftKey)
    },
    [startMarquee, startMiddlePan],
  )

  const cancelLongPress = useCallback(() => {
    if (longPress.current) window.clearTimeout(longPress.current.timer)
    longPress.current = null
  }, [])

  const onTouchStart = useCallback(
    (event: KonvaTouch) => {
      cancelLongPress()
      const touches = event.evt.touches
      const touch = touches[0]
      if (touches.length !== 1 || !touch || event.target !== event.target.getStage()) return
      if (latest.current.tool === 'select') return startMarquee(touch, false)
      const { onLongPress } = latest.current
      if (!onLongPress) return
      const start = screenPoint(touch.clientX, touch.clientY)
      const timer = window.setTimeout(() => {
        longPress.current = null
        const stage = latest.current.stageRef.current
        if (stage?.isDragging()) stage.stopDrag()
        navigator.vibrate?.(15)
        onLongPress(toBoardPoint(latest.current.viewport, start))
      }, LONG_PRESS_MS)
      longPress.current = { timer, start }
    },
    [cancelLongPress, screenPoint, startMarquee],
  )

  const onTouchMove = useCallback(
    (event: KonvaTouch) => {
      const pending = longPress.current
      const touch = event.evt.touches[0]
      if (!pending || !touch) return
      const point = screenPoint(touch.clientX, touch.clientY)
      const moved = Math.hypot(point.x - pending.start.x, point.y - pending.start.y) > LONG_PRESS_SLOP_PX
      if (moved || event.evt.touches.length > 1) cancelLongPress()
    },
    [cancelLongPress, screenPoint],
  )

  useEffect(() => cancelLongPress, [cancelLongPress])

  return { marquee, onMouseDown, onTouchStart, onTouchMove, onTouchEnd: cancelLongPress }
}
