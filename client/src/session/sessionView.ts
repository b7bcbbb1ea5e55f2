import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import type { Role } from '../../../shared/src/roles'
import type { BoardEditor } from '../board/editor/BoardEditor'
import type { Drafts } from './rooms'
import type { NoteExtras, SessionState } from './sessionData'
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
  editor: BoardEditor
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

/**
 * A value that React components outside the owner's subtree can read and follow. The session
 * layer on the canvas is rendered by the canvas (through the presence surface), not below the
 * session hook, so it reads the session's latest view from here rather than from props.
 */
export class Store<T> {
  private readonly listeners = new Set<() => void>()

  constructor(private value: T) {}

  get = (): T => this.value

  set(value: T): void {
    if (Object.is(value, this.value)) return
    this.value = value
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}
