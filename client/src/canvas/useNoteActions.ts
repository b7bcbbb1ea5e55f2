import { useCallback, useRef } from 'react'
import type * as Y from 'yjs'
import {
  createNote,
  deleteConnectorsOf,
  deleteNote,
  NOTE_DEFAULT_SIZE,
  type NoteData,
  type ZoneData,
} from '../../../shared/src/model'
import { localCommand } from '../sync/localOrigin'
import { findFreeSpot } from './freeSpot'
import { type Author, topZ, zoneIdAt } from './items/itemWrites'
import type { Point } from './viewport'

export type { Author }

/**
 * Making and removing single notes, through the shared model functions, as local edits
 * (`localEdit`: the origin per-user undo tracks). Callbacks are stable (they read the latest notes
 * and zones from refs) so memoised note components are not re-rendered by them. Group changes
 * (move, duplicate, paste, colour) are in items/itemWrites.ts.
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
   * nearby; a double-click or long press puts it exactly where the person pointed.
   */
  const addNoteAt = useCallback(
    (center: Point, options: { avoidOthers: boolean }): string => {
      const { notes, zones, author } = latest.current
      const size = NOTE_DEFAULT_SIZE
      const { x, y } = options.avoidOthers
        ? findFreeSpot(center, size, notes, zones)
        : { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) }
      // Above notes someone brought to the front, so the new note is not hidden under them.
      const z = topZ(notes)
      return localCommand(doc, () =>
        createNote(doc, {
          x,
          y,
          authorId: author.id,
          authorName: author.name,
          zoneId: zoneIdAt(zones, x, y, size),
          ...(z > 0 ? { z } : {}),
        }),
      )
    },
    [doc],
  )

  const removeNote = useCallback(
    (id: string) =>
      localCommand(doc, () => {
        deleteNote(doc, id)
        deleteConnectorsOf(doc, id)
      }),
    [doc],
  )

  return { addNoteAt, removeNote }
}
