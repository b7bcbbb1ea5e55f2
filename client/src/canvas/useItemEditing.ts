import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { deleteShape, getNoteText, getShape, type NoteData, type ShapeData } from '../../../shared/src/model'
import { localCommand } from '../sync/localOrigin'
import type { Point } from './viewport'

interface ItemEditingOptions {
  doc: Y.Doc
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  canEdit: boolean
  isFacilitator: boolean
  addNoteAt: (center: Point, options: { avoidOthers: boolean }) => string
  removeNote: (id: string) => void
  selectOnly: (id: string) => void
  clearSelection: () => void
}

/**
 * Which note (or text label) is open for typing. Notes and labels made just now and left empty are
 * removed again when the editor closes, so a stray tap leaves nothing behind.
 */
export function useItemEditing(options: ItemEditingOptions) {
  const { doc, notes, shapes, canEdit, isFacilitator, addNoteAt, removeNote, selectOnly, clearSelection } =
    options
  const [editingId, setEditingId] = useState<string | null>(null)
  const fresh = useRef(new Set<string>())

  const editingNote = notes.find((note) => note.id === editingId) ?? null
  const editingShape = shapes.find((shape) => shape.id === editingId && shape.kind === 'text') ?? null

  // An item removed by someone else cannot stay open.
  useEffect(() => {
    if (editingId && !editingNote && !editingShape) setEditingId(null)
  }, [editingId, editingNote, editingShape])

  // Editing stopped being allowed (the round's time is up, input closed): close the editor at
  // once, without the usual clean-up writes, which the server would refuse now.
  useEffect(() => {
    if (!canEdit && editingId) setEditingId(null)
  }, [canEdit, editingId])

  const latest = useRef({ canEdit, isFacilitator })
  latest.current = { canEdit, isFacilitator }

  /** Opens the editor; `fresh`: made just now, so removed again when left empty. */
  const startEdit = useCallback(
    (id: string, options: { fresh?: boolean } = {}) => {
      const { canEdit, isFacilitator } = latest.current
      if (!canEdit) return
      // Read from the document: an item made a moment ago is not in this render's lists yet.
      const isNote = getNoteText(doc, id) !== null
      const isLabel = isFacilitator && getShape(doc, id)?.kind === 'text'
      if (!isNote && !isLabel) return
      if (options.fresh) fresh.current.add(id)
      selectOnly(id)
      setEditingId(id)
    },
    [doc, selectOnly],
  )

  const createAndEdit = useCallback(
    (center: Point, avoidOthers: boolean) => {
      startEdit(addNoteAt(center, { avoidOthers }), { fresh: true })
    },
    [addNoteAt, startEdit],
  )

  const stopEditing = useCallback(
    (labelText?: string) => {
      const id = editingId
      setEditingId(null)
      if (!id || !fresh.current.delete(id)) return
      if (labelText !== undefined) {
        if (!labelText.trim()) {
          localCommand(doc, () => deleteShape(doc, id))
          clearSelection()
        }
        return
      }
      if (!getNoteText(doc, id)?.toString().trim()) {
        removeNote(id)
        clearSelection()
      }
    },
    [editingId, doc, removeNote, clearSelection],
  )

  return { editingId, editingNote, editingShape, startEdit, createAndEdit, stopEditing }
}
