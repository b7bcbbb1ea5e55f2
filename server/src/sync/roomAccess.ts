import { can, type Role } from '../../../shared/src/roles'
import type { RoomAddress } from '../../../shared/src/rooms'

export interface RoomAccess {
  read: boolean
  write: boolean
}

/**
 * Who may open which room over a socket, and write to it. Drafts are private until the reveal:
 * only their author and facilitators may even read them. The votes room is the server's alone.
 */
export function roomAccess(address: RoomAddress, role: Role, participantId: string): RoomAccess {
  switch (address.kind) {
    case 'content':
      return { read: true, write: can(role, 'content:write') }
    case 'control':
      return { read: true, write: can(role, 'control:write') }
    case 'drafts': {
      const allowed =
        role === 'facilitator' || (role === 'participant' && participantId === address.participantId)
      return { read: allowed, write: allowed }
    }
    case 'votes':
      return { read: false, write: false }
  }
}
