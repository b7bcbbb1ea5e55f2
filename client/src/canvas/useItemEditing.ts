import { useCallback, useEffect, useRef } from 'react'
import { deleteShape, getNoteText, getShape, type NoteData, type ShapeData } from '../../../shared/src/model'
import type { BoardEditor } from '../board/editor/BoardEditor'
import { useEditorState } from '../board/editor/editorContext'
import { localCommand } from '../sync/localOrigin'

interface ItemEditingOptions {
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  canEdit: boolean
  isFacilitator: boolean
}

/**
 * Which note (or text label) is open for typing: the editor's `editingId`, checked against what
 * this person may edit. Notes and labels made just now and left empty are removed again when the
 * editor closes, so a stray tap leaves nothing behind.
 */
export function useItemEditing(editor: BoardEditor, options: ItemEditingOptions) {
  const { notes, shapes, canEdit, isFacilitator } = options
  const editingId = useEditorState(editor, (state) => state.editingId)
  const doc = editor.doc

  const editingNote = notes.find((note) => note.id === editingId) ?? null
  const editingShape = shapes.find((shape) => shape.id === editingId && shape.kind === 'text') ?? null

  // An item removed by someone else cannot stay open. (A note made a moment ago is in the
  // document before it is in this render's list, so the document decides.)
  useEffect(() => {
    if (
      editingId &&
      !editingNote &&
      !editingShape &&
      !getNoteText(doc, editingId) &&
      !getShape(doc, editingId)
    )
      editor.stopEditing()
  }, [editor, doc, editingId, editingNote, editingShape])

  // Editing stopped being allowed (the round's time is up, input closed): close the editor at
  // once, without the usual clean-up writes, which the server would refuse now.
  useEffect(() => {
    if (!canEdit && editingId) editor.stopEditing({ cleanUp: false })
  }, [editor, canEdit, editingId])

  const latest = useRef({ canEdit, isFacilitator })
  latest.current = { canEdit, isFacilitator }

  /** Opens the editor; `fresh`: made just now, so removed again when left empty. */
  const startEdit = useCallback(
    (id: string, options: { fresh?: boolean } = {}) => {
      const { canEdit, isFacilitator } = latest.current
      if (!canEdit) return
      // Read from the document: an item made a moment ago is not in this render's lists yet.
      // Someone else's note is not opened for typing by a participant (the server would refuse it).
      const isNote = getNoteText(doc, id) !== null && editor.ops.mayChange(id)
      const isLabel = isFacilitator && getShape(doc, id)?.kind === 'text'
      if (isNote || isLabel) editor.startEditing(id, options)
    },
    [editor, doc],
  )

  const stopEditing = useCallback(
    (labelText?: string) => {
      const closed = editor.stopEditing()
      if (!closed?.fresh || labelText === undefined) return
      if (!labelText.trim()) {
        localCommand(doc, () => deleteShape(doc, closed.id))
        editor.clearSelection()
      }
    },
    [editor, doc],
  )

  return { editingId, editingNote, editingShape, startEdit, stopEditing }
}
