import type Konva from 'konva'
import { type RefObject, useEffect, useRef } from 'react'
import { Transformer } from 'react-konva'
import { NOTE_MIN_SIZE, SHAPE_MIN_SIZE } from '../../../shared/src/model'

export interface Resize {
  id: string
  x: number
  y: number
  width: number
  height: number
  /** Vertical scale of this resize, for text labels whose letters grow with their box. */
  scale: number
}

interface SelectionTransformerProps {
  stageRef: RefObject<Konva.Stage | null>
  /** Ids of the items to put handles on (notes and box shapes; not arrows). */
  ids: readonly string[]
  sizes: ReadonlyMap<string, { width: number; height: number }>
  keepRatio: boolean
  enabled: boolean
  scale: number
  onResized: (resizes: Resize[]) => void
}

const ANCHORS_ALL = [
  'top-left',
  'top-center',
  'top-right',
  'middle-right',
  'middle-left',
  'bottom-left',
  'bottom-center',
  'bottom-right',
]
const ANCHORS_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right']
/** Handles a finger can hit (at least 24 CSS px, with room to spare) on touch screens. */
const ANCHOR_SIZE =
  typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches ? 28 : 14

/**
 * Resize handles around the selection (Konva Transformer). It also makes a multi-selection move as
 * one when any of its items is dragged. Sizes never go below the model's minimum.
 */
export function SelectionTransformer({
  stageRef,
  ids,
  sizes,
  keepRatio,
  enabled,
  scale,
  onResized,
}: SelectionTransformerProps) {
  const ref = useRef<Konva.Transformer>(null)
  const key = ids.join(',')
  // The sizes as a value: the map is new on every render (every pan frame), and re-attaching then
  // cost a walk over the stage per selected item each frame (seconds with 2,000 notes selected).
  const sizesKey = ids.map((id) => `${sizes.get(id)?.width}x${sizes.get(id)?.height}`).join(',')

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids; `sizesKey` re-attaches after a resize
  useEffect(() => {
    const transformer = ref.current
    const stage = stageRef.current
    if (!transformer || !stage) return
    // One walk over the stage for all selected items, not one per item.
    const wanted = new Set(ids)
    const nodes = enabled ? stage.find((node: Konva.Node) => wanted.has(node.id())) : []
    transformer.nodes(nodes)
    transformer.getLayer()?.batchDraw()
  }, [key, enabled, stageRef, sizesKey])

  const minSize = Math.min(NOTE_MIN_SIZE, SHAPE_MIN_SIZE) * scale

  const onTransformEnd = () => {
    const transformer = ref.current
    if (!transformer) return
    const resizes: Resize[] = []
    for (const node of transformer.nodes()) {
      const size = sizes.get(node.id())
      if (!size) continue
      const scaleX = node.scaleX()
      const scaleY = node.scaleY()
      node.scale({ x: 1, y: 1 })
      resizes.push({
        id: node.id(),
        x: node.x(),
        y: node.y(),
        width: size.width * scaleX,
        height: size.height * scaleY,
        scale: scaleY,
      })
    }
    if (resizes.length > 0) onResized(resizes)
  }

  return (
    <Transformer
      ref={ref}
      rotateEnabled={false}
      flipEnabled={false}
      keepRatio={keepRatio}
      enabledAnchors={keepRatio ? ANCHORS_CORNERS : ANCHORS_ALL}
      anchorSize={ANCHOR_SIZE}
      anchorCornerRadius={ANCHOR_SIZE / 2}
      anchorStroke="#1f5c4a"
      anchorFill="#ffffff"
      borderStroke="#1f5c4a"
      borderDash={[6, 4]}
      ignoreStroke
      boundBoxFunc={(oldBox, newBox) =>
        Math.abs(newBox.width) < minSize || Math.abs(newBox.height) < minSize ? oldBox : newBox
      }
      onTransformEnd={onTransformEnd}
    />
  )
}
