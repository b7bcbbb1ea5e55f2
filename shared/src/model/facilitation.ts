import * as Y from 'yjs'
import { isRole, type Role } from '../roles'
import { sessionRoot } from './schema'

/**
 * Live session state in the control document's `session` map (facilitators and the server write,
 * everyone reads). Plain values are replaced whole, so a reader never sees half a timer:
 *   timer:       TimerState            written by the server (POST /api/boards/:id/session)
 *   voting:      VotingConfig | null   written by the server (POST …/voting)
 *   inputLocked: boolean               the server sets it when time is up in a lockWhenTimeUp round
 *   follow:      FollowState | null    facilitators write it ("bring everyone to me")
 * and nested maps, created with the board:
 *   locks:  Y.Map<objectId, true>      facilitators write; the server refuses participant edits
 *   ready:  Y.Map<participantId, roundId>   the server writes (POST …/ready)
 *   drafts: Y.Map<participantId, { name, count }>  the server writes: counts only, never text
 *   roles:  Y.Map<participantId, Role>  the server writes (POST …/participants/:pid/role)
 *   roundOptions: Y.Map<roundId, RoundOptions>      facilitators write (kept apart from the
 *                                                   round script, which templates carry)
 */

export interface RoundOptions {
  /** Participants' input is locked when this round's time is up. */
  lockWhenTimeUp: boolean
  /** Private notes of this round are revealed without their authors' names. */
  anonymousReveal: boolean
}

export type TimerStatus = 'idle' | 'running' | 'paused' | 'ended'

export interface TimerState {
  roundId: string | null
  status: TimerStatus
  /** Server clock (ms since epoch) at which a running round ends. */
  endsAt: number | null
  /** Time left while paused. */
  remainingMs: number | null
  startedAt: number | null
}

export const IDLE_TIMER: TimerState = {
  roundId: null,
  status: 'idle',
  endsAt: null,
  remainingMs: null,
  startedAt: null,
}

export interface VotingConfig {
  /** Ballots are kept per vote; a new vote starts with fresh budgets. */
  voteId: string
  roundId: string | null
  open: boolean
  perPerson: number
  maxPerNote: number
  /** 'zone': only notes in `zoneIds`; 'board': every note. */
  scope: 'zone' | 'board'
  zoneIds: string[]
  anonymous: boolean
  /** Tallies are published only when voting closes. */
  hideResults: boolean
}

export interface FollowState {
  participantId: string
  name: string
  viewport: { x: number; y: number; scale: number }
}

export interface DraftCount {
  name: string
  /** Drafts that a reveal would show: "being written". */
  count: number
  /**
   * Drafts a facilitator hid: they stay private and are not counted as being written (or the
   * banner says "1 note being written" for the rest of the session), but the participant stays
   * listed so the facilitator can still review them.
   */
  hidden?: number
}

const TIMER = 'timer'
const VOTING = 'voting'
const INPUT_LOCKED = 'inputLocked'
const FOLLOW = 'follow'
const LOCKS = 'locks'
const READY = 'ready'
const DRAFTS = 'drafts'
const ROUND_OPTIONS = 'roundOptions'
const ROLES = 'roles'
const LAST_REVEAL = 'lastReveal'

function nested(controlDoc: Y.Doc, key: string): Y.Map<unknown> {
  const existing = sessionRoot(controlDoc).get(key)
  if (existing instanceof Y.Map) return existing
  const created = new Y.Map<unknown>()
  sessionRoot(controlDoc).set(key, created)
  return created
}

/** Creates the nested maps at board creation (two facilitators creating one would race). */
export function ensureFacilitationState(controlDoc: Y.Doc): void {
  controlDoc.transact(() => {
    for (const key of [LOCKS, READY, DRAFTS, ROUND_OPTIONS, ROLES]) nested(controlDoc, key)
  })
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null)

