import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { ZoneData } from '../../../shared/src/model'
import { FONT_FAMILY } from './noteLayout'

const PADDING = 20
const TITLE_SIZE = 22
const PROMPT_SIZE = 16
const PROMPT_LINE = PROMPT_SIZE * 1.3
const PROMPT_MAX_LINES = 3
/** Rough average character width of the prompt font; only used to keep new notes off the text. */
const PROMPT_CHAR_WIDTH = PROMPT_SIZE * 0.52

/** Height of the zone's title and prompt, which new notes should not cover. */
export function zoneHeaderHeight(zone: ZoneData): number {
  const titleBottom = PADDING + TITLE_SIZE + 10
  if (!zone.prompt) return titleBottom
  const charsPerLine = Math.max(1, (zone.width - 2 * PADDING) / PROMPT_CHAR_WIDTH)
  const lines = zone.prompt
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0)
  return titleBottom + Math.min(PROMPT_MAX_LINES, lines) * PROMPT_LINE + 10
}

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
