import type * as Y from 'yjs'
import { addRound, createZone, ensureRounds, type Language } from '../model'
import type { Rect } from './layout'
import type { Template, TemplateSidePanel } from './schema'

export interface ApplyTemplateOptions {
  /**
   * The board title. Not used here: board meta is written by the caller (`initBoardMeta`). It is
   * accepted so the caller can pass the same options object to both.
   */
  title?: string
  /** The board language: zones and rounds get their text in this language only. */
  language: Language
}

export interface AppliedTemplate {
  /** Template zone key → id of the zone created on the board. */
  zoneIds: Map<string, string>
  /** Ids of the created rounds, in script order. */
  roundIds: string[]
}

/** The side panel as zone prompt text: one item per line, so it reads as a checklist. */
export function sidePanelPrompt(panel: TemplateSidePanel, language: Language): string {
  return panel.items.map((item) => `• ${item[language]}`).join('\n')
}

/**
 * Fills a new board with a template's zones (content document) and round script (control
 * document), and nothing else. Expects a validated template (`templateSchema`/`parseTemplateJson`
 * or a built-in). Call it on fresh documents, before anyone joins: it also creates the rounds
 * array, which avoids the creation race described in `model/rounds.ts`.
 */
export function applyTemplate(
  contentDoc: Y.Doc,
  controlDoc: Y.Doc,
  template: Template,
  options: ApplyTemplateOptions,
): AppliedTemplate {
  const { language } = options
  const zoneIds = new Map<string, string>()
  contentDoc.transact(() => {
    for (const zone of template.zones) {
      const id = createZone(contentDoc, {
        title: zone.title[language],
        prompt: zone.prompt[language],
        x: zone.x,
        y: zone.y,
        width: zone.width,
        height: zone.height,
        color: zone.color,
      })
      zoneIds.set(zone.key, id)
    }
    const panel = template.sidePanel
    if (panel) {
      createZone(contentDoc, {
        title: panel.title[language],
        prompt: sidePanelPrompt(panel, language),
        x: panel.x,
        y: panel.y,
        width: panel.width,
        height: panel.height,
        color: panel.color,
      })
    }
  })

  const roundIds: string[] = []
  controlDoc.transact(() => {
    ensureRounds(controlDoc)
    for (const round of template.rounds) {
      const id = addRound(controlDoc, {
        title: round.title[language],
        prompt: round.prompt?.[language] ?? '',
        zoneIds: round.zoneKeys.flatMap((key) => zoneIds.get(key) ?? []),
        minutes: round.minutes,
        privateWriting: round.privateWriting,
        voting: round.voting,
        groupSize: round.groupSize ?? 0,
        gatherInsights: round.gatherInsights ?? false,
        roleTurn: round.roleTurn ?? 0,
        inbrengerListens: round.inbrengerListens ?? false,
        inbrengerChosen: round.inbrengerChosen ?? false,
        notulist: round.notulist ?? false,
        wholeGroupUpTo: round.wholeGroupUpTo ?? 0,
      })
      roundIds.push(id)
    }
  })
  return { zoneIds, roundIds }
}

export interface TemplateSummary {
  id: string
  label: string
  description: string
  /** Zones the board will get, the side panel included. */
  zoneCount: number
  totalMinutes: number
}

/** What the template picker shows for one template. */
export function templateSummary(template: Template, language: Language): TemplateSummary {
  return {
    id: template.id,
    label: template.labels[language],
    description: template.descriptions[language],
    zoneCount: template.zones.length + (template.sidePanel ? 1 : 0),
    totalMinutes: template.rounds.reduce((sum, round) => sum + round.minutes, 0),
  }
}

const SIDE_PANEL_NAME = '(side panel)'

/**
 * Pairs of zones (by key; the side panel as "(side panel)") whose rectangles overlap, or come
 * closer than `minGap` pixels. Touching edges do not count as overlap. Templates are meant to have
 * none: a note dropped on overlapping zones lands in the smaller one, which surprises people.
 */
export function zonesOverlap(template: Template, minGap = 0): [string, string][] {
  const rects: [string, Rect][] = template.zones.map((zone) => [zone.key, zone])
  if (template.sidePanel) rects.push([SIDE_PANEL_NAME, template.sidePanel])
  const pairs: [string, string][] = []
  rects.forEach(([nameA, a], i) => {
    for (const [nameB, b] of rects.slice(i + 1)) {
      const apartX = a.x + a.width + minGap <= b.x || b.x + b.width + minGap <= a.x
      const apartY = a.y + a.height + minGap <= b.y || b.y + b.height + minGap <= a.y
      if (!apartX && !apartY) pairs.push([nameA, nameB])
    }
  })
  return pairs
}
