import { z } from 'zod'
import { LANGUAGES } from '../model/meta'
import { ROLES } from '../roles'
import { API_LIMITS, DEVICE_SECRET_PATTERN } from './limits'

/**
 * Request bodies of the board, join and template routes: the server validates with them
 * (`parseBody`), the app's API calls are typed by them (`z.input`), and tests build requests from
 * them, so the three cannot drift apart. Messages are for developers; the app shows its own words.
 */

const atMost = (what: string, max: number) => `${what} is at most ${max} characters`

export const personName = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(API_LIMITS.personName, atMost('name', API_LIMITS.personName))

export const createBoardBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, 'title is required')
    .max(API_LIMITS.boardTitle, atMost('title', API_LIMITS.boardTitle))
    // The title is stored as text: PostgreSQL refuses NUL characters in it (with a 500).
    .refine((title) => !title.includes('\u0000'), 'title must not contain NUL characters'),
  templateId: z.string().max(API_LIMITS.templateId).default('leeg'),
  language: z.enum(LANGUAGES).default('nl'),
})

export const tokenBody = z.strictObject({ role: z.enum(ROLES), name: personName })

export const joinBody = z.strictObject({
  joinCode: z.string().max(API_LIMITS.joinCode),
  name: personName,
  // Optional for scripts and older clients, which then get a new participant on every join.
  device: z.string().regex(DEVICE_SECRET_PATTERN, 'device is 22–86 base64url characters').optional(),
})

export const joiningBody = z.strictObject({ open: z.boolean() })

/** A participant's own link for another device: the name it is made for. */
export const deviceLinkBody = z.strictObject({ name: personName })

const bilingualText = (max: number) =>
  z.strictObject({
    nl: z.string().max(max).optional(),
    en: z.string().max(max).optional(),
  })

/** A saved template's name and description, in one or both languages. */
export const templateEditBody = z.strictObject({
  labels: bilingualText(API_LIMITS.templateLabel).optional(),
  descriptions: bilingualText(API_LIMITS.templateDescription).optional(),
})

/** "Bewaar als sjabloon": the name and description the begeleider gives the board's template. */
export const templateFromBoardBody = z.strictObject({
  label: z.string().trim().max(API_LIMITS.templateLabel).optional(),
  description: z.string().trim().max(API_LIMITS.templateDescription).optional(),
})

export type CreateBoardRequest = z.input<typeof createBoardBody>
export type TokenRequest = z.input<typeof tokenBody>
export type JoinRequest = z.input<typeof joinBody>
export type TemplateEditRequest = z.input<typeof templateEditBody>
export type TemplateFromBoardRequest = z.input<typeof templateFromBoardBody>
