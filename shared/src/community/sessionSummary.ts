import type * as Y from 'yjs'
import { listGroupSteps } from '../groups/peopleGroups'
import type { Language } from '../model/meta'
import { listRounds } from '../model/rounds'
import { listRoundLog } from '../model/session'
import { buildReport } from '../report/buildReport'
import { topVoted } from '../report/ranking'
import type { ReportModel, ReportNote } from '../report/types'
import { analyseText } from '../suggest/text'
import { isLookbackZone } from './actionHistory'

/**
 * What a community (issue 19) knows of one of its sessions: the page's summary, the search
 * entries and what the Jaaroverzicht reads. Pure: made from the session's two documents through
 * the same `buildReport` as the verslag, so the summary never disagrees with the session's report.
 */

export type SessionStatus = 'planned' | 'running' | 'ended'

/** The same shape as the storage's `SearchEntry` (server/src/persistence/communityTypes.ts). */
export interface SessionSearchEntry {
  boardId: string
  /** The note's id; `insights` for the begeleider's "Belangrijkste inzichten". */
  noteId: string
  kind: 'note' | 'agreement' | 'insight'
  text: string
  /** Dutch Snowball stems of the text, space-separated (shared/src/suggest/text.ts). */
  stems: string
}

export interface SessionAgreement {
  noteId: string
  who: string
  what: string
  when: string
}

export interface SessionSummary {
  boardId: string
  title: string
  language: Language
  /** When the session took place (the report's date: first round start, else first note, else creation). */
  sessionDate: number
  question: string | null
  status: SessionStatus
  /** People who took part (the report's count, facilitators not included). */
  participants: number
  /** At most three, the verslag's ranking: most votes first; notes without votes never count. */
  topNotes: { text: string; votes: number }[]
  agreements: SessionAgreement[]
  /** The begeleider's insights (one per line) and the groepjes' "ons inzicht" notes. */
  insights: string[]
  /** Names of the note groups (clusters), for the recurring themes of the Jaaroverzicht. */
  groupNames: string[]
  searchEntries: SessionSearchEntry[]
}

/** The note id of the begeleider's insights in the search index (not a note on the board). */
export const HARVEST_INSIGHTS_ID = 'insights'

const TOP_NOTES = 3

/**
 * planned: no round ever started and nobody wrote a note; ended: no round is running and the
 * script's last round has run (the script ran to its end, or the begeleider ended the last round);
 * otherwise running. A session held without rounds (people wrote notes, nobody pressed Start) is
 * ended, not planned: the Jaaroverzicht said "nog niet gehouden" of a board full of notes.
 */
export function sessionStatus(control: Y.Doc, hasOwnNotes: boolean): SessionStatus {
  const log = listRoundLog(control)
  if (log.length === 0) return hasOwnNotes ? 'ended' : 'planned'
  if (log.some((run) => run.endedAt === null)) return 'running'
  const last = listRounds(control).at(-1)
  if (!last) return 'ended'
  return log.some((run) => run.roundId === last.id) ? 'ended' : 'running'
}

/**
 * The report's count, except that without a record of who joined it counts the notes' writers,
 * and the Terugblik's notes are written by the server, not by someone who took part.
 */
function participantCount(model: ReportModel, ownNotes: readonly ReportNote[]): number {
  if (model.session.participantsEverJoined.length > 0) return model.participants.count
  const writers = new Set(ownNotes.map((note) => note.authorId ?? ''))
  const anonymous = writers.delete('')
  return Math.max(writers.size, anonymous ? 1 : 0)
}

/** Lines of the begeleider's insights, list markers ("- ", "• ", "1. ") taken off. */
function insightLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d{1,2}[.)])\s+/, '').trim())
    .filter((line) => line !== '')
}

function stemsOf(text: string): string {
  return analyseText(text).stems.join(' ')
}

