import * as Y from 'yjs'
import { lockedIds, setLocked } from '../../../shared/src/model/facilitation'
import { readLookback, writeLookbackEntry } from '../../../shared/src/model/lookback'
import type { Language } from '../../../shared/src/model/meta'
import { createNote, getNote, NOTE_DEFAULT_SIZE } from '../../../shared/src/model/notes'
import { flowPositions, NOTE_GAP, neededZoneHeight, ZONE_PADDING } from '../../../shared/src/model/placement'
import { createZone, listZones, updateZone, type ZoneData } from '../../../shared/src/model/zones'
import type { InitialDocs } from '../boards/initialDocs'

/**
 * The first state of a community's next session (issue 19), on top of the documents its template
 * (or the last session's zones and script) gave: the central question, and the Terugblik — one
 * locked note per action still open, in a zone at the top of the board. Pure: documents in,
 * documents out, before anyone has a link to the board.
 */

export interface OpenAction {
  id: string
  who: string
  what: string
  when: string
  /** The session that agreed it (1, 2, …); 0 when unknown. */
  sourcePosition: number
}

/** Author of the Terugblik's notes: no participant's id, so no participant may edit them. */
export const LOOKBACK_AUTHOR_ID = 'terugblik'

const WORDS = {
  nl: {
    lookbackTitle: 'Terugblik',
    /** The note's author line: where the agreement was made ("van sessie 1"). */
    fromSession: (position: number) => (position > 0 ? `sessie ${position}` : 'Terugblik'),
    lookbackPrompt:
      'Wat is er gebeurd met de afspraken van vorige keer? Zet bij elk briefje: gedaan, loopt of niet gelukt.',
    questionTitle: 'Centrale vraag',
    who: 'Wie',
    what: 'Wat',
    when: 'Wanneer',
  },
  en: {
    lookbackTitle: 'Look back',
    fromSession: (position: number) => (position > 0 ? `session ${position}` : 'Look back'),
    lookbackPrompt:
      'What happened to the agreements of last time? Mark each note: done, ongoing or did not work out.',
    questionTitle: 'Central question',
    who: 'Who',
    what: 'What',
    when: 'When',
  },
} as const satisfies Record<Language, Record<string, string | ((position: number) => string)>>

/**
 * The zones of a session that are its Terugblik: those holding its lookback notes, and a locked
 * zone with the Terugblik's title (its notes may have been deleted). A next session made from this
 * one leaves them out: it gets a Terugblik of its own.
 */
export function lookbackZoneIds(content: Y.Doc, control: Y.Doc): Set<string> {
  const ids = new Set<string>()
  for (const noteId of readLookback(control).keys()) {
    const zoneId = getNote(content, noteId)?.zoneId
    if (zoneId) ids.add(zoneId)
  }
  const locked = lockedIds(control)
  const titles = new Set<string>([WORDS.nl.lookbackTitle, WORDS.en.lookbackTitle])
  for (const zone of listZones(content)) if (locked.has(zone.id) && titles.has(zone.title)) ids.add(zone.id)
  return ids
}

/** The titles the report reads as the central question (shared/src/report/buildReport.ts). */
const CENTRAL_QUESTION_TITLE = /centrale vraag|hoofdvraag|kernvraag|central question|main question/i

/** Room between the zones the server puts on top and the template's zones. */
const BAND_GAP = 40
/** Wide enough for three notes side by side, whatever the template's width. */
const MIN_BAND_WIDTH = 3 * NOTE_DEFAULT_SIZE.width + 2 * NOTE_GAP + 2 * ZONE_PADDING
const QUESTION_HEIGHT = 160

/** "Wie: Fatima\nWat: flyer maken\nWanneer: 1 april" (the Terugblik note of an action). */
export function lookbackNoteText(action: OpenAction, language: Language): string {
  const words = WORDS[language]
  return `${words.who}: ${action.who}\n${words.what}: ${action.what}\n${words.when}: ${action.when}`
}

