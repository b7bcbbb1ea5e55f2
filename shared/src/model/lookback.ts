import * as Y from 'yjs'
import { sessionRoot } from './schema'

/**
 * The Terugblik (issue 19): the first zone of a community's next session holds one note per
 * action still open from earlier sessions. The control document's `session.lookback` map says
 * which action each of those notes stands for and its newest status:
 *
 *   session.lookback: Y.Map<noteId, { actionId, status?, note?, byName?, at? }>
 *
 * Only the server writes it (the status route appends to the community's history in storage,
 * then mirrors the newest status here so every screen shows it live). The history in storage is
 * the truth; a facilitator's update that changes this map is refused by the server
 * (server/src/community/lookbackGuard.ts), and nothing read from it reaches the history.
 */

export const ACTION_STATUSES = ['done', 'ongoing', 'failed'] as const
export type ActionStatusName = (typeof ACTION_STATUSES)[number]

/** Longest note with a status ("loopt nog: wacht op de gemeente"). */
export const ACTION_STATUS_NOTE_MAX_LENGTH = 280

export interface LookbackEntry {
  actionId: string
  status?: ActionStatusName
  note?: string
  byName?: string
  at?: number
}

const LOOKBACK = 'lookback'

function lookbackMap(controlDoc: Y.Doc): Y.Map<unknown> | null {
  const map = sessionRoot(controlDoc).get(LOOKBACK)
  return map instanceof Y.Map ? map : null
}

function readEntry(raw: unknown): LookbackEntry | null {
  if (typeof raw !== 'object' || raw === null) return null
  const value = raw as Record<string, unknown>
  if (typeof value.actionId !== 'string') return null
  const status = ACTION_STATUSES.find((name) => name === value.status)
  return {
    actionId: value.actionId,
    ...(status ? { status } : {}),
    ...(typeof value.note === 'string' ? { note: value.note } : {}),
    ...(typeof value.byName === 'string' ? { byName: value.byName } : {}),
    ...(typeof value.at === 'number' && Number.isFinite(value.at) ? { at: value.at } : {}),
  }
}

/** noteId → entry; foreign values are skipped. */
export function readLookback(controlDoc: Y.Doc): Map<string, LookbackEntry> {
  const entries = new Map<string, LookbackEntry>()
  lookbackMap(controlDoc)?.forEach((raw, noteId) => {
    const entry = readEntry(raw)
    if (entry) entries.set(noteId, entry)
  })
  return entries
}

/** Server only: the note `noteId` of the Terugblik stands for `entry.actionId` (with its newest status). */
export function writeLookbackEntry(controlDoc: Y.Doc, noteId: string, entry: LookbackEntry): void {
  let map = lookbackMap(controlDoc)
  if (!map) {
    map = new Y.Map<unknown>()
    sessionRoot(controlDoc).set(LOOKBACK, map)
  }
  map.set(noteId, { ...entry })
}

export function observeLookback(controlDoc: Y.Doc, listener: () => void): () => void {
  const root = sessionRoot(controlDoc)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (
      events.some(
        (event) => event.path[0] === LOOKBACK || (event.target === root && event.changes.keys.has(LOOKBACK)),
      )
    )
      listener()
  }
  root.observeDeep(handler)
  return () => root.unobserveDeep(handler)
}
