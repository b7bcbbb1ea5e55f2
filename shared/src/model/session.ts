import * as Y from 'yjs'
import { notesRoot, type RecordMap, readNumber, readString, sessionRoot } from './schema'

/**
 * Session facts the harvest report needs, in the control document's `session` map (next to the
 * `rounds` script of rounds.ts), written only by facilitators:
 *   roundLog: Y.Array<Y.Map{ roundId, startedAt, endedAt | null }>  when rounds really ran
 *   voteResults: Y.Map<noteId, number>                               published vote tallies
 *   votingAnonymous: boolean
 *   facilitatorName: string
 *   participantsEverJoined: Y.Map<participantId, name>
 *   reportsShared: boolean                                            participants may download
 * and two fields on notes in the content document that tie a note to the session:
 *   anonymous: boolean (author hidden in UI and reports), roundId: string | null.
 *
 * The nested array and maps are created on first write, which is last-writer-wins between two
 * facilitators. `ensureSessionState` creates them all at once; boards should get it at creation,
 * like `ensureRounds`.
 */

const ROUND_LOG = 'roundLog'
const VOTE_RESULTS = 'voteResults'
const VOTING_ANONYMOUS = 'votingAnonymous'
const FACILITATOR_NAME = 'facilitatorName'
const PARTICIPANTS = 'participantsEverJoined'
/** participantId → true for everyone who joined as a facilitator (not counted as a participant). */
const FACILITATORS = 'facilitatorIds'
const REPORTS_SHARED = 'reportsShared'

export const PERSON_NAME_MAX_LENGTH = 60

export interface RoundLogEntry {
  roundId: string
  startedAt: number
  /** null while the round is still running. */
  endedAt: number | null
}

export interface Participant {
  id: string
  name: string
}

export interface SessionInfo {
  roundLog: RoundLogEntry[]
  voteResults: Record<string, number>
  votingAnonymous: boolean
  facilitatorName: string
  participantsEverJoined: Participant[]
  /** Ids among `participantsEverJoined` that joined as facilitators. */
  facilitatorIds: string[]
  reportsShared: boolean
}

/** The nested collections, created (replacing junk a foreign client wrote) when missing. */
function nestedArray(controlDoc: Y.Doc, key: string): Y.Array<unknown> {
  const existing = sessionRoot(controlDoc).get(key)
  if (existing instanceof Y.Array) return existing
  const created = new Y.Array<unknown>()
  sessionRoot(controlDoc).set(key, created)
  return created
}

function nestedMap(controlDoc: Y.Doc, key: string): Y.Map<unknown> {
  const existing = sessionRoot(controlDoc).get(key)
  if (existing instanceof Y.Map) return existing
  const created = new Y.Map<unknown>()
  sessionRoot(controlDoc).set(key, created)
  return created
}

const roundLogArray = (doc: Y.Doc) => nestedArray(doc, ROUND_LOG)
const voteResultsMap = (doc: Y.Doc) => nestedMap(doc, VOTE_RESULTS)
const participantsMap = (doc: Y.Doc) => nestedMap(doc, PARTICIPANTS)
const facilitatorsMap = (doc: Y.Doc) => nestedMap(doc, FACILITATORS)

/** Creates the session's nested collections when missing (see the race note above). */
export function ensureSessionState(controlDoc: Y.Doc): void {
  controlDoc.transact(() => {
    roundLogArray(controlDoc)
    voteResultsMap(controlDoc)
    participantsMap(controlDoc)
    facilitatorsMap(controlDoc)
  })
}

// ── round log ────────────────────────────────────────────────────────────────────────────────

/** Every run of every round in the order they started. Entries without a round id are skipped. */
export function listRoundLog(controlDoc: Y.Doc): RoundLogEntry[] {
  const array = sessionRoot(controlDoc).get(ROUND_LOG)
  if (!(array instanceof Y.Array)) return []
  const entries: RoundLogEntry[] = []
  for (const item of array.toArray()) {
    if (!(item instanceof Y.Map)) continue
    const roundId = readString(item, 'roundId', '')
    const startedAt = readNumber(item, 'startedAt', Number.NaN)
    if (roundId === '' || Number.isNaN(startedAt)) continue
    const endedAt = readNumber(item, 'endedAt', Number.NaN)
    // An end before the start is junk; reading it as "still open" is safer than a negative time.
    entries.push({
      roundId,
      startedAt,
      endedAt: Number.isNaN(endedAt) || endedAt < startedAt ? null : endedAt,
    })
  }
  return entries
}

