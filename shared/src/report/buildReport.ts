import * as Y from 'yjs'
import { type SessionCommunityInput, sessionCommunityPart } from '../community/sessionHistory'
import { groupSpaceTitle, inbrengerOf, listGroupSteps, notulistOf } from '../groups/peopleGroups'
import { type ClusterData, listClusters, readNoteClusterId } from '../model/clusters'
import { readHarvestNotes } from '../model/harvestNotes'
import { readLookback } from '../model/lookback'
import { readBoardMeta } from '../model/meta'
import { NOTE_MAX_TEXT_LENGTH, readNote } from '../model/notes'
import { readNoteReactions } from '../model/reactions'
import { listRounds } from '../model/rounds'
import { notesRoot } from '../model/schema'
import {
  type RoundLogEntry,
  readNoteAnonymous,
  readNoteRoundId,
  readSessionInfo,
  roundRunningAt,
} from '../model/session'
import { listShapes } from '../model/shapes'
import { DEFAULT_ZONE_COLOR, listZones, type ZoneData } from '../model/zones'
import { readMergedCount } from '../suggest/merge'
import { isAgreementsZone, parseAgreement } from './agreements'
import { reportLabels } from './labels'
import { findPrivacyFlags, type NameMode, pseudonymiseNames, redactText } from './privacy'
import { cleanText } from './text'
import {
  type PrivacyFlag,
  REPORT_MODEL_VERSION,
  type ReportGroup,
  type ReportGroupStep,
  type ReportModel,
  type ReportNote,
  type ReportRound,
  type ReportSection,
} from './types'

export interface BuildReportOptions {
  /** Replace phone numbers, e-mail addresses and postcodes with house numbers by "[verwijderd]". */
  redact?: boolean
  /** Participant names as written, as initials or as "Deelnemer 1…" (privacy/names.ts). */
  names?: NameMode
  /** Only this zone (for a picture or a hand-out of one question). */
  zoneId?: string | null
  /**
   * Compact report (groups plus the top notes per question, the rest in the appendix): true,
   * false, or undefined/null to choose by size (more than COMPACT_ABOVE_NOTES notes).
   */
  compact?: boolean | null
  /**
   * The community's actions and sessions when the board is a session of one (issue 19): the
   * verslag then shows its Terugblik and what became of its agreements. Read from storage by the
   * server; the report stays pure.
   */
  community?: SessionCommunityInput | null
  /** "Now" for the report's date stamp; tests pass a fixed value. */
  now?: number
  timeZone?: string
}

export class UnknownZoneError extends Error {}

/** Above this many notes a report is compact unless asked otherwise: 89 pages read like nobody's verslag. */
export const COMPACT_ABOVE_NOTES = 200

const CENTRAL_QUESTION_TITLE = /centrale vraag|hoofdvraag|kernvraag|central question|main question/i