/**
 * The groepjes' "ons inzicht" notes (issue 18), with their copies in the plenary zone: both are
 * indexed as insights, and each insight is listed once.
 */
function groupInsights(control: Y.Doc, model: ReportModel): { noteIds: string[]; texts: string[] } {
  const textOf = new Map(model.notes.map((note) => [note.id, note.text]))
  const noteIds: string[] = []
  const texts: string[] = []
  for (const step of listGroupSteps(control)) {
    for (const group of step.groups) {
      if (!group.insightNoteId) continue
      const text = textOf.get(group.insightNoteId)?.trim()
      if (!text) continue
      noteIds.push(group.insightNoteId)
      if (group.gatheredNoteId) noteIds.push(group.gatheredNoteId)
      if (!texts.includes(text)) texts.push(text)
    }
  }
  return { noteIds, texts }
}

/**
 * The report's central question, except that the Terugblik's instruction is never the question: a
 * next session without a "Centrale vraag" zone has the Terugblik as its first zone.
 */
function sessionQuestion(model: ReportModel, lookback: ReadonlySet<string>): string | null {
  const asked = model.centralQuestion
  const lookbackPrompts = model.zones
    .filter((zone) => lookback.has(zone.id))
    .map((zone) => zone.prompt.trim())
  if (asked === null || !lookbackPrompts.includes(asked)) return asked
  const first = model.zones.find((zone) => !lookback.has(zone.id))?.prompt.trim()
  return first ? first : null
}

/** The session's summary from its documents (content and control, as stored). */
export function summariseSession(
  boardId: string,
  content: Y.Doc,
  control: Y.Doc,
  options: { now?: number; timeZone?: string } = {},
): SessionSummary {
  const model = buildReport(content, control, { ...options, compact: false })
  const agreements: SessionAgreement[] = model.sections
    .filter((section) => section.kind === 'agreements')
    .flatMap((section) => section.agreements)
    .map(({ noteId, who, what, when }) => ({ noteId, who, what, when }))
  const harvestInsights = insightLines(model.harvest.insights)
  const fromGroups = groupInsights(control, model)
  const insights = [...harvestInsights, ...fromGroups.texts]

  // Each note is indexed once: an agreement or a groepje's insight under that kind, else as a note.
  const kindOf = new Map<string, SessionSearchEntry['kind']>()
  for (const agreement of agreements) kindOf.set(agreement.noteId, 'agreement')
  for (const noteId of fromGroups.noteIds) kindOf.set(noteId, 'insight')
  // The look-back's notes are copies of earlier agreements (the server writes them): not this session's harvest.
  const lookback = new Set(model.zones.filter((zone) => isLookbackZone(zone.title)).map((zone) => zone.id))
  const ownNotes = model.notes.filter((note) => note.zoneId === null || !lookback.has(note.zoneId))
  const searchEntries: SessionSearchEntry[] = []
  for (const note of ownNotes) {
    if (note.text.trim() === '') continue
    const kind = kindOf.get(note.id) ?? 'note'
    searchEntries.push({ boardId, noteId: note.id, kind, text: note.text, stems: stemsOf(note.text) })
  }
  const harvestText = model.harvest.insights.trim()
  if (harvestText) {
    searchEntries.push({
      boardId,
      noteId: HARVEST_INSIGHTS_ID,
      kind: 'insight',
      text: harvestText,
      stems: stemsOf(harvestText),
    })
  }

  return {
    boardId,
    title: model.title,
    language: model.language,
    sessionDate: model.sessionDate,
    question: sessionQuestion(model, lookback),
    status: sessionStatus(control, ownNotes.length > 0),
    participants: participantCount(model, ownNotes),
    topNotes: topVoted(ownNotes, TOP_NOTES).map((note) => ({ text: note.text, votes: note.votes })),
    agreements,
    insights,
    groupNames: [...new Set(model.clusters.map((cluster) => cluster.name.trim()).filter(Boolean))],
    searchEntries,
  }
}
