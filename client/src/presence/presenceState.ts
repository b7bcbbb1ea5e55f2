import { PERSON_NAME_MAX_LENGTH } from '../../../shared/src/model/session'
import type { Role } from '../../../shared/src/roles'

/**
 * What each client shares about itself through Yjs awareness (never stored, gone when it leaves):
 *
 *   user:      { name, color, participantId, role }
 *   cursor:    { x, y } in board coordinates, or null when the pointer is off the board
 *   selection: noteId[] the person has selected (the canvas's multi-select writes this field)
 *   viewport:  { x, y, scale } of their stage (screen = board * scale + offset) plus the
 *              { width, height } of their board area, so others can follow what they see
 *   view:      'canvas' | 'outline'
 *
 * Other clients are foreign input: everything is read tolerantly and bounded.
 */

export interface PresenceUser {
  name: string
  color: string
  participantId: string
  role: Role
}

export interface PresenceViewport {
  x: number
  y: number
  scale: number
  width: number
  height: number
}

export type PresenceView = 'canvas' | 'outline'

export interface PeerPresence {
  clientId: number
  user: PresenceUser
  cursor: { x: number; y: number } | null
  selection: string[]
  viewport: PresenceViewport | null
  view: PresenceView
}

/** Names in presence are cut like every person's name (the server's limit). */
const MAX_NAME = PERSON_NAME_MAX_LENGTH
const MAX_SELECTION = 500
const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function readUser(value: unknown): PresenceUser | null {
  const user = record(value)
  if (!user || typeof user.name !== 'string' || typeof user.participantId !== 'string') return null
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#4a5550'
  const role = ROLES.includes(user.role as Role) ? (user.role as Role) : 'participant'
  return { name: user.name.slice(0, MAX_NAME), color, participantId: user.participantId, role }
}

function readCursor(value: unknown): { x: number; y: number } | null {
  const cursor = record(value)
  const x = finite(cursor?.x)
  const y = finite(cursor?.y)
  return x === null || y === null ? null : { x, y }
}

function readViewport(value: unknown): PresenceViewport | null {
  const view = record(value)
  const x = finite(view?.x)
  const y = finite(view?.y)
  const scale = finite(view?.scale)
  const width = finite(view?.width)
  const height = finite(view?.height)
  if (x === null || y === null || scale === null || scale <= 0) return null
  return {
    x,
    y,
    scale,
    width: width && width > 0 ? width : 1024,
    height: height && height > 0 ? height : 768,
  }
}

/** A peer's awareness state as typed data, or null when it does not announce a user. */
export function readPeer(clientId: number, state: unknown): PeerPresence | null {
  const fields = record(state)
  const user = readUser(fields?.user)
  if (!fields || !user) return null
  const selection = Array.isArray(fields.selection)
    ? fields.selection.filter((id): id is string => typeof id === 'string').slice(0, MAX_SELECTION)
    : []
  return {
    clientId,
    user,
    cursor: readCursor(fields.cursor),
    selection,
    viewport: readViewport(fields.viewport),
    view: fields.view === 'outline' ? 'outline' : 'canvas',
  }
}

/**
 * Cursor colours: dark enough for white name labels (contrast at least 4.5:1) and far enough apart
 * to tell people apart. Picked from the participant id, so a person keeps their colour everywhere.
 */
export const PRESENCE_COLORS = [
  '#b3261e',
  '#1a5fb4',
  '#1e7a3c',
  '#7a3e9d',
  '#a34a00',
  '#00707a',
  '#a3195b',
  '#5c5f00',
] as const

export function colorFor(participantId: string): string {
  let hash = 0
  for (const char of participantId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0]
}
