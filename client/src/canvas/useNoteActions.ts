import { useCallback, useRef } from 'react'
import type * as Y from 'yjs'
import {
  createNote,
  deleteNote,
  NOTE_DEFAULT_SIZE,
  type NoteColor,
  type NoteData,
  updateNote,
  type ZoneData,
  zoneAtPoint,
} from '../../../shared/src/model'
import { localEdit } from '../sync/localOrigin'
import { findFreeSpot } from './freeSpot'
import type { Point } from './viewport'

export interface Author {
  id: string
  name: string
}

/** The zone a note belongs to: the one its centre lies in. */
function zoneIdFor(
  zones: readonly ZoneData[],
  x: number,
  y: number,
  size: { width: number; height: number },
) {
  return zoneAtPoint(zones, x + size.width / 2, y + size.height / 2)?.id ?? null
}

/**
 * All writes the canvas makes, through the shared model functions, as local edits (`localEdit`:
 * the origin per-user undo tracks). Callbacks are stable (they read
 * the latest notes and zones from refs) so memoised note components are not re-rendered by them.
 */
export function useNoteActions(
  doc: Y.Doc,
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  author: Author,
) {
  const latest = useRef({ notes, zones, author })
  latest.current = { notes, zones, author }

  /**
   * Adds a note centred on `center`. With `avoidOthers` (button, N key) it moves to a free spot
   * nearby; a double-click puts it exactly where the person pointed.
   */
  const addNoteAt = useCallback(
    (center: Point, options: { avoidOthers: boolean }): string => {
      const { notes, zones, author } = latest.current
      const size = NOTE_DEFAULT_SIZE
      const { x, y } = options.avoidOthers
        ? findFreeSpot(center, size, notes, zones)
        : { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) }
      return localEdit(doc, () =>
        createNote(doc, {
          x,
          y,
          authorId: author.id,
          authorName: author.name,
          zoneId: zoneIdFor(zones, x, y, size),
        }),
      )
    },
    [doc],
  )

  const moveNote = useCallback(
    (id: string, x: number, y: number) => {
      const { notes, zones } = latest.current
      const note = notes.find((n) => n.id === id)
      if (!note) return
      const patch = { x: Math.round(x), y: Math.round(y), zoneId: zoneIdFor(zones, x, y, note) }
      localEdit(doc, () => updateNote(doc, id, patch))
    },
    [doc],
  )

  const setColor = useCallback(
    (id: string, color: NoteColor) => localEdit(doc, () => updateNote(doc, id, { color })),
    [doc],
  )
  const removeNote = useCallback((id: string) => localEdit(doc, () => deleteNote(doc, id)), [doc])

  return { addNoteAt, moveNote, setColor, removeNote }
}
