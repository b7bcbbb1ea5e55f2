import type * as Y from 'yjs'
import { type Language, listRounds, listZones, ROUND_TITLE_MAX_LENGTH, readBoardMeta } from '../model'
import { TEMPLATE_LIMITS, type Template, type TemplateInput, templateSchema } from './schema'

/**
 * "Save board as template": the layout (zones) and the round script of a board, without notes.
 * The board has text in one language only, so that text is used for both languages of the
 * template; the facilitator can translate the JSON later if they want to.
 */

export interface TemplateFromBoardMeta {
  /** Template id; made from the label when absent. */
  id?: string
  /** Name in the template picker; defaults to the board title. */
  label?: string
  description?: string
}

const FALLBACK = {
  nl: { label: 'Eigen sjabloon', id: 'eigen-sjabloon', zone: 'Vak', round: 'Ronde' },
  en: { label: 'My template', id: 'my-template', zone: 'Zone', round: 'Round' },
} as const satisfies Record<Language, Record<string, string>>

/** "Leren van Successen!" → "leren-van-successen": the id format the schema accepts. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, TEMPLATE_LIMITS.idLength)
    .replace(/-+$/, '')
}

function clip(text: string, max: number): string {
  return text.trim().slice(0, max).trim()
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)))
}

function same(text: string): { nl: string; en: string } {
  return { nl: text, en: text }
}

export function templateFromBoard(
  contentDoc: Y.Doc,
  controlDoc: Y.Doc,
  meta: TemplateFromBoardMeta,
): Template {
  const board = readBoardMeta(contentDoc)
  const fallback = FALLBACK[board.language]
  const label =
    clip(meta.label ?? '', TEMPLATE_LIMITS.labelLength) ||
    clip(board.title, TEMPLATE_LIMITS.labelLength) ||
    fallback.label
  const id = slugify(meta.id ?? '') || slugify(label) || fallback.id

  const zones = listZones(contentDoc).slice(0, TEMPLATE_LIMITS.zones)
  // Shift the layout to start at the top-left corner: where the board happened to be drawn is noise.
  const left = zones.length > 0 ? Math.min(...zones.map((zone) => zone.x)) : 0
  const top = zones.length > 0 ? Math.min(...zones.map((zone) => zone.y)) : 0
  const { coordinate, minZoneSize, maxZoneSize } = TEMPLATE_LIMITS
  const keyOfZone = new Map<string, string>()
  const templateZones = zones.map((zone, index) => {
    const key = `zone-${index + 1}`
    keyOfZone.set(zone.id, key)
    const title = clip(zone.title, TEMPLATE_LIMITS.zoneTitleLength) || `${fallback.zone} ${index + 1}`
    return {
      key,
      title: same(title),
      prompt: same(clip(zone.prompt, TEMPLATE_LIMITS.zonePromptLength)),
      x: clamp(zone.x - left, -coordinate, coordinate),
      y: clamp(zone.y - top, -coordinate, coordinate),
      width: clamp(zone.width, minZoneSize, maxZoneSize),
      height: clamp(zone.height, minZoneSize, maxZoneSize),
      // Only colours the schema accepts; a foreign value falls back to the default zone colour.
      ...(/^#[0-9a-fA-F]{6}$/.test(zone.color) ? { color: zone.color } : {}),
    }
  })

  const rounds = listRounds(controlDoc)
    .slice(0, TEMPLATE_LIMITS.rounds)
    .map((round, index) => ({
      title: same(clip(round.title, ROUND_TITLE_MAX_LENGTH) || `${fallback.round} ${index + 1}`),
      prompt: same(round.prompt.trim()),
      // Rounds can point at zones that were deleted since; those references are dropped.
      zoneKeys: round.zoneIds.flatMap((zoneId) => keyOfZone.get(zoneId) ?? []),
      minutes: round.minutes,
      privateWriting: round.privateWriting,
      voting: round.voting,
      ...(round.groupSize ? { groupSize: round.groupSize } : {}),
      ...(round.gatherInsights ? { gatherInsights: true } : {}),
      ...(round.roleTurn ? { roleTurn: round.roleTurn } : {}),
      ...(round.inbrengerListens ? { inbrengerListens: true } : {}),
      ...(round.inbrengerChosen ? { inbrengerChosen: true } : {}),
      ...(round.notulist ? { notulist: true } : {}),
      ...(round.wholeGroupUpTo ? { wholeGroupUpTo: round.wholeGroupUpTo } : {}),
    }))

  const candidate: TemplateInput = {
    id,
    version: 1,
    labels: same(label),
    descriptions: same(clip(meta.description ?? '', TEMPLATE_LIMITS.descriptionLength)),
    zones: templateZones,
    rounds,
  }
  // Everything above is clipped to the limits, so this only throws on a bug in this function.
  return templateSchema.parse(candidate)
}
