import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { NOTE_MAX_TEXT_LENGTH, type NoteData, updateNote } from '../../../shared/src/model'
import { localEdit } from '../sync/localOrigin'
import { fitFontSize, grownHeight } from './fitText'
import { AUTHOR_AREA, FONT_FAMILY, LINE_HEIGHT, NOTE_PADDING, noteTextBox } from './noteLayout'
import { applyTextEdit, transformIndex } from './textDiff'
import { toScreenRect, type Viewport } from './viewport'

interface NoteEditorProps {
  doc: Y.Doc
  note: NoteData
  text: Y.Text
  viewport: Viewport
  onClose: () => void
}

/**
 * A transparent textarea laid exactly over the note on the canvas (same box, padding and font
 * size, scaled by the zoom; the note's own text is hidden meanwhile), so editing feels like writing
 * on the note itself and its colour and author stay visible. Every keystroke becomes a small
 * splice on the note's Y.Text; remote splices are merged in while keeping the caret in place.
 */
export function NoteEditor({ doc, note, text, viewport, onClose }: NoteEditorProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLTextAreaElement>(null)
  // Only used for the font size; the textarea's content itself is managed below, uncontrolled,
  // because re-setting a controlled value on remote edits would throw away the caret.
  const [value, setValue] = useState(() => text.toString())

  useEffect(() => {
    const area = ref.current
    if (!area) return
    area.value = text.toString()
    area.focus()
    area.setSelectionRange(area.value.length, area.value.length)
    setValue(area.value)

    const onRemoteChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.local) return
      const start = transformIndex(event.delta, area.selectionStart)
      const end = transformIndex(event.delta, area.selectionEnd)
      area.value = text.toString()
      if (document.activeElement === area) area.setSelectionRange(start, end)
      setValue(area.value)
    }
    text.observe(onRemoteChange)
    return () => text.unobserve(onRemoteChange)
  }, [text])

  const onInput = () => {
    const area = ref.current
    if (!area) return
    applyTextEdit(text, area.value)
    setValue(area.value)
    // The font shrinks as the text grows; at the smallest size the note grows instead.
    const height = grownHeight(area.value, note)
    if (height !== null && height > note.height) localEdit(doc, () => updateNote(doc, note.id, { height }))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Escape or Ctrl/Cmd+Enter: done. Plain Enter is a new line, as people expect in a text box.
    if (event.key === 'Escape' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault()
      onClose()
    }
    // Keep board shortcuts (N, Delete) from firing while typing.
    event.stopPropagation()
  }

  const box = noteTextBox(note)
  const fontSize = fitFontSize(value, box)
  const rect = toScreenRect(viewport, note)
  const scale = viewport.scale

  return (
    <textarea
      ref={ref}
      className="note-editor"
      data-testid="note-editor"
      aria-label={t('note.editorLabel')}
      placeholder={t('note.emptyPlaceholder')}
      maxLength={NOTE_MAX_TEXT_LENGTH}
      onInput={onInput}
      onKeyDown={onKeyDown}
      onBlur={onClose}
      spellCheck
      style={{
        left: rect.x,
        top: rect.y,
        width: rect.width,
        height: rect.height,
        padding: `${NOTE_PADDING * scale}px`,
        paddingBottom: `${(NOTE_PADDING + AUTHOR_AREA) * scale}px`,
        fontFamily: FONT_FAMILY,
        fontSize: `${fontSize * scale}px`,
        lineHeight: LINE_HEIGHT,
        borderRadius: `${4 * scale}px`,
      }}
    />
  )
}
