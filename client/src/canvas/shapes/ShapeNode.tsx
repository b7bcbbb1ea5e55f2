import type Konva from 'konva'
import { memo } from 'react'
import { Ellipse, Group, Rect, Text } from 'react-konva'
import { SHAPE_COLOR_HEX, type ShapeData } from '../../../../shared/src/model'
import { FONT_FAMILY } from '../noteLayout'

export const ITEM_NAME = 'item'

type PointerEvent = Konva.KonvaEventObject<MouseEvent | TouchEvent>
type KonvaDrag = Konva.KonvaEventObject<DragEvent>

export interface ItemHandlers {
  onSelect: (id: string, additive: boolean) => void
  onStartEdit: (id: string) => void
  onDragStart: (id: string, event: KonvaDrag) => void
  onDragMove: (event: KonvaDrag) => void
  onDragEnd: (event: KonvaDrag) => void
  /** A finger touches an item (notes: one finger on an unselected note pans, see useTouchNoteGestures). */
  onTouchStart?: (id: string, event: Konva.KonvaEventObject<TouchEvent>) => void
}

interface ShapeNodeProps extends ItemHandlers {
  shape: ShapeData
  draggable: boolean
  editing: boolean
}

/** A faint fill in the shape's own colour, so notes on top of it stay readable. */
function tint(hex: string, alpha = 0.07): string {
  const value = Number.parseInt(hex.slice(1), 16)
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`
}

const additive = (event: PointerEvent) => {
  const evt = event.evt as MouseEvent
  return Boolean(evt.shiftKey || evt.ctrlKey || evt.metaKey)
}

/**
 * A facilitator's text label, rectangle or ellipse. Rectangles and ellipses are outlines with a
 * faint fill, so notes on top of them stay readable.
 */
export const ShapeNode = memo(function ShapeNode({
  shape,
  draggable,
  editing,
  onSelect,
  onStartEdit,
  onDragStart,
  onDragMove,
  onDragEnd,
}: ShapeNodeProps) {
  const color = SHAPE_COLOR_HEX[shape.color]
  const { width, height } = shape
  return (
    <Group
      id={shape.id}
      name={ITEM_NAME}
      x={shape.x}
      y={shape.y}
      draggable={draggable}
      onClick={(event) => onSelect(shape.id, additive(event))}
      onTap={() => onSelect(shape.id, false)}
      onDblClick={() => onStartEdit(shape.id)}
      onDblTap={() => onStartEdit(shape.id)}
      onDragStart={(event) => onDragStart(shape.id, event)}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
    >
      {shape.kind === 'text' ? (
        <>
          {/* The whole box is the hit area, not only the letters. */}
          <Rect width={width} height={height} fill="rgba(0,0,0,0)" />
          <Text
            width={width}
            text={shape.text}
            fontFamily={FONT_FAMILY}
            fontSize={shape.fontSize}
            fontStyle="bold"
            lineHeight={1.2}
            fill={color}
            wrap="word"
            visible={!editing}
            listening={false}
          />
        </>
      ) : shape.kind === 'ellipse' ? (
        <Ellipse
          x={width / 2}
          y={height / 2}
          radiusX={width / 2}
          radiusY={height / 2}
          stroke={color}
          strokeWidth={4}
          fill={tint(color)}
          perfectDrawEnabled={false}
        />
      ) : (
        <Rect
          width={width}
          height={height}
          stroke={color}
          strokeWidth={4}
          cornerRadius={10}
          fill={tint(color)}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
