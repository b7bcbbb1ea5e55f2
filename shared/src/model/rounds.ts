import * as Y from 'yjs'
import { GROUP_SIZE_MAX } from '../groups/forming'
import { newObjectId } from '../ids'
import { type RecordMap, readNumber, readString, sessionRoot } from './schema'

/**
 * The session script: an ordered list of rounds in the control document, which only facilitators
 * write. Stored as `session.rounds: Y.Array<Y.Map{ id, title, prompt, zoneIds, minutes,
 * privateWriting, voting }>`. An array (not a map keyed by id) because the order IS the script.
 *
 * Yjs arrays cannot move items, so `moveRound` deletes and re-inserts a copy with the same id.
 * Two facilitators moving the same round at once can therefore leave two copies; readers keep the
 * first copy of every id and the writers below treat all copies as one round.
 *
 * Creating `session.rounds` is a last-writer-wins map write: if two clients create it at the same
 * moment, one array (and the rounds in it) is lost. The board is therefore expected to get its
 * array at creation time (`applyTemplate` calls `ensureRounds`), before facilitators join.
 */

const ROUNDS_KEY = 'rounds'

export const ROUND_MIN_MINUTES = 1
export const ROUND_MAX_MINUTES = 240
export const DEFAULT_ROUND_MINUTES = 10
export const ROUND_TITLE_MAX_LENGTH = 120
export const ROUND_PROMPT_MAX_LENGTH = 1000
/** A round lists the zones it is about; more than this is a script error, not a real session. */
export const ROUND_MAX_ZONES = 60

export interface RoundData {
  id: string
  title: string
  prompt: string
  /** Zones in the content document this round is about (ids, not keys). */
  zoneIds: string[]
  /** Whole minutes for the timer, between ROUND_MIN_MINUTES and ROUND_MAX_MINUTES. */
  minutes: number
  /** Notes written in this round stay hidden from others until the facilitator reveals them. */
  privateWriting: boolean
  /** Participants can vote on notes during this round. */
  voting: boolean
  /**
   * A group step (issue 18, shared/src/groups): people work in groups of this size, formed by the
   * server when the round starts; 0 = everyone together (no groups).
   */
  groupSize?: number
  /** At the start, each group's "ons inzicht" is put in this round's first zone (the "allen" step). */
  gatherInsights?: boolean
  /**
   * Roles in a group step (Troika, incidentmethode): the `roleTurn`-th member of each group is the
   * inbrenger this round, the others advise; the next round with the next turn rotates the roles.
   */
  roleTurn?: number
  /** The inbrenger turns away and listens: their screen says so and their group's space is closed to them. */
  inbrengerListens?: boolean
  /** Roles without turns: the facilitator chooses each group's inbrenger (incidentmethode). */
  inbrengerChosen?: boolean
  /** The member after the inbrenger is the notulist (writes the summary). */
  notulist?: boolean
  /** Everyone forms one group while at most this many are present; else groups of `groupSize`. */
  wholeGroupUpTo?: number
}

export type NewRound = Pick<RoundData, 'title' | 'minutes'> & Partial<Omit<RoundData, 'title' | 'minutes'>>

export type RoundPatch = Partial<Omit<RoundData, 'id'>>

/** Keeps stored minutes whole and within bounds, whatever a caller or foreign client passes. */
function clampMinutes(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_ROUND_MINUTES
  return Math.min(ROUND_MAX_MINUTES, Math.max(ROUND_MIN_MINUTES, Math.round(value)))
}

/** Whole, 0 (no groups) to GROUP_SIZE_MAX; anything else a foreign client stored reads as 0. */
function cleanGroupSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(GROUP_SIZE_MAX, Math.max(0, Math.round(value)))
    : 0
}

function cleanZoneIds(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const ids = value.filter((id): id is string => typeof id === 'string' && id.length > 0)
  return [...new Set(ids)].slice(0, ROUND_MAX_ZONES)
}

