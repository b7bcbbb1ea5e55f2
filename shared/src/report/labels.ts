import type { Language } from '../model/meta'

/**
 * Every fixed text of the report, in the board's language. Dutch follows the words the board UI
 * uses ("briefje", "begeleider") and Dutch typography: curly quotes, en dashes for ranges.
 */
export interface ReportLabels {
  documentTitle: string
  date: string
  facilitator: string
  participants: string
  centralQuestion: string
  boardPicture: string
  boardPictureAlt: (title: string) => string
  rounds: string
  /** Rounds run in groepjes (issue 18). */
  groupWork: string
  groupStep: (round: string, size: number) => string
  groupColumns: { group: string; who: string; notes: string; insight: string }
  /** Roles in a group step, after a member's name: "Anouk (inbrenger)". */
  groupRoles: { inbrenger: string; notulist: string }
  round: string
  planned: string
  actual: string
  notHeld: string
  stillRunning: string
  minutes: (count: number) => string
  question: string
  notes: string
  note: string
  noNotes: string
  emptyNote: string
  outsideZones: string
  otherNotes: string
  cluster: string
  zone: string
  author: string
  /** After the author of a note a facilitator wrote for them. */
  enteredBy: string
  /** "3× geschreven": a note that near-duplicates were merged into. */
  writtenTimes: (n: number) => string
  anonymous: string
  votes: string
  voteCount: (count: number) => string
  reactions: string
  written: string
  text: string
  agreements: string
  who: string
  what: string
  when: string
  summary: string
  notesPerZone: string
  participationPerRound: string
  totalNotes: string
  totalVotes: string
  totalReactions: string
  anonymousNotes: string
  notesWithoutRound: string
  redactedMark: string
  redactedNotice: string
  zoneOnly: (title: string) => string
  page: (current: number, total: number) => string
  generatedBy: (when: string) => string
  /** The verslag's own words (summary first, appendix last). */
  overview: string
  contents: string
  topNotes: string
  topPerQuestion: string
  insights: string
  followUp: string
  nextMeeting: string
  appendix: string
  /** Before a zone text that is an instruction rather than a question. */
  assignment: string
  groups: string
  mostVoted: (count: number) => string
  moreNotesInAppendix: (count: number) => string
  moreAgreementsInAppendix: (count: number) => string
  allAgreements: string
  restOf: (title: string) => string
  noVotes: string
  questions: string
  /** A community's session (issue 19): its look-back on earlier agreements, and what became of its own. */
  lookback: string
  lookbackIntro: string
  lookbackColumns: { action: string; from: string; status: string; note: string }
  notDiscussed: string
  afterwards: string
  afterwardsIntro: string
  afterwardsColumns: { action: string; history: string; now: string }
  actionStatus: { open: string; done: string; ongoing: string; failed: string }
  sessionNumber: (position: number) => string
}

