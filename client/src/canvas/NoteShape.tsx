import type Konva from 'konva'
import { memo, useMemo } from 'react'
import { Group, Label, Shape, Tag, Text } from 'react-konva'
import { NOTE_COLOR_HEX, type NoteData } from '../../../shared/src/model'
import { noteHitFunc, noteSceneFunc } from './noteDraw'
import { FONT_FAMILY } from './noteLayout'
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

/** Who is typing, on a dark tag just above the note, aligned with its left edge. */
function TypingTag({ text, scale }: { text: string; scale: number }) {
  return (
    // Tag height: 14px text + 2 × 6px padding; 6px gap above the note.
    <Label y={-32 * scale} scaleX={scale} scaleY={scale} listening={false}>
      <Tag fill="#1d2a26" cornerRadius={6} />
      <Text text={text} fontFamily={FONT_FAMILY} fontSize={14} fontStyle="bold" fill="#ffffff" padding={6} />
    </Label>
  )
}

/**
 * One sticky note. Memoised: with stable callbacks it only re-renders when its own data, selection
 * or editing state changes. While dragging, Konva moves the shape itself (smooth, no React work);
 * the canvas writes the new positions to the shared document once, on drop. The note's paper,
 * text and author are one custom shape (noteDraw.ts), drawn without per-frame text measuring.
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
  onTouchStart,
}: NoteShapeProps) {
  const { width, height, text, authorName, color } = note
  const isTyped = Boolean(typing)
  const sceneFunc = useMemo(
    () =>
      noteSceneFunc({
        width,
        height,
        fill: NOTE_COLOR_HEX[color],
        text,
        authorName,
        selected,
        typing: isTyped,
        hideText: editing,
      }),
    [width, height, color, text, authorName, selected, isTyped, editing],
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
      onTouchStart={onTouchStart ? (event) => onTouchStart(note.id, event) : undefined}
      onDblClick={() => onStartEdit(note.id)}
      onDblTap={() => onStartEdit(note.id)}
      onDragStart={(event) => onDragStart(note.id, event)}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
    >
      <Shape
        width={width}
        height={height}
        sceneFunc={sceneFunc}
        hitFunc={noteHitFunc}
        perfectDrawEnabled={false}
        shadowForStrokeEnabled={false}
      />
      {typing && <TypingTag text={typing.text} scale={typing.scale} />}
    </Group>
  )
})