/**
 * The round that was running at `time` (the last run that started at or before it and had not
 * ended), or null. A note that a client did not stamp with a round belongs to this one: see
 * docs/api.md, "Rounds". Runs are in start order, so the newest run wins an overlap.
 */
export function roundRunningAt(roundLog: readonly RoundLogEntry[], time: number): string | null {
  let found: string | null = null
  for (const run of roundLog) {
    if (run.startedAt <= time && (run.endedAt === null || time < run.endedAt)) found = run.roundId
  }
  return found
}

/** The round running now, from the control document's round log (null between rounds). */
export function currentRoundId(controlDoc: Y.Doc): string | null {
  const open = listRoundLog(controlDoc).filter((run) => run.endedAt === null)
  return open.at(-1)?.roundId ?? null
}

/** Appends a log entry as it is (import, replay). */
export function appendRoundLogEntry(controlDoc: Y.Doc, entry: RoundLogEntry): void {
  const item = new Y.Map<unknown>()
  controlDoc.transact(() => {
    item.set('roundId', entry.roundId)
    item.set('startedAt', entry.startedAt)
    item.set('endedAt', entry.endedAt)
    roundLogArray(controlDoc).push([item])
  })
}

/** Ends every open run (or only those of `roundId`) at `endedAt`. */
export function endRoundRun(controlDoc: Y.Doc, endedAt = Date.now(), roundId?: string): void {
  const array = sessionRoot(controlDoc).get(ROUND_LOG)
  if (!(array instanceof Y.Array)) return
  controlDoc.transact(() => {
    for (const item of array.toArray()) {
      if (!(item instanceof Y.Map) || typeof item.get('endedAt') === 'number') continue
      if (roundId !== undefined && item.get('roundId') !== roundId) continue
      item.set('endedAt', Math.max(endedAt, readNumber(item, 'startedAt', endedAt)))
    }
  })
}

/** Starts a run of a round; a round still running ends at the same moment (one round at a time). */
export function startRoundRun(controlDoc: Y.Doc, roundId: string, startedAt = Date.now()): void {
  controlDoc.transact(() => {
    endRoundRun(controlDoc, startedAt)
    appendRoundLogEntry(controlDoc, { roundId, startedAt, endedAt: null })
  })
}

// ── votes ────────────────────────────────────────────────────────────────────────────────────

/** Published tallies; only whole, non-negative numbers count. */
export function readVoteResults(controlDoc: Y.Doc): Record<string, number> {
  const map = sessionRoot(controlDoc).get(VOTE_RESULTS)
  // No prototype: a note id such as "__proto__" or "constructor" is a key like any other.
  const results: Record<string, number> = Object.create(null)
  if (!(map instanceof Y.Map)) return results
  map.forEach((value: unknown, noteId: string) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) results[noteId] = value
  })
  return results
}

/** Replaces the published tallies by `tallies` (notes left out no longer have a result). */
export function publishVoteResults(controlDoc: Y.Doc, tallies: Record<string, number>): void {
  controlDoc.transact(() => {
    const map = voteResultsMap(controlDoc)
    // Own keys only: `in` would keep "constructor" from any plain object's prototype.
    for (const noteId of [...map.keys()]) if (!Object.hasOwn(tallies, noteId)) map.delete(noteId)
    for (const [noteId, count] of Object.entries(tallies)) {
      const value = Math.max(0, Math.round(Number.isFinite(count) ? count : 0))
      if (map.get(noteId) !== value) map.set(noteId, value)
    }
  })
}

// ── plain flags and names ────────────────────────────────────────────────────────────────────

export function getVotingAnonymous(controlDoc: Y.Doc): boolean {
  return sessionRoot(controlDoc).get(VOTING_ANONYMOUS) === true
}