/** The plain value stored for a field, normalised so every writer stores the same shapes. */
function storedValue(key: keyof RoundPatch, value: RoundPatch[keyof RoundPatch]): unknown {
  switch (key) {
    case 'title':
      return String(value).slice(0, ROUND_TITLE_MAX_LENGTH)
    case 'prompt':
      return String(value).slice(0, ROUND_PROMPT_MAX_LENGTH)
    case 'minutes':
      return clampMinutes(Number(value))
    case 'zoneIds':
      return cleanZoneIds(value)
    case 'groupSize':
    case 'roleTurn':
    case 'wholeGroupUpTo':
      return cleanGroupSize(value)
    default:
      return value === true
  }
}

function roundsArray(controlDoc: Y.Doc): Y.Array<unknown> | null {
  const value = sessionRoot(controlDoc).get(ROUNDS_KEY)
  return value instanceof Y.Array ? value : null
}

/** Returns the rounds array, creating it (see the race note above) when the board has none yet. */
export function ensureRounds(controlDoc: Y.Doc): Y.Array<unknown> {
  const existing = roundsArray(controlDoc)
  if (existing) return existing
  const created = new Y.Array<unknown>()
  sessionRoot(controlDoc).set(ROUNDS_KEY, created)
  return created
}

function readRound(round: RecordMap): RoundData {
  return {
    id: readString(round, 'id', ''),
    title: readString(round, 'title', '').slice(0, ROUND_TITLE_MAX_LENGTH),
    prompt: readString(round, 'prompt', '').slice(0, ROUND_PROMPT_MAX_LENGTH),
    zoneIds: cleanZoneIds(round.get('zoneIds')),
    minutes: clampMinutes(readNumber(round, 'minutes', DEFAULT_ROUND_MINUTES)),
    privateWriting: round.get('privateWriting') === true,
    voting: round.get('voting') === true,
    // Only group steps carry these, so every other round reads exactly as before (issue 18).
    ...(cleanGroupSize(round.get('groupSize')) > 0
      ? { groupSize: cleanGroupSize(round.get('groupSize')) }
      : {}),
    ...(round.get('gatherInsights') === true ? { gatherInsights: true } : {}),
    ...(cleanGroupSize(round.get('roleTurn')) > 0 ? { roleTurn: cleanGroupSize(round.get('roleTurn')) } : {}),
    ...(round.get('inbrengerListens') === true ? { inbrengerListens: true } : {}),
    ...(round.get('inbrengerChosen') === true ? { inbrengerChosen: true } : {}),
    ...(round.get('notulist') === true ? { notulist: true } : {}),
    ...(cleanGroupSize(round.get('wholeGroupUpTo')) > 0
      ? { wholeGroupUpTo: cleanGroupSize(round.get('wholeGroupUpTo')) }
      : {}),
  }
}

/** Raw array positions of every stored copy of a round, last first (safe order for deleting). */
function positionsOf(array: Y.Array<unknown>, id: string): number[] {
  const positions: number[] = []
  array.forEach((item, index) => {
    if (item instanceof Y.Map && item.get('id') === id) positions.unshift(index)
  })
  return positions
}

/** The script in order. Entries a foreign client left without an id, or duplicated, are skipped. */
export function listRounds(controlDoc: Y.Doc): RoundData[] {
  const array = roundsArray(controlDoc)
  if (!array) return []
  const rounds: RoundData[] = []
  const seen = new Set<string>()
  for (const item of array.toArray()) {
    if (!(item instanceof Y.Map)) continue
    const round = readRound(item)
    if (round.id === '' || seen.has(round.id)) continue
    seen.add(round.id)
    rounds.push(round)
  }
  return rounds
}

export function getRound(controlDoc: Y.Doc, id: string): RoundData | null {
  return listRounds(controlDoc).find((round) => round.id === id) ?? null
}

