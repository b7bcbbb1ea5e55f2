import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { ZoneData } from '../../../shared/src/model'
import { FONT_FAMILY } from './noteLayout'

const PADDING = 20
const TITLE_SIZE = 22
const PROMPT_SIZE = 16

/**
 * A question zone: a light area with its question on top. It does not listen to pointer events,
 * so dragging or double-clicking inside it acts on the empty board (pan, new note in this zone).
 */
export const ZoneShape = memo(function ZoneShape({ zone }: { zone: ZoneData }) {
  const textWidth = Math.max(1, zone.width - 2 * PADDING)
  return (
    <Group x={zone.x} y={zone.y} listening={false}>
      <Rect
        width={zone.width}
        height={zone.height}
        fill={zone.color}
        cornerRadius={16}
        stroke="#d6cfc0"
        strokeWidth={1.5}
        perfectDrawEnabled={false}
      />
      <Text
        x={PADDING}
        y={PADDING}
        width={textWidth}
        text={zone.title}
        fontFamily={FONT_FAMILY}
        fontSize={TITLE_SIZE}
        fontStyle="bold"
        fill="#1d2a26"
        wrap="none"
        ellipsis
      />
      {zone.prompt && (
        <Text
          x={PADDING}
          y={PADDING + TITLE_SIZE + 10}
          width={textWidth}
          height={PROMPT_SIZE * 1.3 * 3}
          text={zone.prompt}
          fontFamily={FONT_FAMILY}
          fontSize={PROMPT_SIZE}
          lineHeight={1.3}
          fill="#44504b"
          wrap="word"
          ellipsis
        />
      )}
    </Group>
  )
})