/** Notes as they leave the board: clean text, author withheld when anonymous. */
function readReportNotes(
  content: Y.Doc,
  votes: ReadonlyMap<string, number>,
  roundLog: readonly RoundLogEntry[],
): ReportNote[] {
  const notes: ReportNote[] = []
  notesRoot(content).forEach((map, id) => {
    if (!(map instanceof Y.Map)) return
    const note = readNote(id, map)
    const anonymous = readNoteAnonymous(map)
    notes.push({
      id,
      text: cleanText(note.text.slice(0, NOTE_MAX_TEXT_LENGTH)),
      anonymous,
      authorId: anonymous ? null : note.authorId,
      authorName: anonymous ? null : note.authorName,
      ...(typeof map.get('enteredBy') === 'string' ? { enteredBy: true } : {}),
      ...(readMergedCount(map) > 1 ? { mergedCount: readMergedCount(map) } : {}),
      color: note.color,
      x: note.x,
      y: note.y,
      width: note.width,
      height: note.height,
      zoneId: note.zoneId,
      clusterId: readNoteClusterId(map),
      roundId: readNoteRoundId(map) ?? roundRunningAt(roundLog, note.createdAt),
      createdAt: note.createdAt,
      z: note.z,
      votes: votes.get(id) ?? 0,
      reactions: readNoteReactions(map),
    })
  })
  return notes.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** Who wrote what, read separately because ReportNote never carries an anonymous author. */
function authorsById(content: Y.Doc): Map<string, string> {
  const authors = new Map<string, string>()
  notesRoot(content).forEach((map, id) => {
    if (map instanceof Y.Map) authors.set(id, readNote(id, map).authorId)
  })
  return authors
}

/** Distinct authors; notes revealed anonymously have no author id and make the count a minimum. */
function countAuthors(
  notes: ReportNote[],
  authors: Map<string, string>,
): { participantCount: number; participantCountIsMinimum: boolean } {
  const ids = notes.map((note) => authors.get(note.id) ?? '')
  const known = new Set(ids.filter((id) => id !== ''))
  const unknown = ids.some((id) => id === '')
  return { participantCount: Math.max(known.size, unknown ? 1 : 0), participantCountIsMinimum: unknown }
}

const byVotesThenTime = (a: ReportNote, b: ReportNote) =>
  b.votes - a.votes || a.createdAt - b.createdAt || a.id.localeCompare(b.id)

function groupNotes(notes: ReportNote[], clusters: Map<string, ClusterData>): ReportGroup[] {
  const byCluster = new Map<string, ReportNote[]>()
  const loose: ReportNote[] = []
  for (const note of notes) {
    const cluster = note.clusterId ? clusters.get(note.clusterId) : undefined
    if (!cluster) {
      loose.push(note)
      continue
    }
    const list = byCluster.get(cluster.id)
    if (list) list.push(note)
    else byCluster.set(cluster.id, [note])
  }
  const sum = (list: ReportNote[]) => list.reduce((total, note) => total + note.votes, 0)
  const groups: ReportGroup[] = [...byCluster.entries()].map(([id, list]) => ({
    cluster: clusters.get(id) ?? null,
    notes: list.sort(byVotesThenTime),
    votes: sum(list),
  }))
  groups.sort(
    (a, b) =>
      b.votes - a.votes ||
      (a.cluster?.createdAt ?? 0) - (b.cluster?.createdAt ?? 0) ||
      (a.cluster?.id ?? '').localeCompare(b.cluster?.id ?? ''),
  )
  if (loose.length > 0) groups.push({ cluster: null, notes: loose.sort(byVotesThenTime), votes: sum(loose) })
  return groups
}

function section(
  kind: ReportSection['kind'],
  zone: ZoneData | null,
  notes: ReportNote[],
  clusters: Map<string, ClusterData>,
): ReportSection {
  const groups = groupNotes(notes, clusters)
  const ordered = groups.flatMap((group) => group.notes)
  return {
    kind,
    zone,
    groups,
    noteCount: notes.length,
    agreements: kind === 'agreements' ? ordered.map((note) => parseAgreement(note.id, note.text)) : [],
  }
}

function insideZone(shape: { x: number; y: number; kind: string }, zone: ZoneData): boolean {
  return (
    shape.kind !== 'connector' &&
    shape.x >= zone.x &&
    shape.y >= zone.y &&
    shape.x <= zone.x + zone.width &&
    shape.y <= zone.y + zone.height
  )
}

/** Zone text made XML-safe; a colour that is not "#rrggbb" (it ends up in SVG and DOCX) becomes the default. */
function cleanZone(zone: ZoneData): ZoneData {
  return {
    ...zone,
    title: cleanText(zone.title),
    prompt: cleanText(zone.prompt),
    color: /^#[0-9a-fA-F]{6}$/.test(zone.color) ? zone.color : DEFAULT_ZONE_COLOR,
  }
}

function centralQuestion(zones: ZoneData[]): string | null {
  const named = zones.find((zone) => CENTRAL_QUESTION_TITLE.test(zone.title))
  const text = named ? named.prompt.trim() || named.title.trim() : (zones[0]?.prompt.trim() ?? '')
  return text === '' ? null : text
}

/** The report and the privacy flags found in the notes (before redaction). */
export function buildReportWithFlags(
  content: Y.Doc,
  control: Y.Doc,
  options: BuildReportOptions = {},
): { model: ReportModel; flags: PrivacyFlag[] } {
  const meta = readBoardMeta(content)
  const labels = reportLabels(meta.language)
  const session = readSessionInfo(control)
  const harvest = readHarvestNotes(control)
  const allZones = listZones(content).map(cleanZone)
  const filterZone = options.zoneId ? allZones.find((zone) => zone.id === options.zoneId) : null
  if (options.zoneId && !filterZone) throw new UnknownZoneError(options.zoneId)
  const zones = filterZone ? [filterZone] : allZones
  const zoneIds = new Set(allZones.map((zone) => zone.id))

  // A Map, not the record: a note id such as "constructor" must not read a prototype member.
  const votes = new Map(Object.entries(session.voteResults))
  let notes = readReportNotes(content, votes, session.roundLog)
  if (filterZone) notes = notes.filter((note) => note.zoneId === filterZone.id)
  const flags = findPrivacyFlags(notes)
  if (options.redact) {
    const flagged = new Set(flags.map((flag) => flag.noteId))
    for (const note of notes) if (flagged.has(note.id)) note.text = redactText(note.text, labels.redactedMark)
  }
  const noteIds = new Set(notes.map((note) => note.id))
  const redactIfAsked = (text: string) => (options.redact ? redactText(text, labels.redactedMark) : text)

  const allClusters = listClusters(content).map((cluster) => ({ ...cluster, name: cleanText(cluster.name) }))
  const usedClusters = new Set(notes.map((note) => note.clusterId))
  const clusters = filterZone
    ? allClusters.filter((c) => c.zoneId === filterZone.id || usedClusters.has(c.id))
    : allClusters
  const clusterMap = new Map(clusters.map((cluster) => [cluster.id, cluster]))

  const sections: ReportSection[] = zones.map((zone) =>
    section(
      isAgreementsZone(zone) ? 'agreements' : 'zone',
      zone,
      notes.filter((note) => note.zoneId === zone.id),
      clusterMap,
    ),
  )
  const outside = notes.filter((note) => note.zoneId === null || !zoneIds.has(note.zoneId))
  if (outside.length > 0) sections.push(section('unzoned', null, outside, clusterMap))
  const community = options.community
    ? sessionCommunityPart(
        options.community,
        {
          lookbackActionIds: new Set([...readLookback(control).values()].map((entry) => entry.actionId)),
          agreementNoteIds: sections.flatMap((s) => s.agreements.map((agreement) => agreement.noteId)),
        },
        (text) => redactIfAsked(cleanText(text)),
      )
    : null

  const authors = authorsById(content)
  const script = listRounds(control).map((round) => ({
    ...round,
    title: cleanText(round.title),
    prompt: cleanText(round.prompt),
  }))
  const rounds: ReportRound[] = script.map((round) => {
    const runs = session.roundLog
      .filter((entry) => entry.roundId === round.id)
      .map(({ startedAt, endedAt }) => ({ startedAt, endedAt }))
    const finishedMs = runs.reduce(
      (ms, run) => ms + (run.endedAt === null ? 0 : run.endedAt - run.startedAt),
      0,
    )
    const written = notes.filter((note) => note.roundId === round.id)
    return {
      id: round.id,
      title: round.title,
      prompt: round.prompt,
      zoneIds: round.zoneIds,
      plannedMinutes: round.minutes,
      actualMinutes: runs.length === 0 ? null : Math.round(finishedMs / 60_000),
      running: runs.some((run) => run.endedAt === null),
      runs,
      privateWriting: round.privateWriting,
      voting: round.voting,
      noteCount: written.length,
      ...countAuthors(written, authors),
    }
  })

  // Who took part is part of the verslag; an anonymous note hides only its own authorship.
  const joined = session.participantsEverJoined.map((p) => ({ id: p.id, name: cleanText(p.name) }))
  // The facilitator is named as such; "participants" are the others who joined.
  const facilitatorIds = new Set(session.facilitatorIds)
  const participating = joined.filter((p) => !facilitatorIds.has(p.id))
  const allAuthors = countAuthors(notes, authors)
  const roundIds = new Set(script.map((round) => round.id))
  // A loop, not Math.min(...list): a spread over a huge list overflows the call stack.
  let firstRun = Number.POSITIVE_INFINITY
  for (const entry of session.roundLog) firstRun = Math.min(firstRun, entry.startedAt)
  const firstNote = notes[0]?.createdAt
  const sessionDate = Number.isFinite(firstRun) ? firstRun : (firstNote ?? meta.createdAt)

  const model: ReportModel = {
    version: REPORT_MODEL_VERSION,
    language: meta.language,
    title: cleanText(meta.title),
    boardCreatedAt: meta.createdAt,
    sessionDate: sessionDate || options.now || Date.now(),
    generatedAt: options.now ?? Date.now(),
    timeZone: options.timeZone ?? 'Europe/Amsterdam',
    facilitatorName: cleanText(session.facilitatorName),
    participants: {
      count: joined.length > 0 ? participating.length : allAuthors.participantCount,
      countIsMinimum: joined.length === 0 && allAuthors.participantCountIsMinimum,
      names: participating.map((p) => p.name).filter((name) => name.trim() !== ''),
    },
    centralQuestion: centralQuestion(allZones),
    redacted: options.redact === true,
    compact: options.compact ?? notes.length > COMPACT_ABOVE_NOTES,
    // The begeleider's own summary texts are redacted like notes: a phone number typed there is
    // as personal as one on a note.
    harvest: {
      insights: redactIfAsked(cleanText(harvest.insights)),
      followUp: redactIfAsked(cleanText(harvest.followUp)),
      nextMeeting: harvest.nextMeeting,
    },
    zoneFilter: filterZone?.id ?? null,
    zones,
    clusters,
    // A one-zone report keeps the annotations inside that zone.
    shapes: listShapes(content)
      .filter((shape) => !filterZone || insideZone(shape, filterZone))
      .map((shape) => ({ ...shape, text: cleanText(shape.text) })),
    notes,
    rounds,
    groupSteps: reportGroupSteps(control, script, notes, allZones),
    sections,
    ...(community ? { community } : {}),
    summary: {
      noteCount: notes.length,
      voteCount: notes.reduce((sum, note) => sum + note.votes, 0),
      reactionCount: notes.reduce(
        (sum, note) => sum + note.reactions.reduce((n, r) => n + r.participantIds.length, 0),
        0,
      ),
      anonymousNoteCount: notes.filter((note) => note.anonymous).length,
      notesPerSection: sections.map((s) => ({
        zoneId: s.zone?.id ?? null,
        title: s.zone?.title ?? labels.outsideZones,
        count: s.noteCount,
      })),
      participationPerRound: rounds.map((r) => ({
        roundId: r.id,
        title: r.title,
        notes: r.noteCount,
        participants: r.participantCount,
        participantsIsMinimum: r.participantCountIsMinimum,
      })),
      notesWithoutRound: notes.filter((note) => note.roundId === null || !roundIds.has(note.roundId)).length,
    },
    session: {
      rounds: script,
      roundLog: session.roundLog,
      voteResults: Object.fromEntries([...votes].filter(([id]) => noteIds.has(id))),
      votingAnonymous: session.votingAnonymous,
      reportsShared: session.reportsShared,
      participantsEverJoined: joined,
      facilitatorIds: session.facilitatorIds.filter((id) => joined.some((p) => p.id === id)),
    },
  }
  return { model: pseudonymiseNames(model, options.names ?? 'keep'), flags }
}

/** The board as a report model: the one thing every format renders. Pure: reads the docs only. */
export function buildReport(content: Y.Doc, control: Y.Doc, options: BuildReportOptions = {}): ReportModel {
  return buildReportWithFlags(content, control, options).model
}

/** Each group step of the session with its groepjes, their notes and insight (issue 18). */
function reportGroupSteps(
  control: Y.Doc,
  script: readonly { id: string; title: string }[],
  notes: readonly ReportNote[],
  zones: readonly ZoneData[],
): ReportGroupStep[] {
  const textOf = new Map(notes.map((note) => [note.id, note.text]))
  return listGroupSteps(control).map((step) => ({
    roundId: step.roundId,
    roundTitle: script.find((round) => round.id === step.roundId)?.title ?? '',
    size: step.size,
    groups: step.groups.map((group) => ({
      number: group.number,
      title: cleanText(zones.find((zone) => zone.id === group.zoneId)?.title ?? groupSpaceTitle(group)),
      members: group.members.map((member) => ({ id: member.id, name: cleanText(member.name) })),
      noteCount: group.zoneId ? notes.filter((note) => note.zoneId === group.zoneId).length : 0,
      insight: group.insightNoteId ? (textOf.get(group.insightNoteId) ?? null) : null,
      // Roles by member id, so the names shown are the members' (pseudonymised with them).
      inbrengerId: inbrengerOf(step, group)?.id ?? null,
      notulistId: notulistOf(step, group)?.id ?? null,
    })),
  }))
}
