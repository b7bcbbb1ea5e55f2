import { z } from 'zod'
import { API_LIMITS } from '../api/limits'
import { GROUP_SIZE_MAX } from '../groups/forming'
import {
  ROUND_MAX_MINUTES,
  ROUND_MIN_MINUTES,
  ROUND_PROMPT_MAX_LENGTH,
  ROUND_TITLE_MAX_LENGTH,
} from '../model'

/**
 * The format of a board template: layout (zones) plus session script (rounds), in Dutch and
 * English. Built-in templates are written in this format and so are templates that facilitators
 * save from a board and share as JSON, so the schema is also the gate for untrusted input: every
 * string and list has a limit, and objects are strict so a typo ("zone" for "zones") is reported
 * instead of silently dropped.
 */

export const TEMPLATE_LIMITS = {
  idLength: 64,
  keyLength: 40,
  labelLength: API_LIMITS.templateLabel,
  descriptionLength: API_LIMITS.templateDescription,
  questionLength: 300,
  zoneTitleLength: 120,
  /** Room for a side-panel checklist rendered into a zone prompt, so saved boards round-trip. */
  zonePromptLength: 2500,
  zones: 40,
  rounds: 30,
  sidePanelItems: 12,
  sidePanelItemLength: 180,
  /** Boards are large but not unbounded; this keeps a pasted template from landing far away. */
  coordinate: 50_000,
  minZoneSize: 80,
  maxZoneSize: 6000,
  /** Checked before JSON.parse, so a huge paste is refused without parsing it. */
  jsonChars: 1_000_000,
} as const

const SLUG = /^[a-z0-9][a-z0-9-]*$/
const SLUG_HINT = 'use only lowercase letters, digits and hyphens, starting with a letter or digit'

function requiredText(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
}

