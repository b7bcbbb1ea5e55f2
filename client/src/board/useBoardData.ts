import { useEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import {
  type BoardMeta,
  listNotes,
  listShapes,
  listZones,
  type NoteData,
  notesRoot,
  observeBoardMeta,
  observeShapes,
  observeZones,
  readBoardMeta,
  readNote,
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

/** Same order as listNotes: oldest first, then by id. */
const byAge = (a: NoteData, b: NoteData) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)

/** Above this share of changed notes, re-reading all of them is as quick as patching. */
const PATCH_LIMIT = 0.25

/**
 * `previous` with the notes in `ids` re-read from the document: changed ones replaced, new ones
 * added, deleted ones dropped. Returns `previous` itself when nothing visible changed.
 */
export function patchNotes(doc: Y.Doc, previous: NoteData[], ids: ReadonlySet<string>): NoteData[] {
  if (ids.size > previous.length * PATCH_LIMIT) return reuseUnchanged(previous, listNotes(doc))
  const root = notesRoot(doc)
  let next: NoteData[] | null = null
  let reorder = false
  for (const id of ids) {
    const list: NoteData[] = next ?? previous
    const index = list.findIndex((note) => note.id === id)
    const map = root.get(id)
    const data = map instanceof Y.Map ? readNote(id, map) : null
    const old = index >= 0 ? list[index] : undefined
    if (old && data && sameRecord(old, data)) continue
    next ??= [...previous]
    if (index >= 0 && data) {
      next[index] = data
      reorder ||= old?.createdAt !== data.createdAt
    } else if (index >= 0) {
      next.splice(index, 1)
    } else if (data) {
      next.push(data)
      reorder = true
    }
  }
  if (next && reorder) next.sort(byAge)
  return next ?? previous
}

/**
 * The notes, kept up to date change by change: a keystroke in one note re-reads that note, not all
 * 2,000 (Yjs events say which notes changed: the key on the root map, or the first step of the
 * path for a change inside a note). Unchanged notes keep their object and the list keeps its
 * identity when nothing visible changed (a reaction, say), so memoised components skip.
 */
export function useNotes(doc: Y.Doc): NoteData[] {
  const [notes, setNotes] = useState(() => listNotes(doc))
  const latest = useRef(notes)
  useEffect(() => {
    const update = (next: NoteData[]) => {
      if (next === latest.current) return
      latest.current = next
      setNotes(next)
    }
    update(reuseUnchanged(latest.current, listNotes(doc)))
    const root = notesRoot(doc)
    const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      const ids = new Set<string>()
      for (const event of events) {
        if (event instanceof Y.YMapEvent && event.target === root) {
          for (const key of event.keysChanged) ids.add(key)
        } else if (typeof event.path[0] === 'string') ids.add(event.path[0])
      }
      update(patchNotes(doc, latest.current, ids))
    }
    root.observeDeep(onChange)
    return () => root.unobserveDeep(onChange)
  }, [doc])
  return notes
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