const nl: ReportLabels = {
  documentTitle: 'Oogst',
  date: 'Datum',
  facilitator: 'Begeleider',
  participants: 'Deelnemers',
  centralQuestion: 'Centrale vraag',
  boardPicture: 'Het bord',
  boardPictureAlt: (title) => `Afbeelding van het bord “${title}”`,
  rounds: 'Rondes',
  groupWork: 'Werken in groepjes',
  groupStep: (round, size) =>
    `${round || 'Ronde'}: ${size === 1 ? 'alleen' : size === 2 ? 'tweetallen' : size === 3 ? 'drietallen' : `groepjes van ${size}`}`,
  groupColumns: { group: 'Groepje', who: 'Wie', notes: 'Briefjes', insight: 'Ons inzicht' },
  groupRoles: { inbrenger: 'inbrenger', notulist: 'notulist' },
  round: 'Ronde',
  planned: 'Gepland',
  actual: 'Werkelijk',
  notHeld: 'niet gehouden',
  stillRunning: 'nog bezig',
  minutes: (n) => `${n} min`,
  question: 'Vraag',
  notes: 'Briefjes',
  note: 'Briefje',
  noNotes: 'Geen briefjes.',
  emptyNote: '(leeg briefje)',
  outsideZones: 'Overige briefjes',
  otherNotes: 'Niet gegroepeerd',
  cluster: 'Groep',
  zone: 'Vraag',
  author: 'Schrijver',
  enteredBy: 'ingebracht door begeleider',
  writtenTimes: (n) => `${n}× geschreven`,
  anonymous: 'Anoniem',
  votes: 'Stippen',
  voteCount: (n) => (n === 1 ? '1 stip' : `${n} stippen`),
  reactions: 'Reacties',
  written: 'Geschreven',
  text: 'Tekst',
  agreements: 'Afspraken',
  who: 'Wie',
  what: 'Wat',
  when: 'Wanneer',
  summary: 'Kerncijfers',
  notesPerZone: 'Briefjes per vraag',
  participationPerRound: 'Deelname per ronde',
  totalNotes: 'Briefjes',
  totalVotes: 'Stippen',
  totalReactions: 'Reacties',
  anonymousNotes: 'Anonieme briefjes',
  notesWithoutRound: 'Buiten een ronde geschreven',
  redactedMark: '[verwijderd]',
  redactedNotice:
    'Persoonsgegevens (telefoonnummers, e-mailadressen, rekeningnummers, burgerservicenummers, postcodes met huisnummer) zijn vervangen door [verwijderd].',
  zoneOnly: (title) => `Alleen de vraag “${title}”`,
  page: (current, total) => `Pagina ${current} van ${total}`,
  generatedBy: (when) => `Gemaakt met Oogst op ${when}`,
  overview: 'Samenvatting',
  contents: 'Inhoud',
  topNotes: 'Meeste stippen',
  topPerQuestion: 'Meeste stippen per vraag',
  insights: 'Belangrijkste inzichten',
  followUp: 'Vervolg',
  nextMeeting: 'Volgende bijeenkomst',
  appendix: 'Bijlage',
  assignment: 'Opdracht',
  groups: 'Groepen',
  mostVoted: (n) => `De ${n} briefjes met de meeste stippen`,
  moreNotesInAppendix: (n) =>
    n === 1
      ? 'Nog 1 briefje staat in de bijlage.'
      : `Nog ${n.toLocaleString('nl-NL')} briefjes staan in de bijlage.`,
  moreAgreementsInAppendix: (n) =>
    n === 1
      ? 'Nog 1 afspraak staat in de bijlage.'
      : `Nog ${n.toLocaleString('nl-NL')} afspraken staan in de bijlage.`,
  allAgreements: 'Alle afspraken',
  restOf: (title) => `Overige briefjes bij “${title}”`,
  noVotes: 'Er is niet gestemd.',
  questions: 'Vragen',
  lookback: 'Terugblik',
  lookbackIntro: 'De afspraken van eerdere sessies, en wat de groep er deze keer over zei.',
  lookbackColumns: { action: 'Afspraak', from: 'Uit', status: 'Status', note: 'Toelichting' },
  notDiscussed: 'niet besproken',
  afterwards: 'Wat er met de afspraken gebeurde',
  afterwardsIntro: 'Wat de groep in latere sessies zei over de afspraken van deze sessie.',
  afterwardsColumns: { action: 'Afspraak', history: 'Verloop', now: 'Nu' },
  actionStatus: { open: 'open', done: 'gedaan', ongoing: 'loopt', failed: 'niet gelukt' },
  sessionNumber: (n) => `sessie ${n}`,
}