export function readTimer(controlDoc: Y.Doc): TimerState {
  const raw = sessionRoot(controlDoc).get(TIMER)
  if (!isObject(raw)) return IDLE_TIMER
  const status = ['running', 'paused', 'ended'].includes(raw.status as string)
    ? (raw.status as TimerStatus)
    : 'idle'
  return {
    roundId: typeof raw.roundId === 'string' ? raw.roundId : null,
    status,
    endsAt: numberOrNull(raw.endsAt),
    remainingMs: numberOrNull(raw.remainingMs),
    startedAt: numberOrNull(raw.startedAt),
  }
}

export function writeTimer(controlDoc: Y.Doc, timer: TimerState): void {
  sessionRoot(controlDoc).set(TIMER, { ...timer })
}

/** Milliseconds left on the timer at server time `serverNow` (clients pass their corrected clock). */
export function remainingMs(timer: TimerState, serverNow: number): number | null {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow)
  if (timer.status === 'paused') return timer.remainingMs
  return null
}

/**
 * The last reveal of drafts: when, and how many notes went onto the board. Written by the server
 * after a reveal so every client can say "the notes are visible to everyone" (the drafts vanishing
 * alone does not tell a reveal from someone deleting their own drafts).
 */
export interface RevealMark {
  at: number
  count: number
}

export function readLastReveal(controlDoc: Y.Doc): RevealMark | null {
  const raw = sessionRoot(controlDoc).get(LAST_REVEAL)
  if (!isObject(raw)) return null
  const at = numberOrNull(raw.at)
  const count = numberOrNull(raw.count)
  return at === null || count === null ? null : { at, count }
}

export function writeLastReveal(controlDoc: Y.Doc, mark: RevealMark): void {
  sessionRoot(controlDoc).set(LAST_REVEAL, { ...mark })
}

export function readVoting(controlDoc: Y.Doc): VotingConfig | null {
  const raw = sessionRoot(controlDoc).get(VOTING)
  if (!isObject(raw)) return null
  return {
    voteId: typeof raw.voteId === 'string' ? raw.voteId : 'vote',
    roundId: typeof raw.roundId === 'string' ? raw.roundId : null,
    open: raw.open === true,
    perPerson: Math.max(1, Math.min(99, Number(raw.perPerson) || 3)),
    maxPerNote: Math.max(1, Math.min(99, Number(raw.maxPerNote) || 1)),
    scope: raw.scope === 'zone' ? 'zone' : 'board',
    zoneIds: Array.isArray(raw.zoneIds)
      ? raw.zoneIds.filter((id): id is string => typeof id === 'string')
      : [],
    anonymous: raw.anonymous !== false,
    hideResults: raw.hideResults === true,
  }
}

export function writeVoting(controlDoc: Y.Doc, voting: VotingConfig | null): void {
  sessionRoot(controlDoc).set(VOTING, voting ? { ...voting, zoneIds: [...voting.zoneIds] } : null)
}

export function isInputLocked(controlDoc: Y.Doc): boolean {
  return sessionRoot(controlDoc).get(INPUT_LOCKED) === true
}

export function setInputLocked(controlDoc: Y.Doc, locked: boolean): void {
  sessionRoot(controlDoc).set(INPUT_LOCKED, locked)
}

export function readFollow(controlDoc: Y.Doc): FollowState | null {
  const raw = sessionRoot(controlDoc).get(FOLLOW)
  if (!isObject(raw) || !isObject(raw.viewport)) return null
  const { x, y, scale } = raw.viewport
  if (typeof x !== 'number' || typeof y !== 'number' || typeof scale !== 'number') return null
  return {
    participantId: String(raw.participantId ?? ''),
    name: String(raw.name ?? ''),
    viewport: { x, y, scale },
  }
}

export function setFollow(controlDoc: Y.Doc, follow: FollowState | null): void {
  sessionRoot(controlDoc).set(FOLLOW, follow ? { ...follow, viewport: { ...follow.viewport } } : null)
}

export function lockedIds(controlDoc: Y.Doc): Set<string> {
  const locks = sessionRoot(controlDoc).get(LOCKS)
  return new Set(locks instanceof Y.Map ? [...locks.keys()].filter((id) => locks.get(id) === true) : [])
}

