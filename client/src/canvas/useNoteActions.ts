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
import { type Author, topZ } from './items/itemWrites'
import { placeNewNote } from './items/placement'
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
  placement: {
    /** Zones this person may not add a note to (locked ones; see items/placement.ts). */
    closed?: ReadonlySet<string>
    /** The new note went next to a closed zone instead of where it was wanted. */
    onMovedOut?: () => void
  } = {},
) {
  const latest = useRef({ notes, zones, author, placement })
  latest.current = { notes, zones, author, placement }

  /**
   * Adds a note centred on `center`. With `avoidOthers` (button, N key) it moves to a free spot
   * nearby; a double-click or long press puts it exactly where the person pointed. Either way it
   * never lands in a closed zone: then it goes to the nearest free spot outside it.
   */
  const addNoteAt = useCallback(
    (center: Point, options: { avoidOthers: boolean }): string => {
      const { notes, zones, author, placement } = latest.current
      const size = NOTE_DEFAULT_SIZE
      const wanted = options.avoidOthers
        ? findFreeSpot(center, size, notes, zones)
        : { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) }
      const { x, y, zoneId, movedOut } = placeNewNote(wanted, size, {
        zones,
        notes,
        closed: placement.closed,
      })
      if (movedOut) placement.onMovedOut?.()
      // Above notes someone brought to the front, so the new note is not hidden under them.
      const z = topZ(notes)
      return localCommand(doc, () =>
        createNote(doc, {
          x,
          y,
          authorId: author.id,
          authorName: author.name,
          zoneId,
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
