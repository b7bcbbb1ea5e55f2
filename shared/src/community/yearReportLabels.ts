import type { Language } from '../model/meta'
import { type ReportLabels, reportLabels } from '../report/labels'

/**
 * The Jaaroverzicht's own words (issue 19), Dutch first (B1: short, plain), English when the
 * community works in English. The words the verslag shares (Wie, Wat, Wanneer, Vraag, page
 * numbers) come from shared/src/report/labels.ts.
 */
export interface YearReportLabels {
  documentTitle: string
  community: string
  description: string
  period: string
  sessionCount: string
  actionCount: string
  sessions: string
  sessionHeading: (position: number, title: string, date: string) => string
  notHeldYet: string
  stillRunning: string
  insight: string
  topNote: string
  agreement: string
  noAgreements: string
  voteCount: (count: number) => string
  actions: string
  actionsIntro: string
  noActions: string
  actionColumns: { action: string; from: string; history: string; now: string }
  actionsDone: (done: number, total: number) => string
  themes: string
  themesIntro: string
  noThemes: string
  words: string
  groups: string
  inSessions: string
  attendance: string
  attendanceColumns: { session: string; date: string; participants: string; bar: string }
  contents: string
  generatedBy: (when: string) => string
}

/**
 * "Sessie 2: Terugblik", but a title that already says "Sessie 2 …" (the app's default title for
 * a new session) is not numbered twice ("Sessie 2: Sessie 2").
 */
function numbered(word: string, position: number, title: string): string {
  return /^(sessie|session)\s*\d+\b/i.test(title.trim()) ? title : `${word} ${position}: ${title}`
}

const nl: YearReportLabels = {
  documentTitle: 'Jaaroverzicht',
  community: 'Gemeenschap',
  description: 'Omschrijving',
  period: 'Periode',
  sessionCount: 'Aantal sessies',
  actionCount: 'Afspraken',
  sessions: 'De sessies',
  sessionHeading: (position, title, date) =>
    `${numbered('Sessie', position, title || 'zonder naam')} (${date})`,
  notHeldYet: 'Deze sessie is nog niet gehouden.',
  stillRunning: 'Deze sessie is nog bezig.',
  insight: 'Inzicht',
  topNote: 'Veel stippen',
  agreement: 'Afspraak',
  noAgreements: 'Geen afspraken gemaakt.',
  voteCount: (n) => (n === 1 ? '1 stip' : `${n} stippen`),
  actions: 'Wat er met de afspraken gebeurde',
  actionsIntro: 'Elke afspraak, uit welke sessie hij komt, en wat de groep er later over zei.',
  noActions: 'Er zijn nog geen afspraken gemaakt.',
  actionColumns: { action: 'Afspraak', from: 'Uit', history: 'Verloop', now: 'Nu' },
  actionsDone: (done, total) => `${done} van de ${total} afspraken zijn gedaan.`,
  themes: 'Wat steeds terugkomt',
  themesIntro: 'Woorden en groepen die in twee of meer sessies voorkomen.',
  noThemes: 'Er zijn nog geen woorden of groepen die in meer dan één sessie terugkomen.',
  words: 'Woord',
  groups: 'Groep',
  inSessions: 'In sessies',
  attendance: 'Wie er waren',
  attendanceColumns: { session: 'Sessie', date: 'Datum', participants: 'Deelnemers', bar: 'Grafiek' },
  contents: 'Inhoud',
  generatedBy: (when) => `Gemaakt met Oogst op ${when}.`,
}

const en: YearReportLabels = {
  documentTitle: 'Annual overview',
  community: 'Community',
  description: 'Description',
  period: 'Period',
  sessionCount: 'Sessions',
  actionCount: 'Agreements',
  sessions: 'The sessions',
  sessionHeading: (position, title, date) =>
    `${numbered('Session', position, title || 'untitled')} (${date})`,
  notHeldYet: 'This session has not taken place yet.',
  stillRunning: 'This session is still going on.',
  insight: 'Insight',
  topNote: 'Many votes',
  agreement: 'Agreement',
  noAgreements: 'No agreements were made.',
  voteCount: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  actions: 'What happened to the agreements',
  actionsIntro: 'Every agreement, the session it came from, and what the group said about it later.',
  noActions: 'No agreements have been made yet.',
  actionColumns: { action: 'Agreement', from: 'From', history: 'Progress', now: 'Now' },
  actionsDone: (done, total) => `${done} of the ${total} agreements are done.`,
  themes: 'What keeps coming back',
  themesIntro: 'Words and groups that occur in two or more sessions.',
  noThemes: 'No words or groups come back in more than one session yet.',
  words: 'Word',
  groups: 'Group',
  inSessions: 'In sessions',
  attendance: 'Who was there',
  attendanceColumns: { session: 'Session', date: 'Date', participants: 'Participants', bar: 'Chart' },
  contents: 'Contents',
  generatedBy: (when) => `Made with Oogst on ${when}.`,
}

/** With the verslag's words for a status ("loopt") and a session ("sessie 2"), so both say the same. */
export function yearReportLabels(
  language: Language,
): YearReportLabels & Pick<ReportLabels, 'actionStatus' | 'sessionNumber'> {
  const { actionStatus, sessionNumber } = reportLabels(language)
  return { ...(language === 'en' ? en : nl), actionStatus, sessionNumber }
}