export function setVotingAnonymous(controlDoc: Y.Doc, value: boolean): void {
  sessionRoot(controlDoc).set(VOTING_ANONYMOUS, value)
}

export function getReportsShared(controlDoc: Y.Doc): boolean {
  return sessionRoot(controlDoc).get(REPORTS_SHARED) === true
}

export function setReportsShared(controlDoc: Y.Doc, value: boolean): void {
  sessionRoot(controlDoc).set(REPORTS_SHARED, value)
}

export function getFacilitatorName(controlDoc: Y.Doc): string {
  return readString(sessionRoot(controlDoc), FACILITATOR_NAME, '').slice(0, PERSON_NAME_MAX_LENGTH)
}

export function setFacilitatorName(controlDoc: Y.Doc, name: string): void {
  sessionRoot(controlDoc).set(FACILITATOR_NAME, name.slice(0, PERSON_NAME_MAX_LENGTH))
}

/** Remembers that a participant joined (the latest name wins when someone renames). */
export function recordParticipantJoined(controlDoc: Y.Doc, participantId: string, name: string): void {
  if (participantId.length === 0) return
  const value = name.slice(0, PERSON_NAME_MAX_LENGTH)
  controlDoc.transact(() => {
    const map = participantsMap(controlDoc)
    if (map.get(participantId) !== value) map.set(participantId, value)
  })
}

/** Marks someone who joined as a facilitator, so the report names them as such, not as a participant. */
export function recordFacilitatorJoined(controlDoc: Y.Doc, participantId: string): void {
  if (participantId.length === 0) return
  controlDoc.transact(() => {
    const map = facilitatorsMap(controlDoc)
    if (map.get(participantId) !== true) map.set(participantId, true)
  })
}

/** Ids of everyone who joined as a facilitator, sorted. */
export function listFacilitatorIds(controlDoc: Y.Doc): string[] {
  const map = sessionRoot(controlDoc).get(FACILITATORS)
  if (!(map instanceof Y.Map)) return []
  return [...map.keys()].filter((id) => id.length > 0 && map.get(id) === true).sort()
}

/** Everyone who ever joined, sorted by name (then id) so every client lists them alike. */
export function listParticipantsEverJoined(controlDoc: Y.Doc): Participant[] {
  const map = sessionRoot(controlDoc).get(PARTICIPANTS)
  if (!(map instanceof Y.Map)) return []
  const participants: Participant[] = []
  map.forEach((name: unknown, id: string) => {
    if (id.length > 0) participants.push({ id, name: typeof name === 'string' ? name : '' })
  })
  return participants.sort(
    (a, b) => a.name.localeCompare(b.name, 'nl', { numeric: true }) || a.id.localeCompare(b.id),
  )
}

/** Everything above in one read (the report and the export dialog use this). */
export function readSessionInfo(controlDoc: Y.Doc): SessionInfo {
  return {
    roundLog: listRoundLog(controlDoc),
    voteResults: readVoteResults(controlDoc),
    votingAnonymous: getVotingAnonymous(controlDoc),
    facilitatorName: getFacilitatorName(controlDoc),
    participantsEverJoined: listParticipantsEverJoined(controlDoc),
    facilitatorIds: listFacilitatorIds(controlDoc),
    reportsShared: getReportsShared(controlDoc),
  }
}

// ── note fields that tie a note to the session ───────────────────────────────────────────────

export function readNoteAnonymous(note: RecordMap): boolean {
  return note.get('anonymous') === true
}

export function readNoteRoundId(note: RecordMap): string | null {
  const value = note.get('roundId')
  return typeof value === 'string' && value.length > 0 ? value : null
}

export function setNoteAnonymous(doc: Y.Doc, noteId: string, anonymous: boolean): void {
  const note = notesRoot(doc).get(noteId)
  if (note instanceof Y.Map && readNoteAnonymous(note) !== anonymous) note.set('anonymous', anonymous)
}

export function setNoteRound(doc: Y.Doc, noteId: string, roundId: string | null): void {
  const note = notesRoot(doc).get(noteId)
  if (note instanceof Y.Map && readNoteRoundId(note) !== roundId) note.set('roundId', roundId)
}