/** Adds a round at `index` in the script (default: at the end) and returns its id. */
export function addRound(controlDoc: Y.Doc, input: NewRound, index?: number): string {
  const id = input.id ?? newObjectId()
  const round = new Y.Map<unknown>()
  controlDoc.transact(() => {
    round.set('id', id)
    round.set('title', storedValue('title', input.title))
    round.set('prompt', storedValue('prompt', input.prompt ?? ''))
    round.set('zoneIds', storedValue('zoneIds', input.zoneIds ?? []))
    round.set('minutes', storedValue('minutes', input.minutes))
    round.set('privateWriting', storedValue('privateWriting', input.privateWriting ?? false))
    round.set('voting', storedValue('voting', input.voting ?? false))
    // Only group steps carry the group fields, so older boards' rounds stay as they were.
    if (input.groupSize) round.set('groupSize', storedValue('groupSize', input.groupSize))
    if (input.gatherInsights) round.set('gatherInsights', true)
    if (input.roleTurn) round.set('roleTurn', storedValue('roleTurn', input.roleTurn))
    if (input.inbrengerListens) round.set('inbrengerListens', true)
    if (input.inbrengerChosen) round.set('inbrengerChosen', true)
    if (input.notulist) round.set('notulist', true)
    if (input.wholeGroupUpTo) round.set('wholeGroupUpTo', storedValue('wholeGroupUpTo', input.wholeGroupUpTo))
    const array = ensureRounds(controlDoc)
    const rounds = listRounds(controlDoc)
    // `index` counts visible rounds; translate it to a raw position so junk entries do not shift it.
    const anchor = index === undefined ? undefined : rounds[Math.max(0, index)]
    const position = anchor ? (positionsOf(array, anchor.id).at(-1) ?? array.length) : array.length
    array.insert(position, [round])
  })
  return id
}

export function updateRound(controlDoc: Y.Doc, id: string, patch: RoundPatch): void {
  const array = roundsArray(controlDoc)
  if (!array) return
  controlDoc.transact(() => {
    for (const position of positionsOf(array, id)) {
      const round = array.get(position) as RecordMap
      for (const [key, value] of Object.entries(patch) as [
        keyof RoundPatch,
        RoundPatch[keyof RoundPatch],
      ][]) {
        if (value === undefined) continue
        const next = storedValue(key, value)
        // Arrays are compared by content so an unchanged zone list does not cause a sync message.
        if (JSON.stringify(round.get(key)) !== JSON.stringify(next)) round.set(key, next)
      }
    }
  })
}

/**
 * Moves the round shown at position `from` to position `to` (both in `listRounds` order).
 * Out-of-range positions are ignored: a stale UI must not corrupt the script.
 */
export function moveRound(controlDoc: Y.Doc, from: number, to: number): void {
  const array = roundsArray(controlDoc)
  const rounds = listRounds(controlDoc)
  const moving = rounds[from]
  if (!array || !moving || to < 0 || to >= rounds.length || from === to) return
  const original = array.get(positionsOf(array, moving.id).at(-1) ?? 0) as RecordMap
  // Copy every plain field, not only the known ones, so fields added by newer clients survive.
  const copy = new Y.Map<unknown>()
  for (const [key, value] of original.entries()) {
    if (!(value instanceof Y.AbstractType)) copy.set(key, value)
  }
  controlDoc.transact(() => {
    for (const position of positionsOf(array, moving.id)) array.delete(position, 1)
    const anchor = listRounds(controlDoc)[to]
    const position = anchor ? (positionsOf(array, anchor.id).at(-1) ?? array.length) : array.length
    array.insert(position, [copy])
  })
}

export function deleteRound(controlDoc: Y.Doc, id: string): void {
  const array = roundsArray(controlDoc)
  if (!array) return
  controlDoc.transact(() => {
    for (const position of positionsOf(array, id)) array.delete(position, 1)
  })
}

/**
 * Calls `listener` after any change to the script. Other session state (timer, locks) lives in the
 * same map and changes every second, so those events are filtered out here.
 */
export function observeRounds(controlDoc: Y.Doc, listener: () => void): () => void {
  const session = sessionRoot(controlDoc)
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touchesRounds = events.some((event) =>
      event.target === session ? event.keys.has(ROUNDS_KEY) : event.path[0] === ROUNDS_KEY,
    )
    if (touchesRounds) listener()
  }
  session.observeDeep(handler)
  return () => session.unobserveDeep(handler)
}
