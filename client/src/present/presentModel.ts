import {
  type FollowState,
  type NoteData,
  type RoundData,
  type ZoneData,
  zoneAtPoint,
} from '../../../shared/src/model'

/**
 * What the projector ("Presenteren") shows, decided from the board and the session alone, so it
 * can be tested without a browser. The projector follows what the facilitator leads:
 *   1. "Iedereen naar mij": the question in the middle of the facilitator's view;
 *   2. else the current round's questions (running, paused or just ended);
 *   3. else the board's questions as an overview (titles only: 60 notes do not fit readably).
 */

// Same words as the report's central question (shared/src/report/buildReport.ts).
const CENTRAL_QUESTION_TITLE = /centrale vraag|hoofdvraag|kernvraag|central question|main question/i

export interface PresentQuestion {
  zone: ZoneData
  /** Newest first: a new note appears at the top, where the room is looking. */
  notes: NoteData[]
}

export interface PresentModel {
  /** The session's central question (its zone's prompt, else its title), or null. */
  centralQuestion: string | null
  /** 'follow' and 'round' show notes; 'overview' lists the questions without notes. */
  source: 'follow' | 'round' | 'overview'
  questions: PresentQuestion[]
}

export function centralZone(zones: readonly ZoneData[]): ZoneData | null {
  return zones.find((zone) => CENTRAL_QUESTION_TITLE.test(zone.title)) ?? null
}

function withNotes(zone: ZoneData, notes: readonly NoteData[]): PresentQuestion {
  const own = notes.filter((note) => note.zoneId === zone.id && note.text.trim() !== '')
  // createdAt first; the id breaks ties so the order never flickers between renders.
  own.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
  return { zone, notes: own }
}

export function presentModel(input: {
  zones: readonly ZoneData[]
  notes: readonly NoteData[]
  round: RoundData | null
  follow: FollowState | null
}): PresentModel {
  const { zones, notes, round, follow } = input
  const central = centralZone(zones)
  const centralQuestion = central ? central.prompt.trim() || central.title.trim() || null : null
  const questions = zones.filter((zone) => zone.id !== central?.id)

  if (follow) {
    const led = zoneAtPoint(questions, follow.viewport.x, follow.viewport.y)
    if (led) return { centralQuestion, source: 'follow', questions: [withNotes(led, notes)] }
  }
  if (round) {
    const inRound = round.zoneIds
      .map((id) => questions.find((zone) => zone.id === id))
      .filter((zone): zone is ZoneData => zone !== undefined)
    if (inRound.length > 0)
      return { centralQuestion, source: 'round', questions: inRound.map((zone) => withNotes(zone, notes)) }
  }
  return {
    centralQuestion,
    source: 'overview',
    questions: questions.map((zone) => ({ zone, notes: [] })),
  }
}

/** The note ids that are new since `seen` (the ids already shown); the first render has none. */
export function newNoteIds(seen: ReadonlySet<string> | null, notes: readonly NoteData[]): string[] {
  if (seen === null) return []
  return notes.filter((note) => !seen.has(note.id)).map((note) => note.id)
}

/** "/b/<id>#token=…" → "/b/<id>?present#token=…": the viewer link, opened as a projector. */
export function presentUrl(viewerUrl: string): string {
  // The server gives an absolute link; the hash (the viewer token) stays as it is.
  const url = new URL(viewerUrl)
  url.search = '?present'
  return url.toString()
}

export function isPresentMode(search: string): boolean {
  return new URLSearchParams(search).has('present')
}
