import type { NoteData, ZoneData } from '../../../shared/src/model'

export interface ListSectionData {
  zoneId: string | null
  title: string
  prompt: string
  notes: NoteData[]
  drafts: NoteData[]
}

/**
 * The list view's cards: one per question, and one for notes outside every question (only when
 * there are any). During a round, the round's questions come first, in the round's order; the
 * other questions are `rest` (the list folds them away). Notes and private notes go to the card of
 * their question.
 */
export function listSections(input: {
  zones: readonly ZoneData[]
  notes: readonly NoteData[]
  drafts: readonly NoteData[]
  roundZoneIds: readonly string[]
  untitled: string
  looseTitle: string
}): { round: ListSectionData[]; rest: ListSectionData[] } {
  const { zones, notes, drafts, roundZoneIds } = input
  const zoneIds = new Set(zones.map((zone) => zone.id))
  const inZone = (zoneId: string | null) => (item: NoteData) => item.zoneId === zoneId
  const all: ListSectionData[] = zones.map((zone) => ({
    zoneId: zone.id,
    title: zone.title || input.untitled,
    prompt: zone.prompt,
    notes: notes.filter(inZone(zone.id)),
    drafts: drafts.filter(inZone(zone.id)),
  }))
  const outside = (item: NoteData) => !item.zoneId || !zoneIds.has(item.zoneId)
  const looseNotes = notes.filter(outside)
  const looseDrafts = drafts.filter(outside)
  if (looseNotes.length > 0 || looseDrafts.length > 0 || zones.length === 0) {
    all.push({ zoneId: null, title: input.looseTitle, prompt: '', notes: looseNotes, drafts: looseDrafts })
  }
  const inRound = roundZoneIds.filter((id) => zoneIds.has(id))
  if (inRound.length === 0) return { round: all, rest: [] }
  const round = inRound.flatMap((id) => all.filter((section) => section.zoneId === id))
  // Cards outside the round that hold private notes stay in sight: they are still being written.
  const others = all.filter((section) => !inRound.includes(section.zoneId ?? ''))
  return {
    round: [...round, ...others.filter((section) => section.drafts.length > 0)],
    rest: others.filter((section) => section.drafts.length === 0),
  }
}
