import type * as Y from 'yjs'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import type { Role } from '../../../shared/src/roles'
import type { CanvasBridge } from './canvasBridge'
import type { Drafts } from './useDrafts'
import type { NoteExtras } from './useNoteExtras'
import type { SessionState } from './useSessionState'
import type { VotingView } from './useVoting'

/** Everything the session screens (banner, canvas layer, facilitator panel) read and do. */
export interface SessionView {
  boardId: string
  token: string
  role: Role
  participantId: string
  name: string
  isFacilitator: boolean
  /** The content document (notes, clusters, reactions). */
  doc: Y.Doc
  /** The control document, once connected; facilitators write the script and locks into it. */
  control: Y.Doc | null
  state: SessionState
  zones: readonly ZoneData[]
  notes: readonly NoteData[]
  extras: NoteExtras
  /** Time left and whether it is up. */
  remaining: number | null
  timeUp: boolean
  /** Input is closed for participants (time up in a lockWhenTimeUp round, or locked). */
  inputClosed: boolean
  /** This participant's new notes go to their drafts now. */
  privateWriting: boolean
  drafts: Drafts | null
  voting: VotingView
  /** May add reactions, group, move notes now (role and session allow it). */
  canWrite: boolean
  /** Locked ids, including every note in a locked zone. */
  locked: ReadonlySet<string>
  bridge: CanvasBridge
  /** Participant ids online now (awareness), one per person. */
  onlineParticipants: readonly string[]
  /** A short plain-language message for the person (refusals, confirmations); `quiet`: read out only. */
  say(key: string, values?: Record<string, unknown>, quiet?: boolean): void
}

export interface SessionMessage {
  key: string
  values?: Record<string, unknown>
  at: number
  quiet?: boolean
}
