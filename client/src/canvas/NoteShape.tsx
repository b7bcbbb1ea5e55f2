import type Konva from 'konva'
import { memo, useMemo } from 'react'
import { Group, Label, Rect, Tag, Text } from 'react-konva'
import { NOTE_COLOR_HEX, type NoteData } from '../../../shared/src/model'
import { fitFontSize } from './fitText'
import { AUTHOR_FONT_SIZE, FONT_FAMILY, LINE_HEIGHT, NOTE_PADDING, noteTextBox } from './noteLayout'
import { ITEM_NAME, type ItemHandlers } from './shapes/ShapeNode'

interface NoteShapeProps extends ItemHandlers {
  note: NoteData
  selected: boolean
  editing: boolean
  draggable: boolean
  /** "Ahmed is aan het typen": someone else edits this note; `scale` keeps it readable when zoomed out. */
  typing?: { text: string; scale: number }
}

type PointerEvent = Konva.KonvaEventObject<MouseEvent | TouchEvent>
const additive = (event: PointerEvent) => {
  const evt = event.evt as MouseEvent
  return Boolean(evt.shiftKey || evt.ctrlKey || evt.metaKey)
}

/** Who is typing, on a dark tag above the note's top-left corner. */
function TypingTag({ text, scale }: { text: string; scale: number }) {
  return (
    <Label y={-6 * scale} scaleX={scale} scaleY={scale} listening={false}>
      <Tag fill="#1d2a26" cornerRadius={6} pointerDirection="down" pointerWidth={10} pointerHeight={6} />
      <Text text={text} fontFamily={FONT_FAMILY} fontSize={14} fontStyle="bold" fill="#ffffff" padding={6} />
    </Label>
  )
}

/**
 * One sticky note. Memoised: with stable callbacks it only re-renders when its own data, selection
 * or editing state changes. While dragging, Konva moves the shape itself (smooth, no React work);
 * the canvas writes the new positions to the shared document once, on drop.
 */
export const NoteShape = memo(function NoteShape({
  note,
  selected,
  editing,
  draggable,
  typing,
  onSelect,
  onStartEdit,
  onDragStart,
  onDragMove,
  onDragEnd,
}: NoteShapeProps) {
  const box = noteTextBox(note)
  const { width: boxWidth, height: boxHeight } = box
  const fontSize = useMemo(
    () => fitFontSize(note.text, { width: boxWidth, height: boxHeight }),
    [note.text, boxWidth, boxHeight],
  )

  return (
    <Group
      id={note.id}
      name={`${ITEM_NAME} note`}
      x={note.x}
      y={note.y}
      draggable={draggable && !editing}
      onClick={(event) => onSelect(note.id, additive(event))}
      onTap={() => onSelect(note.id, false)}
      onDblClick={() => onStartEdit(note.id)}
      onDblTap={() => onStartEdit(note.id)}
      onDragStart={(event) => onDragStart(note.id, event)}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
    >
      <Rect
        width={note.width}
        height={note.height}
        fill={NOTE_COLOR_HEX[note.color]}
        cornerRadius={4}
        shadowColor="#000"
        shadowBlur={selected ? 14 : 6}
        shadowOffsetY={selected ? 4 : 2}
        shadowOpacity={selected ? 0.3 : 0.18}
        stroke={selected ? '#1f5c4a' : typing ? '#1d2a26' : undefined}
        strokeWidth={selected ? 3 : typing ? 2 : 0}
        dash={typing && !selected ? [8, 6] : undefined}
        perfectDrawEnabled={false}
      />
      <Text
        x={NOTE_PADDING}
        y={NOTE_PADDING}
        width={box.width}
        height={box.height}
        text={note.text}
        fontFamily={FONT_FAMILY}
        fontSize={fontSize}
        lineHeight={LINE_HEIGHT}
        fill="#1d1d1b"
        wrap="word"
        ellipsis
        visible={!editing}
        listening={false}
      />
      <Text
        x={NOTE_PADDING}
        y={note.height - NOTE_PADDING - AUTHOR_FONT_SIZE}
        width={box.width}
        text={note.authorName}
        fontFamily={FONT_FAMILY}
        fontSize={AUTHOR_FONT_SIZE}
        fill="#4a4a46"
        wrap="none"
        ellipsis
        listening={false}
      />
      {typing && <TypingTag text={typing.text} scale={typing.scale} />}
    </Group>
  )
})
