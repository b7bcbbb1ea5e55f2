import * as Y from 'yjs'
import { readTimer } from '../model/facilitation'
import { sessionRoot } from '../model/schema'
import { PERSON_NAME_MAX_LENGTH } from '../model/session'
import { GROUP_SIZE_MAX } from './forming'

/**
 * Groups of people per group step (issue 18), in the control document's `session` map:
 *   groupSteps: Y.Map<roundId, GroupStep>   written by the server only (facilitators change groups
 *                                            through POST /api/boards/:id/groups, which the server
 *                                            checks and writes), read by everyone
 * A step is a plain value replaced whole, so a reader never sees a person in two groups.
 * These are groups of PEOPLE ("groepjes"); groups of NOTES are clusters (clusters.ts).
 */

const GROUP_STEPS = 'groupSteps'

export interface GroupMember {
  id: string
  name: string
}

export interface PeopleGroup {
  id: string
  /** Shown as "Groepje 3"; stays the same when members move. */
  number: number
  members: GroupMember[]
  /** The group's own space on the board (a zone), null in an "alone" step. */
  zoneId: string | null
  /** The note the group chose as "ons inzicht". */
  insightNoteId: string | null
  /** The copy of that insight in the plenary zone, once gathered. */
  gatheredNoteId: string | null
  /**
   * The inbrenger the facilitator chose (incidentmethode: `inbrengerChosen` steps); null or someone
   * no longer in the group: the default (see inbrengerOf).
   */
  inbrengerId?: string | null
}

export interface GroupStep {
  roundId: string
  size: number
  formedAt: number
  /** Groups may not write in each other's space (checked by the server, like locks). */
  keepApart: boolean
  /** Roles this step (0: none): the roleTurn-th member of each group is the inbrenger. */
  roleTurn: number
  /** The inbrenger turns away and listens: their group's space is closed to them this step. */
  inbrengerListens: boolean
  /** The round's own questions: closed to a listening inbrenger too, so they only listen. */
  roundZoneIds?: string[]
  /** Roles without turns: the facilitator chooses each group's inbrenger (incidentmethode). */
  inbrengerChosen?: boolean
  /** The member after the inbrenger is the notulist, who writes the summary (groups of 3 and more). */
  notulist?: boolean
  /**
   * Private writing in a step with roles: the advisers' standpoints go to their inbrenger, who may
   * read their groupmates' drafts rooms while this step runs (server/src/session/standpoints.ts).
   */
  standpointsToInbrenger?: boolean
  /** Everyone is one group while at most this many are present (incidentmethode: 8). */
  wholeGroupUpTo?: number
  groups: PeopleGroup[]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
const text = (value: unknown, max = 200) => (typeof value === 'string' ? value.slice(0, max) : '')
const idOrNull = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null)

function readMember(value: unknown): GroupMember | null {
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') return null
  return { id: value.id, name: text(value.name, PERSON_NAME_MAX_LENGTH) }
}

function readGroup(value: unknown, index: number): PeopleGroup | null {
  if (!isObject(value) || typeof value.id !== 'string' || !Array.isArray(value.members)) return null
  const number = typeof value.number === 'number' && value.number >= 1 ? Math.round(value.number) : index + 1
  return {
    id: value.id,
    number,
    members: value.members.flatMap((member) => readMember(member) ?? []),
    zoneId: idOrNull(value.zoneId),
    insightNoteId: idOrNull(value.insightNoteId),
    gatheredNoteId: idOrNull(value.gatheredNoteId),
    inbrengerId: idOrNull(value.inbrengerId),
  }
}

/** A stored step, tolerating what a foreign writer left; null when it is not a step at all. */
export function readGroupStepValue(value: unknown): GroupStep | null {
  if (!isObject(value) || typeof value.roundId !== 'string' || !Array.isArray(value.groups)) return null
  const seen = new Set<string>()
  const groups = value.groups.flatMap((group, index) => readGroup(group, index) ?? [])
  // A person is in one group only: the first listing wins.
  for (const group of groups) {
    group.members = group.members.filter((member) => !seen.has(member.id) && seen.add(member.id))
  }
  return {
    roundId: value.roundId,
    size: typeof value.size === 'number' ? Math.min(GROUP_SIZE_MAX, Math.max(1, Math.round(value.size))) : 1,
    formedAt: typeof value.formedAt === 'number' ? value.formedAt : 0,
    keepApart: value.keepApart === true,
    roleTurn: typeof value.roleTurn === 'number' && value.roleTurn >= 1 ? Math.round(value.roleTurn) : 0,
    inbrengerListens: value.inbrengerListens === true,
    roundZoneIds: Array.isArray(value.roundZoneIds)
      ? value.roundZoneIds.filter((id): id is string => typeof id === 'string')
      : [],
    inbrengerChosen: value.inbrengerChosen === true,
    notulist: value.notulist === true,
    standpointsToInbrenger: value.standpointsToInbrenger === true,
    wholeGroupUpTo:
      typeof value.wholeGroupUpTo === 'number' && value.wholeGroupUpTo >= 1
        ? Math.round(value.wholeGroupUpTo)
        : 0,
    groups,
  }
}

function stepsMap(controlDoc: Y.Doc): Y.Map<unknown> | null {
  const value = sessionRoot(controlDoc).get(GROUP_STEPS)
  return value instanceof Y.Map ? value : null
}

export function readGroupStep(controlDoc: Y.Doc, roundId: string | null): GroupStep | null {
  if (roundId === null) return null
  return readGroupStepValue(stepsMap(controlDoc)?.get(roundId))
}

