import type * as Y from 'yjs'
import { createNote, getNote } from '../model/notes'
import { boundsOf, fitZonesToNotes, placeNoteInZone, type Rect, readGeometry } from '../model/placement'
import { createZone, listZones, updateZone } from '../model/zones'
import { type GroupStep, groupSpaceTitle, type PeopleGroup } from './peopleGroups'

/**
 * Each group's own space on the board (issue 18): one zone per group, laid out in a region right
 * of everything already on the board, so a group space never overlaps a question, a note or an
 * earlier step's spaces. Zones grow downwards with their notes and push what lies below (the
 * placement rules), so the grid stays free of overlaps while groups write.
 */

export const GROUP_SPACE_SIZE = { width: 560, height: 420 }
const GAP = 60
const REGION_GAP = 200
const MAX_COLUMNS = 4

/** The rectangles for `count` group spaces, right of `occupied` (zones, notes, shapes). */
export function layoutGroupSpaces(occupied: readonly Rect[], count: number): Rect[] {
  const bounds = boundsOf(occupied)
  const originX = bounds ? bounds.x + bounds.width + REGION_GAP : 0
  const originY = bounds ? bounds.y : 0
  const columns = Math.min(MAX_COLUMNS, Math.max(1, Math.ceil(Math.sqrt(count))))
  return Array.from({ length: count }, (_, index) => ({
    x: originX + (index % columns) * (GROUP_SPACE_SIZE.width + GAP),
    y: originY + Math.floor(index / columns) * (GROUP_SPACE_SIZE.height + GAP),
    ...GROUP_SPACE_SIZE,
  }))
}

/** The word in a group space's title, in the board's language. */
export const groupWord = (language: 'nl' | 'en') => (language === 'en' ? 'Small group' : 'Groepje')

export interface SpaceStyle {
  language: 'nl' | 'en'
  prompt: string
  color?: string
}

/**
 * Gives every group of `step` that has none its zone, and sets
 * every group zone's title to its current members. Returns the step with the zone ids filled in.
 */
export function ensureGroupSpaces(content: Y.Doc, step: GroupStep, style: SpaceStyle): GroupStep {
  const needing = step.groups.filter((group) => group.zoneId === null)
  const geometry = readGeometry(content)
  const spots = layoutGroupSpaces([...geometry.zones, ...geometry.notes], needing.length)
  const known = new Set(listZones(content).map((zone) => zone.id))
  const groups: PeopleGroup[] = step.groups.map((group) => {
    const title = groupSpaceTitle(group, groupWord(style.language))
    if (group.zoneId !== null && known.has(group.zoneId)) {
      // A space kept from the step before (same size) gets this round's prompt too.
      updateZone(content, group.zoneId, { title, prompt: style.prompt })
      return group
    }
    const spot = spots[needing.indexOf(group)]
    if (!spot) return { ...group, zoneId: null }
    const zoneId = createZone(content, {
      title,
      prompt: style.prompt,
      ...spot,
      ...(style.color ? { color: style.color } : {}),
    })
    return { ...group, zoneId }
  })
  return { ...step, groups }
}

/**
 * The "allen" step: every group's chosen insight not yet gathered is copied into `zoneId` with
 * the group's name as its author line ("Groepje 3: Anouk, Sjoerd"), ready for voting. Returns the
 * steps with `gatheredNoteId` set where a copy was made.
 */
export function gatherInsights(
  content: Y.Doc,
  steps: readonly GroupStep[],
  zoneId: string,
  language: 'nl' | 'en',
  roundId: string,
): GroupStep[] {
  const changed: GroupStep[] = []
  for (const step of steps) {
    let touched = false
    const groups = step.groups.map((group) => {
      if (group.insightNoteId === null || group.gatheredNoteId !== null) return group
      const source = getNote(content, group.insightNoteId)
      if (!source) return group
      const copyId = createNote(content, {
        x: 0,
        y: 0,
        text: source.text,
        color: source.color,
        zoneId,
        roundId,
        authorId: `groepje-${group.id}`,
        authorName: groupSpaceTitle(group, groupWord(language)),
      })
      placeNoteInZone(content, copyId, zoneId)
      touched = true
      return { ...group, gatheredNoteId: copyId }
    })
    if (touched) changed.push({ ...step, groups })
  }
  if (changed.length > 0) fitZonesToNotes(content, new Set([zoneId]))
  return changed
}
