import type * as Y from 'yjs'
import { activeGroupStep, mayReadStandpoints } from '../../../shared/src/groups/peopleGroups'
import { listDrafts } from '../../../shared/src/model/drafts'
import { getRound } from '../../../shared/src/model/rounds'
import { CLOSE_CODES } from '../../../shared/src/protocol'
import { controlRoom, draftsRoom, parseRoomName, type RoomAddress } from '../../../shared/src/rooms'
import type { TokenClaims } from '../auth/tokens'
import type { SyncExtension } from '../sync/hooks'
import type { Room } from '../sync/room'
import type { RoomManager } from '../sync/roomManager'

/** What this extension needs of an open socket (sync/connection.ts's Connection has it). */
export interface OpenSocket {
  readonly claims: TokenClaims
  readonly address: RoomAddress
  close(code: number, reason: string): void
}

/** Drafts carry their writer's clock (createdAt); a phone a little ahead or behind is not refused. */
const CLOCK_SLACK_MS = 60_000

/** A reader's socket on someone else's drafts room: the only kind this grant ever opens. */
const isForeignDrafts = (claims: TokenClaims, address: RoomAddress) =>
  address.kind === 'drafts' &&
  claims.role === 'participant' &&
  address.participantId !== undefined &&
  address.participantId !== claims.participantId

/**
 * The incidentmethode's private standpoints (issue 18): while a step whose standpoints go to the
 * inbrenger runs (`standpointsToInbrenger`), the inbrenger of a group may open each groupmate's
 * drafts room, read-only (roomAccess.ts gives them no write, so their updates are dropped).
 * Nobody else: not an adviser, not the inbrenger of another group, not the inbrenger once the step
 * is over, nor while the groupmate's room holds anything else (a hidden draft, an earlier round's).
 * The grant is checked when the socket opens (SyncServer's `grantRead`), and every stored
 * change of the board's control document (the round ends, another round starts, the facilitator
 * chooses another inbrenger or moves someone) closes the sockets whose grant ended.
 *
 * Several instances: a change stored on another instance reaches this one by fan-out and is not
 * re-checked here; such a socket closes at the next change this instance stores, or reconnects and
 * is refused then.
 */
export class StandpointsAccess implements SyncExtension {
  constructor(
    /** server.ts creates the rooms after the extensions, so both come as closures. */
    private readonly rooms: () => RoomManager,
    /** The open sockets of this instance (SyncServer's connections; set once it exists). */
    private readonly sockets: () => Iterable<OpenSocket>,
  ) {}

  /** SyncServer's `grantRead`: may this participant read this room although roomAccess says no? */
  readonly grantRead = async (claims: TokenClaims, address: RoomAddress): Promise<boolean> => {
    if (!isForeignDrafts(claims, address)) return false
    const owner = address.participantId ?? ''
    const step = await this.rooms().read(controlRoom(address.boardId), activeGroupStep)
    if (!step || !mayReadStandpoints(step, claims.participantId, owner)) return false
    // The socket carries the whole drafts room: refused while it holds more than this step's
    // standpoints (a draft the facilitator hid, or one from an earlier round not revealed).
    const drafts = await this.rooms().read(draftsRoom(address.boardId, owner), listDrafts)
    return drafts.every((draft) => !draft.hidden && draft.createdAt >= step.formedAt - CLOCK_SLACK_MS)
  }

  readonly afterStoredApply = (room: Room, _transaction: Y.Transaction): void => {
    const address = parseRoomName(room.name)
    if (address?.kind !== 'control') return
    this.closeEnded(address.boardId, room.doc)
  }

  /** Closes the readers on `boardId` whose grant no longer holds in `control`. */
  closeEnded(boardId: string, control: Y.Doc): void {
    let step: ReturnType<typeof activeGroupStep> | undefined
    for (const socket of this.sockets()) {
      const { claims, address } = socket
      if (address.boardId !== boardId || !isForeignDrafts(claims, address)) continue
      step ??= activeGroupStep(control)
      if (!mayReadStandpoints(step, claims.participantId, address.participantId ?? '')) {
        socket.close(CLOSE_CODES.removed, 'standpoints closed')
      }
    }
  }
}

/**
 * The reveal of a standpoints step: a standpoint written in the group's own space (the phone's
 * first card in a group step) goes to the round's plenary zone ("Standpunten") like the others, so
 * every group's standpoints are together for all. Undefined outside such a step.
 */
export function standpointsZoneFor(control: Y.Doc): ((zoneId: string | null) => string | null) | undefined {
  const step = activeGroupStep(control)
  if (!step?.standpointsToInbrenger) return undefined
  const plenary = getRound(control, step.roundId)?.zoneIds[0]
  if (plenary === undefined) return undefined
  const spaces = new Set(step.groups.flatMap((group) => (group.zoneId ? [group.zoneId] : [])))
  return (zoneId) => (zoneId !== null && spaces.has(zoneId) ? plenary : zoneId)
}
