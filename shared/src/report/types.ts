import type { NoteColor } from '../model/colors'
import type { HarvestNotes } from '../model/harvestNotes'
import type { ActionStatusName } from '../model/lookback'
import type { Language } from '../model/meta'
import type { ReactionEmoji } from '../model/reactions'
import type { RoundData } from '../model/rounds'
import type { Participant, RoundLogEntry } from '../model/session'
import type { ShapeData } from '../model/shapes'
import type { ZoneData } from '../model/zones'

/**
 * The harvest report ("oogst") as plain data. `buildReport` makes it from a board's two documents;
 * every format (Markdown, HTML, CSV, JSON, SVG/PNG, DOCX, PDF) only renders it. Privacy decisions
 * (anonymous authors, redaction, hidden participant names) are taken once, in `buildReport`, so
 * no renderer can forget one.
 */

export const REPORT_MODEL_VERSION = 1

export interface ReportReaction {
  emoji: ReactionEmoji
  participantIds: string[]
}

export interface ReportNote {
  id: string
  /** The note text, made safe for XML formats and redacted when asked; may be empty. */
  text: string
  anonymous: boolean
  /** null for anonymous notes: their author never leaves the server. */
  authorId: string | null
  authorName: string | null
  /** A facilitator wrote it for this person (`enteredBy` on the note): "ingebracht door begeleider". */
  enteredBy?: boolean
  /** Near-duplicates merged into this note: how many notes it stands for (absent = 1). */
  mergedCount?: number
  color: NoteColor
  x: number
  y: number
  width: number
  height: number
  /** As stored; may name a zone that no longer exists (the note then counts as outside zones). */
  zoneId: string | null
  clusterId: string | null
  roundId: string | null
  createdAt: number
  /** Stacking order on the canvas (higher on top). */
  z: number
  /** Published vote tally (0 when none). */
  votes: number
  reactions: ReportReaction[]
}

export interface ReportCluster {
  id: string
  name: string
  zoneId: string | null
  createdAt: number
}

/** Notes of one cluster (or the unclustered rest, `cluster: null`) inside one section. */
export interface ReportGroup {
  cluster: ReportCluster | null
  /** Ordered by votes (most first), then time written. */
  notes: ReportNote[]
  votes: number
}

export interface AgreementItem {
  noteId: string
  who: string
  what: string
  when: string
}

export type SectionKind = 'zone' | 'agreements' | 'unzoned'

export interface ReportSection {
  kind: SectionKind
  /** null for the notes outside every zone. */
  zone: ZoneData | null
  /** Clusters first (most votes first), then the unclustered notes. */
  groups: ReportGroup[]
  noteCount: number
  /** For the agreements zone: one who/what/when row per note, in the order of its notes. */
  agreements: AgreementItem[]
}

export interface ReportRound {
  id: string
  title: string
  prompt: string
  zoneIds: string[]
  plannedMinutes: number
  /** Summed duration of the finished runs; null when the round never ran. */
  actualMinutes: number | null
  /** A run without an end: the round was still going when the report was made. */
  running: boolean
  runs: { startedAt: number; endedAt: number | null }[]
  privateWriting: boolean
  voting: boolean
  noteCount: number
  /** Distinct authors of the notes written in this round (a count reveals nobody). */
  participantCount: number
  /**
   * Notes revealed anonymously carry no author at all, so their writers cannot be counted: the
   * count is then a lower bound ("≥ 3").
   */
  participantCountIsMinimum: boolean
}

export interface ReportSummary {
  noteCount: number
  voteCount: number
  reactionCount: number
  anonymousNoteCount: number
  notesPerSection: { zoneId: string | null; title: string; count: number }[]
  participationPerRound: {
    roundId: string
    title: string
    notes: number
    participants: number
    participantsIsMinimum: boolean
  }[]
  notesWithoutRound: number
}

export interface ReportGroupStep {
  roundId: string
  roundTitle: string
  /** 1 alone, 2 pairs, 3 trios, 4 fours. */
  size: number
  groups: {
    number: number
    /** The group space's title ("Groepje 3: Anouk, Sjoerd"), or "Groepje 3" without a space. */
    title: string
    members: { id: string; name: string }[]
    noteCount: number
    /** The text of the note the group chose as "ons inzicht" (redacted like notes), or null. */
    insight: string | null
    /** Roles in the step (a member's id; the name is the member's): Troika, incidentmethode. */
    inbrengerId?: string | null
    notulistId?: string | null
  }[]
}

/** A status set on a community's action (issue 19), and the session it was set in (null: gone). */
export interface ReportActionStatus {
  status: ActionStatusName
  note: string
  at: number
  position: number | null
}

/** The session's place in its community (issue 19): its look-back, and what became of its agreements. */
export interface ReportCommunity {
  position: number
  /** Actions of earlier sessions that were still open when this one began, with the statuses set here. */
  lookback: {
    actionId: string
    who: string
    what: string
    when: string
    fromPosition: number | null
    /** Set in this session, oldest first; empty: not discussed here. */
    statuses: ReportActionStatus[]
  }[]
  /** This session's agreements, each with its status history in later sessions. */
  followUp: {
    actionId: string
    noteId: string
    who: string
    what: string
    when: string
    history: ReportActionStatus[]
  }[]
}

export interface ReportModel {
  version: typeof REPORT_MODEL_VERSION
  language: Language
  title: string
  boardCreatedAt: number
  /** When the session took place: first round start, else first note, else board creation. */
  sessionDate: number
  generatedAt: number
  /** IANA zone that dates and times are shown in. */
  timeZone: string
  facilitatorName: string
  participants: {
    count: number
    /** The count is a lower bound (no join list, and notes without an author). */
    countIsMinimum: boolean
    /** Everyone who joined (not the facilitators); anonymous notes hide only their own author. */
    names: string[]
  }
  centralQuestion: string | null
  redacted: boolean
  /** Groups plus the top notes per question in the body; the other notes in the appendix. */
  compact: boolean
  /** The facilitator's own insights, follow-up and next meeting (control document). */
  harvest: HarvestNotes
  /** Set when the report covers only this zone. */
  zoneFilter: string | null
  /** Zones in reading order, with their geometry (for the board picture and the backup). */
  zones: ZoneData[]
  clusters: ReportCluster[]
  /** Facilitators' annotations (labels, rectangles, ellipses, arrows): picture and backup only. */
  shapes: ShapeData[]
  /** Every note in the report exactly once, oldest first. */
  notes: ReportNote[]
  rounds: ReportRound[]
  /** Rounds run in groepjes (issue 18): who was together, what they wrote, their insight. */
  groupSteps?: ReportGroupStep[]
  /** Zone sections in zone order, then the notes outside zones. Every note is in one section. */
  sections: ReportSection[]
  /** Set when the board is a session of a community (issue 19). */
  community?: ReportCommunity
  summary: ReportSummary
  /** The raw session script and facts, for the backup. */
  session: {
    rounds: RoundData[]
    roundLog: RoundLogEntry[]
    voteResults: Record<string, number>
    votingAnonymous: boolean
    reportsShared: boolean
    participantsEverJoined: Participant[]
    /** Which of them joined as facilitators (sorted). */
    facilitatorIds: string[]
  }
}

export type PrivacyKind = 'phone' | 'email' | 'address' | 'iban' | 'bsn'

/** Personal data found in a note, for the facilitator to review before sharing. */
export interface PrivacyFlag {
  noteId: string
  kind: PrivacyKind
  /** The matched text as it appears in the note. */
  text: string
}

export const REPORT_FORMATS = ['docx', 'pdf', 'md', 'html', 'csv', 'json', 'svg', 'png'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
