import { PERSON_NAME_MAX_LENGTH } from '../model/session'
import { TEMPLATE_LIMITS } from '../templates/schema'

/**
 * Lengths the HTTP API accepts, used by the routes' schemas AND the app's form fields (`maxLength`),
 * so a form never lets someone type what the server then refuses (issue 16: the board title was 120
 * in the form and 200 on the server, template labels 80 and 400, descriptions 400 and 500).
 */
export const API_LIMITS = {
  /** A person's name: joining, tokens, co-facilitator links, "Namens wie?". */
  personName: PERSON_NAME_MAX_LENGTH,
  boardTitle: 120,
  templateLabel: TEMPLATE_LIMITS.labelLength,
  templateDescription: TEMPLATE_LIMITS.descriptionLength,
  joinCode: 32,
  templateId: 64,
} as const

/** A device's own secret, kept in its storage so a second join is the same person (issue 14). */
export const DEVICE_SECRET_PATTERN = /^[A-Za-z0-9_-]{22,86}$/