export function setLocked(controlDoc: Y.Doc, objectId: string, locked: boolean): void {
  const locks = nested(controlDoc, LOCKS)
  if (locked) locks.set(objectId, true)
  else locks.delete(objectId)
}

/** Participants who pressed "Klaar" in `roundId`. */
export function readyParticipants(controlDoc: Y.Doc, roundId: string | null): string[] {
  const ready = sessionRoot(controlDoc).get(READY)
  if (!(ready instanceof Y.Map) || roundId === null) return []
  return [...ready.entries()].filter(([, round]) => round === roundId).map(([id]) => id)
}

export function setReady(controlDoc: Y.Doc, participantId: string, roundId: string | null): void {
  const ready = nested(controlDoc, READY)
  if (roundId === null) ready.delete(participantId)
  else ready.set(participantId, roundId)
}

export function clearReady(controlDoc: Y.Doc): void {
  const ready = nested(controlDoc, READY)
  for (const id of [...ready.keys()]) ready.delete(id)
}

export function readDraftCounts(controlDoc: Y.Doc): Map<string, DraftCount> {
  const drafts = sessionRoot(controlDoc).get(DRAFTS)
  const counts = new Map<string, DraftCount>()
  if (!(drafts instanceof Y.Map)) return counts
  for (const [id, value] of drafts.entries()) {
    if (isObject(value) && typeof value.count === 'number') {
      const hidden = typeof value.hidden === 'number' ? value.hidden : 0
      counts.set(id, { name: String(value.name ?? ''), count: value.count, hidden })
    }
  }
  return counts
}

export function setDraftCount(controlDoc: Y.Doc, participantId: string, value: DraftCount | null): void {
  const drafts = nested(controlDoc, DRAFTS)
  if (value === null || (value.count === 0 && !value.hidden)) drafts.delete(participantId)
  else drafts.set(participantId, { ...value })
}

export function readRoundOptions(controlDoc: Y.Doc, roundId: string | null): RoundOptions {
  const all = sessionRoot(controlDoc).get(ROUND_OPTIONS)
  const raw = all instanceof Y.Map && roundId !== null ? all.get(roundId) : null
  return {
    lockWhenTimeUp: isObject(raw) && raw.lockWhenTimeUp === true,
    anonymousReveal: isObject(raw) && raw.anonymousReveal === true,
  }
}

export function setRoundOptions(controlDoc: Y.Doc, roundId: string, options: RoundOptions): void {
  nested(controlDoc, ROUND_OPTIONS).set(roundId, { ...options })
}

/** A role a facilitator gave this person after their token was issued; null when none. */
export function readRoleOverride(controlDoc: Y.Doc, participantId: string): Role | null {
  const roles = sessionRoot(controlDoc).get(ROLES)
  const role = roles instanceof Y.Map ? roles.get(participantId) : null
  return isRole(role) ? role : null
}

export function setRoleOverride(controlDoc: Y.Doc, participantId: string, role: Role | null): void {
  const roles = nested(controlDoc, ROLES)
  if (role === null) roles.delete(participantId)
  else roles.set(participantId, role)
}

/** Calls `listener` on any change to the session map (timer, voting, locks, ready, drafts …). */
export function observeSession(controlDoc: Y.Doc, listener: () => void): () => void {
  const root = sessionRoot(controlDoc)
  root.observeDeep(listener)
  return () => root.unobserveDeep(listener)
}

/**
 * Input is closed for participants when a facilitator locked it, or when the running round's time
 * is up and that round locks input then. Computed, so it holds at the exact moment time runs out
 * and after a server restart, without anyone having to write a flag.
 */
export function isInputClosed(controlDoc: Y.Doc, serverNow: number): boolean {
  if (isInputLocked(controlDoc)) return true
  const timer = readTimer(controlDoc)
  const timeUp = timer.status === 'running' && timer.endsAt !== null && timer.endsAt <= serverNow
  return timeUp && readRoundOptions(controlDoc, timer.roundId).lockWhenTimeUp
}
