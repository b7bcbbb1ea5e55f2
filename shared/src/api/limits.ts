import { PERSON_NAME_MAX_LENGTH } from '../model/session'

/**
 * No zod here (nor in links.ts): the app imports these two files, and zod's compiled validators
 * try `new Function`, which the app's Content-Security-Policy forbids.
 *
 * Lengths the HTTP API accepts, used by the routes' schemas AND the app's form fields (`maxLength`),
 * so a form never lets someone type what the server then refuses (issue 16: the board title was 120
 * in the form and 200 on the server, template labels 80 and 400, descriptions 400 and 500).
 */
export const API_LIMITS = {
  /** A person's name: joining, tokens, co-facilitator links, "Namens wie?". */
  personName: PERSON_NAME_MAX_LENGTH,
  boardTitle: 120,
  /** Also the template format's own limits (templates/schema.ts reads them from here). */
  templateLabel: 80,
  templateDescription: 500,
  joinCode: 32,
  templateId: 64,
} as const

/** A device's own secret, kept in its storage so a second join is the same person (issue 14). */
export const DEVICE_SECRET_PATTERN = /^[A-Za-z0-9_-]{22,86}$/
