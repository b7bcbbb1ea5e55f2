import type Konva from 'konva'
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef } from 'react'
import type { Viewport } from './viewport'

type KonvaTouch = Konva.KonvaEventObject<TouchEvent>

/** Touch and hold this long on a note: it is selected and the same finger can move it. */
export const NOTE_LONG_PRESS_MS = 450
/** A finger that moved further than this before the long press was panning, not holding. */
const HOLD_SLOP_PX = 10

interface Gesture {
  id: string
  node: Konva.Node
  start: { x: number; y: number }
  last: { x: number; y: number }
  timer: number
  /** pending: finger down; panning: moving the board; armed: held, the note may be dragged. */
  mode: 'pending' | 'panning' | 'armed'
}

interface TouchNoteOptions {
  setViewport: Dispatch<SetStateAction<Viewport>>
  /** Whether a note is selected right now (read when a drag starts). */
  isSelected: (id: string) => boolean
  /** Selects the note (locked notes are refused by the caller). */
  select: (id: string) => void
}

/**
 * One finger on a phone: on a note that is not selected it pans the board, as on the empty board
 * (a zoomed-in board is mostly notes, and dragging them by accident moved other people's work).
 * A tap selects the note; touch and hold selects it and the same finger moves it; a drag on a
 * selected note moves it. Mouse and pen keep dragging notes directly (no touch events).
 *
 * Konva starts a note's drag at the first move; `claimDrag` is asked in its dragstart and turns it
 * into a pan by stopping the note's drag and following the finger here. Two fingers end the pan,
 * so the stage's pinch zoom takes over.
 */
export function useTouchNoteGestures({ setViewport, isSelected, select }: TouchNoteOptions) {
  const gesture = useRef<Gesture | null>(null)
  const latest = useRef({ setViewport, isSelected, select })
  latest.current = { setViewport, isSelected, select }
  const panListeners = useRef<(() => void) | null>(null)

  const stopPanning = useCallback(() => {
    panListeners.current?.()
    panListeners.current = null
  }, [])

  const end = useCallback(() => {
    if (gesture.current) window.clearTimeout(gesture.current.timer)
    gesture.current = null
    stopPanning()
  }, [stopPanning])

  const onNoteTouchStart = useCallback(
    (id: string, event: KonvaTouch) => {
      end()
      const touch = event.evt.touches[0]
      if (event.evt.touches.length !== 1 || !touch) return
      const node = event.currentTarget
      const start = { x: touch.clientX, y: touch.clientY }
      const timer = window.setTimeout(() => {
        const current = gesture.current
        // A selected note already being dragged: nothing to arm (and its selection stays as it is).
        if (!current || current.id !== id || current.mode === 'armed' || node.isDragging()) return
        if (Math.hypot(current.last.x - start.x, current.last.y - start.y) > HOLD_SLOP_PX) return
        stopPanning()
        current.mode = 'armed'
        latest.current.select(id)
        navigator.vibrate?.(15)
        // The finger is still down: the note follows it from here.
        if (node.draggable() && !node.isDragging()) node.startDrag()
      }, NOTE_LONG_PRESS_MS)
      gesture.current = { id, node, start, last: start, timer, mode: 'pending' }
    },
    [end, stopPanning],
  )

  /** Asked in a note's dragstart: true when this touch drag pans the board instead (then stop it). */
  const claimDrag = useCallback(
    (id: string): boolean => {
      const current = gesture.current
      if (!current || current.id !== id || current.mode !== 'pending') return false
      if (latest.current.isSelected(id)) return false
      current.mode = 'panning'
      const onMove = (event: TouchEvent) => {
        const touch = event.touches[0]
        const active = gesture.current
        if (!touch || !active || event.touches.length !== 1) {
          // Pinch: the stage's two-finger zoom takes over; no long press any more.
          if (active) window.clearTimeout(active.timer)
          return stopPanning()
        }
        const dx = touch.clientX - active.last.x
        const dy = touch.clientY - active.last.y
        active.last = { x: touch.clientX, y: touch.clientY }
        if (dx !== 0 || dy !== 0)
          latest.current.setViewport((view) => ({ ...view, x: view.x + dx, y: view.y + dy }))
      }
      window.addEventListener('touchmove', onMove, { passive: true })
      panListeners.current = () => window.removeEventListener('touchmove', onMove)
      return true
    },
    [stopPanning],
  )

  useEffect(() => {
    const onEnd = (event: TouchEvent) => {
      if (event.touches.length === 0) end()
    }
    window.addEventListener('touchend', onEnd)
    window.addEventListener('touchcancel', onEnd)
    return () => {
      window.removeEventListener('touchend', onEnd)
      window.removeEventListener('touchcancel', onEnd)
      end()
    }
  }, [end])

  return { onNoteTouchStart, claimDrag }
}
