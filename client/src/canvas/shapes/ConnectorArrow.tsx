import { memo } from 'react'
import { Arrow } from 'react-konva'
import { SHAPE_COLOR_HEX, type ShapeData } from '../../../../shared/src/model'
import type { Rect } from '../viewport'
import { connectorPoints } from './geometry'

interface ConnectorArrowProps {
  shape: ShapeData
  from: Rect & { ellipse?: boolean }
  to: Rect & { ellipse?: boolean }
  selected: boolean
  selectable: boolean
  onSelect: (id: string, additive: boolean) => void
}

/** An arrow between two notes or shapes, drawn from border to border; it follows its ends. */
export const ConnectorArrow = memo(function ConnectorArrow({
  shape,
  from,
  to,
  selected,
  selectable,
  onSelect,
}: ConnectorArrowProps) {
  const points = connectorPoints(from, to)
  if (!points) return null
  const color = SHAPE_COLOR_HEX[shape.color]
  return (
    <Arrow
      id={shape.id}
      points={points}
      stroke={selected ? '#0b57d0' : color}
      fill={selected ? '#0b57d0' : color}
      strokeWidth={selected ? 6 : 4}
      pointerLength={16}
      pointerWidth={16}
      lineCap="round"
      // A wide invisible band makes a thin arrow easy to click or tap.
      hitStrokeWidth={24}
      listening={selectable}
      onClick={(event) =>
        onSelect(shape.id, Boolean(event.evt.shiftKey || event.evt.ctrlKey || event.evt.metaKey))
      }
      onTap={() => onSelect(shape.id, false)}
      perfectDrawEnabled={false}
    />
  )
})
