import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import {
  type ClusterData,
  type DraftCount,
  type FollowState,
  IDLE_TIMER,
  isInputLocked,
  listClusters,
  listRounds,
  lockedIds,
  notesRoot,
  observeClusters,
  observeNotes,
  observeSession,
  type ReactionTally,
  type RevealMark,
  type RoundData,
  type RoundOptions,
  readDraftCounts,
  readFollow,
  readLastReveal,
  readNoteClusterId,
  readNoteReactions,
  readRoundOptions,
  readTimer,
  readVoteResults,
  readVoting,
  readyParticipants,
  type TimerState,
  type VotingConfig,
} from '../../../shared/src/model'

/** Everything of the control document the screens show, as plain data. */
export interface SessionState {
  rounds: RoundData[]
  timer: TimerState
  /** The round the timer is about (running, paused or ended), or null. */
  current: RoundData | null
  currentIndex: number
  currentOptions: RoundOptions
  voting: VotingConfig | null
  /** A facilitator closed input (or the server did at time-up); see also `isInputClosed`. */
  inputLocked: boolean
  follow: FollowState | null
  locks: ReadonlySet<string>
  /** Participants who pressed "Klaar" in the current round. */
  ready: readonly string[]
  drafts: ReadonlyMap<string, DraftCount>
  voteResults: Readonly<Record<string, number>>
  /** The last reveal of drafts (for the announcement), null before the first one. */
  lastReveal: RevealMark | null
}

export const EMPTY_SESSION: SessionState = {
  rounds: [],
  timer: IDLE_TIMER,
  current: null,
  currentIndex: -1,
  currentOptions: { lockWhenTimeUp: false, anonymousReveal: false },
  voting: null,
  inputLocked: false,
  follow: null,
  locks: new Set(),
  ready: [],
  drafts: new Map(),
  voteResults: {},
  lastReveal: null,
}

export function readSessionState(control: Y.Doc): SessionState {
  const rounds = listRounds(control)
  const timer = readTimer(control)
  const active = timer.status !== 'idle' ? timer.roundId : null
  const currentIndex = active === null ? -1 : rounds.findIndex((round) => round.id === active)
  return {
    rounds,
    timer,
    current: rounds[currentIndex] ?? null,
    currentIndex,
    currentOptions: readRoundOptions(control, active),
    voting: readVoting(control),
    inputLocked: isInputLocked(control),
    follow: readFollow(control),
    locks: lockedIds(control),
    ready: readyParticipants(control, active),
    drafts: readDraftCounts(control),
    voteResults: readVoteResults(control),
    lastReveal: readLastReveal(control),
  }
}

/** The session state, re-read after every change to the control document. */
export function useSessionState(control: Y.Doc | null): SessionState {
  const [state, setState] = useState(() => (control ? readSessionState(control) : EMPTY_SESSION))
  useEffect(() => {
    if (!control) {
      setState(EMPTY_SESSION)
      return
    }
    const refresh = () => setState(readSessionState(control))
    refresh()
    return observeSession(control, refresh)
  }, [control])
  return state
}

/** Session fields of the board's notes that `NoteData` leaves out: clusters and reactions. */
export interface NoteExtras {
  clusters: ClusterData[]
  /** noteId → clusterId */
  clusterOf: ReadonlyMap<string, string>
  /** noteId → reactions (only notes that have some) */
  reactions: ReadonlyMap<string, ReactionTally[]>
}

function readExtras(doc: Y.Doc): NoteExtras {
  const clusters = listClusters(doc)
  const known = new Set(clusters.map((cluster) => cluster.id))
  const clusterOf = new Map<string, string>()
  const reactions = new Map<string, ReactionTally[]>()
  notesRoot(doc).forEach((note, id) => {
    if (!(note instanceof Y.Map)) return
    const clusterId = readNoteClusterId(note)
    if (clusterId && known.has(clusterId)) clusterOf.set(id, clusterId)
    const tallies = readNoteReactions(note)
    if (tallies.length > 0) reactions.set(id, tallies)
  })
  return { clusters, clusterOf, reactions }
}

function sameExtras(a: NoteExtras, b: NoteExtras): boolean {
  return (
    JSON.stringify([a.clusters, [...a.clusterOf], [...a.reactions]]) ===
    JSON.stringify([b.clusters, [...b.clusterOf], [...b.reactions]])
  )
}

/** Clusters and reactions, re-read after changes (text edits leave the previous object in place). */
export function useNoteExtras(doc: Y.Doc): NoteExtras {
  const [extras, setExtras] = useState(() => readExtras(doc))
  useEffect(() => {
    let frame = 0
    const refresh = () => {
      // Typing changes notes many times a second; one read per frame is plenty.
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        const next = readExtras(doc)
        setExtras((previous) => (sameExtras(previous, next) ? previous : next))
      })
    }
    refresh()
    const stopNotes = observeNotes(doc, refresh)
    const stopClusters = observeClusters(doc, refresh)
    return () => {
      cancelAnimationFrame(frame)
      stopNotes()
      stopClusters()
    }
  }, [doc])
  return extras
}
