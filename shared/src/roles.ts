/**
 * Who may do what. The server enforces these rules on every WebSocket message; the client uses
 * the same table only to hide controls that would be refused anyway.
 */

export const ROLES = ['facilitator', 'participant', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export type Action =
  | 'content:write' // notes, zones on the board's content document
  | 'control:write' // session state: rounds, timer, locks, reveal
  | 'board:manage' // tokens, board settings, exports

const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  facilitator: new Set<Action>(['content:write', 'control:write', 'board:manage']),
  participant: new Set<Action>(['content:write']),
  viewer: new Set<Action>(),
}

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].has(action)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