function optionalText(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`)
}

/** The same text in both board languages; each template carries both so any board can use it. */
function bilingual(text: z.ZodString) {
  return z.strictObject({ nl: text, en: text })
}

function coordinate() {
  const { coordinate: limit } = TEMPLATE_LIMITS
  return z.number().min(-limit, `must be at least ${-limit}`).max(limit, `must be at most ${limit}`)
}

function size() {
  const { minZoneSize: min, maxZoneSize: max } = TEMPLATE_LIMITS
  return z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)
}

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#f4f1ea"')

export const bilingualTextSchema = bilingual(requiredText(TEMPLATE_LIMITS.labelLength))

export const templateZoneSchema = z.strictObject({
  /** Stable name inside the template; rounds refer to zones by key. Not stored on the board. */
  key: z
    .string()
    .max(TEMPLATE_LIMITS.keyLength, `must be at most ${TEMPLATE_LIMITS.keyLength} characters`)
    .regex(SLUG, SLUG_HINT),
  title: bilingual(requiredText(TEMPLATE_LIMITS.zoneTitleLength)),
  prompt: bilingual(optionalText(TEMPLATE_LIMITS.zonePromptLength)),
  x: coordinate(),
  y: coordinate(),
  width: size(),
  height: size(),
  color: colorSchema.optional(),
})

export const templateRoundSchema = z.strictObject({
  title: bilingual(requiredText(ROUND_TITLE_MAX_LENGTH)),
  prompt: bilingual(optionalText(ROUND_PROMPT_MAX_LENGTH)).optional(),
  zoneKeys: z
    .array(z.string())
    .max(TEMPLATE_LIMITS.zones, `must list at most ${TEMPLATE_LIMITS.zones} zones`),
  minutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(ROUND_MIN_MINUTES, `must be at least ${ROUND_MIN_MINUTES}`)
    .max(ROUND_MAX_MINUTES, `must be at most ${ROUND_MAX_MINUTES}`),
  privateWriting: z.boolean().default(false),
  voting: z.boolean().default(false),
  /** A group step: groups of this size (1 = alone); left out or 0 = everyone together (issue 18). */
  groupSize: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(GROUP_SIZE_MAX, `must be at most ${GROUP_SIZE_MAX}`)
    .optional(),
  /** The "allen" step: each group's "ons inzicht" comes to this round's first zone. */
  gatherInsights: z.boolean().optional(),
  /** Roles: the roleTurn-th member of each group is the inbrenger (Troika: 1, 2, 3 rotate). */
  roleTurn: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(GROUP_SIZE_MAX, `must be at most ${GROUP_SIZE_MAX}`)
    .optional(),
  /** The inbrenger turns away and listens this round. */
  inbrengerListens: z.boolean().optional(),
  /** Roles without turns: the facilitator chooses each group's inbrenger (incidentmethode). */
  inbrengerChosen: z.boolean().optional(),
  /** The member after the inbrenger is the notulist. */
  notulist: z.boolean().optional(),
  /** Everyone forms one group while at most this many are present. */
  wholeGroupUpTo: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(GROUP_SIZE_MAX, `must be at most ${GROUP_SIZE_MAX}`)
    .optional(),
})

/**
 * Reference material next to the work zones, such as a checklist. It becomes a zone on the board
 * whose prompt lists the items; rounds do not point at it, people read it while they work.
 */
export const templateSidePanelSchema = z.strictObject({
  title: bilingual(requiredText(TEMPLATE_LIMITS.zoneTitleLength)),
  items: z
    .array(bilingual(requiredText(TEMPLATE_LIMITS.sidePanelItemLength)))
    .min(1, 'must have at least one item')
    .max(TEMPLATE_LIMITS.sidePanelItems, `must have at most ${TEMPLATE_LIMITS.sidePanelItems} items`),
  x: coordinate(),
  y: coordinate(),
  width: size(),
  height: size(),
  color: colorSchema.optional(),
})

/** A template's id (built-in `los-model`, saved `eigen-…`): also how URLs and requests name one. */
export const templateIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(TEMPLATE_LIMITS.idLength)
  .regex(SLUG, SLUG_HINT)

export const templateSchema = z
  .strictObject({
    id: templateIdSchema,
    version: z.literal(1, 'must be 1 (the only template version this app knows)'),
    labels: bilingualTextSchema,
    descriptions: bilingual(optionalText(TEMPLATE_LIMITS.descriptionLength)),
    /** The question the session revolves around; templates that have one also give it a wide zone at the top. */
    centralQuestion: bilingual(requiredText(TEMPLATE_LIMITS.questionLength)).optional(),
    zones: z
      .array(templateZoneSchema)
      .max(TEMPLATE_LIMITS.zones, `a template has at most ${TEMPLATE_LIMITS.zones} zones`),
    rounds: z
      .array(templateRoundSchema)
      .max(TEMPLATE_LIMITS.rounds, `a template has at most ${TEMPLATE_LIMITS.rounds} rounds`),
    sidePanel: templateSidePanelSchema.optional(),
  })
  .superRefine((template, ctx) => {
    // Keys must be unique because rounds refer to zones by key.
    const keys = new Set<string>()
    template.zones.forEach((zone, index) => {
      if (keys.has(zone.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['zones', index, 'key'],
          message: `zone key "${zone.key}" is used by more than one zone; every zone needs its own key`,
        })
      }
      keys.add(zone.key)
    })
    template.rounds.forEach((round, index) => {
      const listed = new Set<string>()
      round.zoneKeys.forEach((key, position) => {
        const path = ['rounds', index, 'zoneKeys', position]
        if (!keys.has(key)) {
          ctx.addIssue({ code: 'custom', path, message: `refers to zone "${key}", but no zone has that key` })
        } else if (listed.has(key)) {
          ctx.addIssue({ code: 'custom', path, message: `lists zone "${key}" more than once` })
        }
        listed.add(key)
      })
    })
  })

export type Template = z.output<typeof templateSchema>
/** What a template file may contain: like Template, but fields with defaults may be left out. */
export type TemplateInput = z.input<typeof templateSchema>
export type TemplateZone = Template['zones'][number]
export type TemplateRound = Template['rounds'][number]
export type TemplateSidePanel = NonNullable<Template['sidePanel']>
export type BilingualText = Template['labels']