const en: ReportLabels = {
  documentTitle: 'Harvest',
  date: 'Date',
  facilitator: 'Facilitator',
  participants: 'Participants',
  centralQuestion: 'Central question',
  boardPicture: 'The board',
  boardPictureAlt: (title) => `Picture of the board “${title}”`,
  rounds: 'Rounds',
  groupWork: 'Working in small groups',
  groupStep: (round, size) =>
    `${round || 'Round'}: ${size === 1 ? 'alone' : size === 2 ? 'pairs' : size === 3 ? 'trios' : `groups of ${size}`}`,
  groupColumns: { group: 'Group', who: 'Who', notes: 'Notes', insight: 'Our insight' },
  groupRoles: { inbrenger: 'presenter', notulist: 'note taker' },
  round: 'Round',
  planned: 'Planned',
  actual: 'Actual',
  notHeld: 'not held',
  stillRunning: 'still running',
  minutes: (n) => `${n} min`,
  question: 'Question',
  notes: 'Notes',
  note: 'Note',
  noNotes: 'No notes.',
  emptyNote: '(empty note)',
  outsideZones: 'Other notes',
  otherNotes: 'Not grouped',
  cluster: 'Group',
  zone: 'Question',
  author: 'Author',
  enteredBy: 'entered by the facilitator',
  writtenTimes: (n) => `written ${n}×`,
  anonymous: 'Anonymous',
  votes: 'Dots',
  voteCount: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  reactions: 'Reactions',
  written: 'Written',
  text: 'Text',
  agreements: 'Agreements',
  who: 'Who',
  what: 'What',
  when: 'When',
  summary: 'Key figures',
  notesPerZone: 'Notes per question',
  participationPerRound: 'Participation per round',
  totalNotes: 'Notes',
  totalVotes: 'Dots',
  totalReactions: 'Reactions',
  anonymousNotes: 'Anonymous notes',
  notesWithoutRound: 'Written outside a round',
  redactedMark: '[removed]',
  redactedNotice:
    'Personal data (phone numbers, e-mail addresses, bank account numbers, citizen service numbers, postcodes with house numbers) is replaced by [removed].',
  zoneOnly: (title) => `Only the question “${title}”`,
  page: (current, total) => `Page ${current} of ${total}`,
  generatedBy: (when) => `Made with Oogst on ${when}`,
  overview: 'Summary',
  contents: 'Contents',
  topNotes: 'Most dots',
  topPerQuestion: 'Most dots per question',
  insights: 'Key insights',
  followUp: 'Next steps',
  nextMeeting: 'Next meeting',
  appendix: 'Appendix',
  assignment: 'Assignment',
  groups: 'Groups',
  mostVoted: (n) => `The ${n} notes with the most dots`,
  moreNotesInAppendix: (n) =>
    n === 1
      ? '1 more note is in the appendix.'
      : `${n.toLocaleString('en-GB')} more notes are in the appendix.`,
  moreAgreementsInAppendix: (n) =>
    n === 1
      ? '1 more agreement is in the appendix.'
      : `${n.toLocaleString('en-GB')} more agreements are in the appendix.`,
  allAgreements: 'All agreements',
  restOf: (title) => `Other notes for “${title}”`,
  noVotes: 'There was no vote.',
  questions: 'Questions',
  lookback: 'Look back',
  lookbackIntro: 'The agreements of earlier sessions, and what the group said about them this time.',
  lookbackColumns: { action: 'Agreement', from: 'From', status: 'Status', note: 'Comment' },
  notDiscussed: 'not discussed',
  afterwards: 'What happened to the agreements',
  afterwardsIntro: 'What the group said in later sessions about the agreements of this session.',
  afterwardsColumns: { action: 'Agreement', history: 'Progress', now: 'Now' },
  actionStatus: { open: 'open', done: 'done', ongoing: 'ongoing', failed: 'did not work out' },
  sessionNumber: (n) => `session ${n}`,
}

export function reportLabels(language: Language): ReportLabels {
  return language === 'en' ? en : nl
}

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' }

/** Intl formatters are costly to create (a 2,000-note CSV would spend most of its time there). */
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`
  let cached = formatters.get(key)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone })
    formatters.set(key, cached)
  }
  return cached
}

/** "12 maart 2025" / "12 March 2025". */
export function formatDate(ms: number, language: Language, timeZone: string): string {
  return formatter(LOCALES[language], timeZone, { dateStyle: 'long' }).format(ms)
}

/** "14:05". */
export function formatTime(ms: number, language: Language, timeZone: string): string {
  return formatter(LOCALES[language], timeZone, { timeStyle: 'short' }).format(ms)
}

/** "12 maart 2025, 14:05" (for "generated on"). */
export function formatDateTime(ms: number, language: Language, timeZone: string): string {
  return `${formatDate(ms, language, timeZone)}, ${formatTime(ms, language, timeZone)}`
}

/** "2025-03-12 14:05" in the report's time zone: sortable, for CSV. */
export function formatIsoLocal(ms: number, timeZone: string): string {
  const parts = formatter('en-CA', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}
