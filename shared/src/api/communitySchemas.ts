import { z } from 'zod'
import { ACTION_STATUSES } from '../model/lookback'
import { LANGUAGES } from '../model/meta'
import { COMMUNITY_LIMITS } from './communityLimits'
import { API_LIMITS } from './limits'

/**
 * Request bodies and queries of the community routes (docs/community.md, issue 19): the server
 * validates with them, the app's calls are typed by them (see schemas.ts).
 */

const atMost = (what: string, max: number) => `${what} is at most ${max} characters`
const noNul = (text: string) => !text.includes('\u0000')

const communityName = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(COMMUNITY_LIMITS.name, atMost('name', COMMUNITY_LIMITS.name))
  // Stored as text: PostgreSQL refuses NUL characters (with a 500).
  .refine(noNul, 'name must not contain NUL characters')
const description = z
  .string()
  .trim()
  .max(COMMUNITY_LIMITS.description, atMost('description', COMMUNITY_LIMITS.description))
  .refine(noNul, 'description must not contain NUL characters')

export const createCommunityBody = z.strictObject({
  name: communityName,
  description: description.default(''),
  membersMaySearch: z.boolean().default(false),
  language: z.enum(LANGUAGES).default('nl'),
})

export const updateCommunityBody = z
  .strictObject({
    name: communityName.optional(),
    description: description.optional(),
    membersMaySearch: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')

export const createSessionBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'title is required')
    .max(API_LIMITS.boardTitle, atMost('title', API_LIMITS.boardTitle))
    .refine(noNul, 'title must not contain NUL characters'),
  question: z
    .string()
    .trim()
    .max(COMMUNITY_LIMITS.question, atMost('question', COMMUNITY_LIMITS.question))
    .refine(noNul, 'question must not contain NUL characters')
    .optional(),
  templateId: z.string().max(API_LIMITS.templateId).optional(),
  copyFromLast: z.boolean().default(true),
  language: z.enum(LANGUAGES).optional(),
})

export const actionStatusBody = z.strictObject({
  status: z.enum(ACTION_STATUSES),
  note: z
    .string()
    .trim()
    .max(COMMUNITY_LIMITS.statusNote, atMost('note', COMMUNITY_LIMITS.statusNote))
    .refine(noNul, 'note must not contain NUL characters')
    .default(''),
})

export const communitySearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(COMMUNITY_LIMITS.searchMin, `q is at least ${COMMUNITY_LIMITS.searchMin} characters`)
    .max(COMMUNITY_LIMITS.searchMax, atMost('q', COMMUNITY_LIMITS.searchMax)),
  limit: z.coerce.number().int().min(1).max(COMMUNITY_LIMITS.searchResults).default(20),
})

/** Deleting names the community, so a key alone (a stray script, a slip) cannot delete it. */
export const deleteCommunityBody = z.strictObject({ confirm: z.string().max(COMMUNITY_LIMITS.name + 10) })

export type CreateCommunityRequest = z.input<typeof createCommunityBody>
export type UpdateCommunityRequest = z.input<typeof updateCommunityBody>
export type CreateSessionRequest = z.input<typeof createSessionBody>
export type ActionStatusRequest = z.input<typeof actionStatusBody>
export type DeleteCommunityRequest = z.input<typeof deleteCommunityBody>
