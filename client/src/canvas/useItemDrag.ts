import type Konva from 'konva'
import { type RefObject, useCallback, useRef, useState } from 'react'
import type { Move as Placement } from '../board/ops/BoardOps'

type KonvaDrag = Konva.KonvaEventObject<DragEvent>

export const GRID_SIZE = 24

export const snapToGrid = (value: number) => Math.round(value / GRID_SIZE) * GRID_SIZE

interface ItemDragOptions {
  stageRef: RefObject<Konva.Stage | null>
  selection: readonly string[]
  select: (id: string, additive: boolean) => void
  snap: boolean
  /** Writes the moves; false when they were refused (into a locked zone): the items go back. */
  onDrop: (moves: Placement[]) => boolean
}

/**
 * Dragging notes and shapes. Dragging a selected item moves the whole selection (the selection's
 * Konva Transformer carries the others along); on drop every moved item is written in one
 * transaction. While dragging, `livePositions` lets arrows follow their notes.
 */
export function useItemDrag({ stageRef, selection, select, snap, onDrop }: ItemDragOptions) {
  const [livePositions, setLivePositions] = useState<ReadonlyMap<string, { x: number; y: number }> | null>(
    null,
  )
  const latest = useRef({ selection, snap, onDrop })
  latest.current = { selection, snap, onDrop }
  const dragged = useRef<Set<string>>(new Set())
  // Where the dragged items were picked up: a refused drop puts them back there.
  const origins = useRef<ReadonlyMap<string, { x: number; y: number }>>(new Map())
  const frame = useRef(0)

  const readPositions = useCallback(() => {
    const positions = new Map<string, { x: number; y: number }>()
    // One walk over the stage per frame, not one per dragged item (a group of hundreds).
    const ids = dragged.current
    for (const node of stageRef.current?.find((candidate: Konva.Node) => ids.has(candidate.id())) ?? []) {
      positions.set(node.id(), { x: node.x(), y: node.y() })
    }
    return positions
  }, [stageRef])

  const onDragStart = useCallback(
    (id: string, event: KonvaDrag) => {
      const { selection } = latest.current
      const evt = event.evt as unknown as MouseEvent | undefined
      const additive = Boolean(evt?.shiftKey)
      // Dragging an unselected item picks it up on its own; a selected one brings the selection.
      if (!selection.includes(id)) select(id, additive)
      dragged.current = new Set(selection.includes(id) ? [...selection, id] : [id])
      origins.current = readPositions()
    },
    [select, readPositions],
  )

  const onDragMove = useCallback(
    (event: KonvaDrag) => {
      if (event.target === event.target.getStage()) return
      if (frame.current) return
      frame.current = requestAnimationFrame(() => {
        frame.current = 0
        setLivePositions(readPositions())
      })
    },
    [readPositions],
  )

  const onDragEnd = useCallback(
    (event: KonvaDrag) => {
      if (event.target === event.target.getStage()) return
      cancelAnimationFrame(frame.current)
      frame.current = 0
      const { snap, onDrop } = latest.current
      const moves: Placement[] = []
      for (const [id, { x, y }] of readPositions()) {
        moves.push(snap ? { id, x: snapToGrid(x), y: snapToGrid(y) } : { id, x, y })
      }
      const ids = dragged.current
      dragged.current = new Set()
      setLivePositions(null)
      if (moves.length === 0 || onDrop(moves)) return
      // Nothing was written, so React will not move the nodes: put them back by hand.
      const stage = stageRef.current
      for (const node of stage?.find((candidate: Konva.Node) => ids.has(candidate.id())) ?? []) {
        const origin = origins.current.get(node.id())
        if (origin) node.position(origin)
      }
      stage?.batchDraw()
    },
    [readPositions, stageRef],
  )

  return { livePositions, onDragStart, onDragMove, onDragEnd }
}