/**
 * A new zone above every other: the others move down by its height plus a gap, so nothing
 * overlaps and the reading order starts with it. Returns the zone.
 */
function addZoneOnTop(
  content: Y.Doc,
  input: { title: string; prompt: string; height: (zone: ZoneData) => number; color?: string },
): ZoneData {
  const zones = listZones(content)
  const left = zones.length > 0 ? Math.min(...zones.map((zone) => zone.x)) : 0
  const top = zones.length > 0 ? Math.min(...zones.map((zone) => zone.y)) : 0
  const right = zones.length > 0 ? Math.max(...zones.map((zone) => zone.x + zone.width)) : left
  const firstOrder = zones.length > 0 ? Math.min(...zones.map((zone) => zone.order)) : 0
  const draft: ZoneData = {
    id: '',
    title: input.title,
    prompt: input.prompt,
    x: left,
    y: top,
    width: Math.max(MIN_BAND_WIDTH, right - left),
    height: 1,
    color: input.color ?? '#f4f1ea',
    order: firstOrder - 1,
  }
  const height = Math.ceil(input.height(draft))
  for (const zone of zones) updateZone(content, zone.id, { y: zone.y + height + BAND_GAP })
  const { id: _none, ...fields } = draft
  const id = createZone(content, { ...fields, height })
  return { ...draft, id, height }
}

function addLookback(
  content: Y.Doc,
  control: Y.Doc,
  actions: readonly OpenAction[],
  language: Language,
): void {
  const words = WORDS[language]
  const notes = actions.map((action, index) => ({ id: `n${index}`, ...NOTE_DEFAULT_SIZE, action }))
  let positions = new Map<string, { x: number; y: number }>()
  const zone = addZoneOnTop(content, {
    title: words.lookbackTitle,
    prompt: words.lookbackPrompt,
    color: '#e8f0fb',
    height: (draft) => {
      positions = flowPositions(draft, notes)
      const rects = notes.map((note) => ({ ...NOTE_DEFAULT_SIZE, ...(positions.get(note.id) ?? draft) }))
      return neededZoneHeight({ ...draft, height: 1 }, rects)
    },
  })
  // The header height depends on the zone's width only, so the positions computed for the draft hold.
  const createdAt = Date.now()
  for (const note of notes) {
    const at = positions.get(note.id) ?? { x: zone.x, y: zone.y }
    const noteId = createNote(content, {
      x: at.x,
      y: at.y,
      text: lookbackNoteText(note.action, language),
      zoneId: zone.id,
      authorId: LOOKBACK_AUTHOR_ID,
      // Read as "van sessie 1" under the note: the list view and the canvas name a note's writer.
      authorName: words.fromSession(note.action.sourcePosition),
      createdAt,
    })
    setLocked(control, noteId, true)
    writeLookbackEntry(control, noteId, { actionId: note.action.id })
  }
  // Participants add nothing to the Terugblik: its notes are the actions, one each.
  setLocked(control, zone.id, true)
}

function setQuestion(content: Y.Doc, question: string, language: Language): void {
  const named = listZones(content).find((zone) => CENTRAL_QUESTION_TITLE.test(zone.title))
  if (named) {
    updateZone(content, named.id, { prompt: question })
    return
  }
  addZoneOnTop(content, {
    title: WORDS[language].questionTitle,
    prompt: question,
    height: () => QUESTION_HEIGHT,
  })
}

/** The template's documents with the question and the Terugblik added. */
export function buildNextSessionDocs(
  base: InitialDocs,
  extra: { language: Language; question?: string | undefined; openActions: readonly OpenAction[] },
): InitialDocs {
  const content = new Y.Doc()
  const control = new Y.Doc()
  Y.applyUpdate(content, base.content)
  Y.applyUpdate(control, base.control)
  content.transact(() =>
    control.transact(() => {
      if (extra.openActions.length > 0) addLookback(content, control, extra.openActions, extra.language)
      // Added last, so the question is on top, above the Terugblik.
      if (extra.question) setQuestion(content, extra.question, extra.language)
    }),
  )
  return { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) }
}
