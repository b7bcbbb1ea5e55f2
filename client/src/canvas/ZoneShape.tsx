import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import {
  ZONE_PADDING,
  ZONE_PROMPT_LINE,
  ZONE_PROMPT_MAX_LINES,
  ZONE_PROMPT_SIZE,
  ZONE_TITLE_SIZE,
  type ZoneData,
} from '../../../shared/src/model'
import { FONT_FAMILY } from './noteLayout'

const PADDING = ZONE_PADDING
const TITLE_SIZE = ZONE_TITLE_SIZE
const PROMPT_SIZE = ZONE_PROMPT_SIZE
const PROMPT_LINE = ZONE_PROMPT_LINE
const PROMPT_MAX_LINES = ZONE_PROMPT_MAX_LINES

/**
 * A question zone: a light area with its question on top. The area does not listen to pointer
 * events, so dragging or double-clicking inside it acts on the empty board (pan, new note in this
 * zone). For facilitators (`onEdit`) double-clicking the title or question opens the zone editor.
 */
export const ZoneShape = memo(function ZoneShape({
  zone,
  onEdit,
  reserveRight = 0,
}: {
  zone: ZoneData
  onEdit?: (zoneId: string) => void
  /** Board units kept free at the right of the text, for the edit button drawn over the zone. */
  reserveRight?: number
}) {
  const textWidth = Math.max(1, zone.width - 2 * PADDING - Math.max(0, reserveRight - PADDING))
  const edit = onEdit ? () => onEdit(zone.id) : undefined
  return (
    <Group x={zone.x} y={zone.y} listening={Boolean(onEdit)}>
      <Rect
        listening={false}
        width={zone.width}
        height={zone.height}
        fill={zone.color}
        cornerRadius={16}
        stroke="#d6cfc0"
        strokeWidth={1.5}
        perfectDrawEnabled={false}
      />
      <Text
        name="zone-title"
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
        onDblClick={edit}
        onDblTap={edit}
      />
      {zone.prompt && (
        <Text
          name="zone-prompt"
          x={PADDING}
          y={PADDING + TITLE_SIZE + 10}
          width={textWidth}
          height={PROMPT_LINE * PROMPT_MAX_LINES}
          text={zone.prompt}
          fontFamily={FONT_FAMILY}
          fontSize={PROMPT_SIZE}
          lineHeight={1.3}
          fill="#44504b"
          wrap="word"
          ellipsis
          onDblClick={edit}
          onDblTap={edit}
        />
      )}
    </Group>
  )
})