/** Every group step, in the order they were formed (the report and "fours from pairs" use this). */
export function listGroupSteps(controlDoc: Y.Doc): GroupStep[] {
  const steps: GroupStep[] = []
  stepsMap(controlDoc)?.forEach((value) => {
    const step = readGroupStepValue(value)
    if (step) steps.push(step)
  })
  return steps.sort((a, b) => a.formedAt - b.formedAt || a.roundId.localeCompare(b.roundId))
}

/** The server's write (only the server writes steps: see the note above). */
export function writeGroupStep(controlDoc: Y.Doc, step: GroupStep): void {
  let map = stepsMap(controlDoc)
  if (!map) {
    map = new Y.Map<unknown>()
    sessionRoot(controlDoc).set(GROUP_STEPS, map)
  }
  map.set(step.roundId, JSON.parse(JSON.stringify(step)))
}

/** The step of the round that is running or paused now, or null (no round, or not a group step). */
export function activeGroupStep(controlDoc: Y.Doc): GroupStep | null {
  const timer = readTimer(controlDoc)
  if (timer.status !== 'running' && timer.status !== 'paused') return null
  return readGroupStep(controlDoc, timer.roundId)
}

export function groupOf(step: GroupStep | null, participantId: string): PeopleGroup | null {
  return step?.groups.find((group) => group.members.some((member) => member.id === participantId)) ?? null
}

export type GroupRole = 'inbrenger' | 'adviseur' | 'notulist'

/** Whether a step gives roles at all (turns, as in Troika, or a chosen inbrenger). */
export function hasRoles(step: GroupStep | null): boolean {
  return step !== null && (step.roleTurn >= 1 || step.inbrengerChosen === true)
}

/**
 * The inbrenger of a group this step, or null without roles. A chosen step: the member the
 * facilitator chose, else the first member (the server puts the case's author first, groupSteps.ts).
 * A step with turns: the roleTurn-th member, wrapping round.
 */
export function inbrengerOf(step: GroupStep, group: PeopleGroup): GroupMember | null {
  if (!hasRoles(step) || group.members.length === 0) return null
  if (step.inbrengerChosen) {
    return group.members.find((member) => member.id === group.inbrengerId) ?? group.members[0] ?? null
  }
  return group.members[(step.roleTurn - 1) % group.members.length] ?? null
}

/** The notulist: the member after the inbrenger (wrapping round), in groups of three or more. */
export function notulistOf(step: GroupStep, group: PeopleGroup): GroupMember | null {
  const inbrenger = inbrengerOf(step, group)
  if (!step.notulist || !inbrenger || group.members.length < 3) return null
  const at = group.members.indexOf(inbrenger)
  return group.members[(at + 1) % group.members.length] ?? null
}

export function roleOf(step: GroupStep | null, participantId: string): GroupRole | null {
  const group = groupOf(step, participantId)
  if (!step || !group) return null
  const inbrenger = inbrengerOf(step, group)
  if (!inbrenger) return null
  if (inbrenger.id === participantId) return 'inbrenger'
  return notulistOf(step, group)?.id === participantId ? 'notulist' : 'adviseur'
}

/**
 * Whether `readerId` may read `ownerId`'s drafts (their private standpoints) in `step`: only in a
 * step whose standpoints go to the inbrenger, only the inbrenger, only of someone in their own group.
 */
export function mayReadStandpoints(step: GroupStep | null, readerId: string, ownerId: string): boolean {
  if (!step?.standpointsToInbrenger || readerId === ownerId) return false
  const group = groupOf(step, readerId)
  if (!group?.members.some((member) => member.id === ownerId)) return false
  return inbrengerOf(step, group)?.id === readerId
}

/**
 * The group spaces closed to `participantId` in `step`: the other groups' spaces while groups keep
 * apart, and their own group's space while they are the inbrenger who turns away and listens.
 */
export function spacesClosedTo(step: GroupStep | null, participantId: string): string[] {
  if (!step) return []
  const own = groupOf(step, participantId)
  const closed = step.keepApart
    ? step.groups.flatMap((group) => (group === own || group.zoneId === null ? [] : [group.zoneId]))
    : []
  if (step.inbrengerListens && roleOf(step, participantId) === 'inbrenger') {
    closed.push(...(own?.zoneId ? [own.zoneId] : []), ...(step.roundZoneIds ?? []))
  }
  return closed
}

/**
 * The spaces closed to this writer now. The server treats them as locked zones for that writer
 * (writePolicy.ts) and the client shows them locked (useBoardSession), so both agree.
 */
export function otherGroupsSpaces(controlDoc: Y.Doc, participantId: string): string[] {
  return spacesClosedTo(activeGroupStep(controlDoc), participantId)
}

/** "Groepje 3: Anouk, Sjoerd": the name of a group's space, and of its insight in the plenary zone. */
export function groupSpaceTitle(group: Pick<PeopleGroup, 'number' | 'members'>, word = 'Groepje'): string {
  const names = group.members.map((member) => member.name || '?').join(', ')
  const title = names ? `${word} ${group.number}: ${names}` : `${word} ${group.number}`
  // Twelve long names would make a title no one reads; a question's title is kept short too.
  return title.length > GROUP_TITLE_MAX_LENGTH ? `${title.slice(0, GROUP_TITLE_MAX_LENGTH - 1)}…` : title
}

const GROUP_TITLE_MAX_LENGTH = 120
