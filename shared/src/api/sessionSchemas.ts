import { z } from 'zod'
import { OBJECT_ID_PATTERN } from '../ids'
import { ROLES } from '../roles'

/**
 * Request bodies of the session routes (rounds and timer, dot voting, reveal, roles, groepjes):
 * the server validates with them and the app's session calls are typed by them (see schemas.ts).
 */

const objectId = z.string().regex(OBJECT_ID_PATTERN, 'not a valid id')

export const timerBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), roundId: objectId }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('addMinute') }),
  z.strictObject({ action: z.literal('skip') }),
  z.strictObject({ action: z.literal('end') }),
])
export const votingBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('open'),
    perPerson: z.number().int().min(1).max(99),
    maxPerNote: z.number().int().min(1).max(99),
    scope: z.enum(['zone', 'board']),
    zoneIds: z.array(objectId).max(100).default([]),
    anonymous: z.boolean().default(true),
    hideResults: z.boolean().default(false),
    roundId: objectId.nullable().default(null),
  }),
  z.strictObject({ action: z.literal('close') }),
])
export const voteBody = z.strictObject({ noteId: objectId, delta: z.union([z.literal(1), z.literal(-1)]) })
export const votersQuery = z.strictObject({ voteId: objectId.optional() })
export const readyBody = z.strictObject({ ready: z.boolean() })
export const revealBody = z.strictObject({ anonymous: z.boolean().optional() })
export const hideBody = z.strictObject({ hidden: z.boolean() })
export const roleBody = z.strictObject({ role: z.enum(ROLES) })
export const groupsBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('move'), participantId: objectId, groupId: objectId.nullable() }),
  z.strictObject({ action: z.literal('remove'), participantId: objectId }),
  z.strictObject({ action: z.literal('keepApart'), value: z.boolean() }),
  // The incidentmethode: the facilitator chooses a group's inbrenger.
  z.strictObject({ action: z.literal('inbrenger'), groupId: objectId, participantId: objectId }),
])
export const insightBody = z.strictObject({ noteId: objectId.nullable() })

/** "Stel groepen voor" for one question (zoneId) or the whole board (null or left out). */
export const suggestBody = z.strictObject({
  zoneId: z.string().regex(OBJECT_ID_PATTERN, 'not a valid id').nullable().default(null),
})

export type TimerRequest = z.input<typeof timerBody>
export type VotingRequest = z.input<typeof votingBody>
export type VoteRequest = z.input<typeof voteBody>
export type GroupsRequest = z.input<typeof groupsBody>
