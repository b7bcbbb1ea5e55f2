import type Konva from 'konva'
import { memo, useMemo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import { NOTE_COLOR_HEX, type NoteData } from '../../../shared/src/model'
import { fitFontSize } from './fitText'
import { AUTHOR_FONT_SIZE, FONT_FAMILY, LINE_HEIGHT, NOTE_PADDING, noteTextBox } from './noteLayout'

export const NOTE_NAME = 'note'

interface NoteShapeProps {
  note: NoteData
  selected: boolean
  editing: boolean
  editable: boolean
  onSelect: (id: string) => void
  onStartEdit: (id: string) => void
  onMoved: (id: string, x: number, y: number) => void
}

/**
 * One sticky note. Memoised: with stable callbacks it only re-renders when its own data, selection
 * or editing state changes. While dragging, Konva moves the shape itself (smooth, no React work);
 * the new position is written to the shared document once, on drop.
 */
export const NoteShape = memo(function NoteShape({
  note,
  selected,
  editing,
  editable,
  onSelect,
  onStartEdit,
  onMoved,
}: NoteShapeProps) {
  const box = noteTextBox(note)
  const { width: boxWidth, height: boxHeight } = box
  const fontSize = useMemo(
    () => fitFontSize(note.text, { width: boxWidth, height: boxHeight }),
    [note.text, boxWidth, boxHeight],
  )

  const select = () => onSelect(note.id)
  const startEdit = () => {
    if (editable) onStartEdit(note.id)
  }
  const dropped = (event: Konva.KonvaEventObject<DragEvent>) => {
    // Drag events bubble to the stage; only handle this note's own drag.
    if (event.target.name() !== NOTE_NAME) return
    onMoved(note.id, event.target.x(), event.target.y())
  }

  return (
    <Group
      id={note.id}
      name={NOTE_NAME}
      x={note.x}
      y={note.y}
      draggable={editable && !editing}
      onClick={select}
      onTap={select}
      onDblClick={startEdit}
      onDblTap={startEdit}
      onDragStart={select}
      onDragEnd={dropped}
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
        stroke={selected ? '#1f5c4a' : undefined}
        strokeWidth={selected ? 3 : 0}
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
    </Group>
  )
})
