import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  type BoardMeta,
  listNotes,
  listShapes,
  listZones,
  type NoteData,
  observeBoardMeta,
  observeNotes,
  observeShapes,
  observeZones,
  readBoardMeta,
  type ShapeData,
  type ZoneData,
} from '../../../shared/src/model'

/**
 * Plain-data snapshots of the board, rebuilt after every change. Unchanged notes keep their previous
 * object, so memoised note components only re-render for notes that really changed.
 */

function sameRecord<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(a) as (keyof T)[]) if (a[key] !== b[key]) return false
  return true
}

function reuseUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]))
  let changed = previous.length !== next.length
  const result = next.map((item, index) => {
    const old = byId.get(item.id)
    const kept = old && sameRecord(old, item) ? old : item
    if (kept !== previous[index]) changed = true
    return kept
  })
  // Returning the very same array skips a re-render of everything that depends on the list.
  return changed ? result : (previous as T[])
}

function useSnapshot<T>(
  doc: Y.Doc,
  read: (doc: Y.Doc) => T,
  observe: (doc: Y.Doc, listener: () => void) => () => void,
  merge: (previous: T, next: T) => T,
): T {
  const [value, setValue] = useState(() => read(doc))
  useEffect(() => {
    const refresh = () => setValue((previous) => merge(previous, read(doc)))
    refresh()
    return observe(doc, refresh)
  }, [doc, read, observe, merge])
  return value
}

const mergeMeta = (previous: BoardMeta, next: BoardMeta) => (sameRecord(previous, next) ? previous : next)

export function useNotes(doc: Y.Doc): NoteData[] {
  return useSnapshot(doc, listNotes, observeNotes, reuseUnchanged<NoteData>)
}

export function useZones(doc: Y.Doc): ZoneData[] {
  return useSnapshot(doc, listZones, observeZones, reuseUnchanged<ZoneData>)
}

export function useShapes(doc: Y.Doc): ShapeData[] {
  return useSnapshot(doc, listShapes, observeShapes, reuseUnchanged<ShapeData>)
}

export function useBoardMeta(doc: Y.Doc): BoardMeta {
  return useSnapshot(doc, readBoardMeta, observeBoardMeta, mergeMeta)
}
