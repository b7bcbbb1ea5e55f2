import type { Language } from '../model/meta'
import type { Block, Fact, TableBlock } from '../report/blocks'
import { formatDate, formatDateTime, reportLabels } from '../report/labels'
import { cleanText } from '../report/text'
import { actionLine, actionState, historyLine, type ReportAction } from './actionHistory'
import type { SessionSummary } from './sessionSummary'
import { recurringGroups, recurringWords, type ThemeSource } from './themes'
import { yearReportLabels } from './yearReportLabels'

type YearReportLabels = ReturnType<typeof yearReportLabels>

/**
 * The community's Jaaroverzicht (issue 19) as report blocks (shared/src/report/blocks.ts), so the
 * verslag's renderers make it in every format: title and facts; per session one part (question,
 * insights, most-voted notes, agreements); the actions with their status over time; what keeps
 * coming back; who was there. Pure: the server gathers the data, the pool renders it.
 */

export interface YearReportSession {
  boardId: string
  position: number
  summary: SessionSummary
}

export interface YearReportInput {
  community: { name: string; description: string; createdAt: number }
  language: Language
  /** By position. */
  sessions: YearReportSession[]
  actions: ReportAction[]
  now: number
  timeZone: string
}

/** Insights and most-voted notes shown per session: a paragraph, not the session's verslag. */
const PER_SESSION = 3
const BAR_WIDTH = 20

export function yearReportTitle(input: Pick<YearReportInput, 'community' | 'language'>): string {
  const labels = yearReportLabels(input.language)
  const name = cleanText(input.community.name).trim()
  return name ? `${labels.documentTitle}: ${name}` : labels.documentTitle
}

function headerFacts(input: YearReportInput, labels: YearReportLabels): Fact[] {
  const date = (ms: number) => formatDate(ms, input.language, input.timeZone)
  const facts: Fact[] = [{ label: labels.community, value: cleanText(input.community.name) }]
  const description = cleanText(input.community.description).trim()
  if (description) facts.push({ label: labels.description, value: description })
  const first = input.sessions[0]?.summary.sessionDate
  const last = input.sessions.at(-1)?.summary.sessionDate
  if (first !== undefined && last !== undefined) {
    const period = date(first) === date(last) ? date(first) : `${date(first)} – ${date(last)}`
    facts.push({ label: labels.period, value: period })
  }
  facts.push({ label: labels.sessionCount, value: String(input.sessions.length) })
  if (input.actions.length > 0) {
    const done = input.actions.filter((action) => actionState(action.history) === 'done').length
    facts.push({ label: labels.actionCount, value: labels.actionsDone(done, input.actions.length) })
  }
  return facts
}

function sessionBlocks(input: YearReportInput, labels: YearReportLabels, out: Block[]): void {
  const report = reportLabels(input.language)
  out.push({ kind: 'heading', level: 2, text: labels.sessions, anchor: 'sessies' })
  for (const { position, summary } of input.sessions) {
    const date = formatDate(summary.sessionDate, input.language, input.timeZone)
    out.push({
      kind: 'heading',
      level: 3,
      text: labels.sessionHeading(position, summary.title, date),
      anchor: `sessie-${position}`,
    })
    if (summary.question) {
      out.push({ kind: 'paragraph', tone: 'question', label: report.question, text: `“${summary.question}”` })
    }
    if (summary.status === 'planned') {
      out.push({ kind: 'paragraph', tone: 'muted', text: labels.notHeldYet })
      continue
    }
    if (summary.status === 'running')
      out.push({ kind: 'paragraph', tone: 'muted', text: labels.stillRunning })
    // One line per item (a list in every format), so nothing depends on line breaks in a paragraph.
    const items: Fact[] = [
      ...summary.insights.slice(0, PER_SESSION).map((text) => ({ label: labels.insight, value: text })),
      ...summary.topNotes.map((note) => ({
        label: labels.topNote,
        value: `${note.text.trim()} (${labels.voteCount(note.votes)})`,
      })),
      ...summary.agreements.map((agreement) => ({ label: labels.agreement, value: actionLine(agreement) })),
    ]
    if (items.length > 0) out.push({ kind: 'facts', items })
    if (summary.agreements.length === 0)
      out.push({ kind: 'paragraph', tone: 'muted', text: labels.noAgreements })
  }
}

/** The actions table: each agreement, where it came from, its statuses over time and the newest. */
export function actionsTable(input: YearReportInput, labels: YearReportLabels): TableBlock {
  const positionOf = new Map(input.sessions.map((session) => [session.boardId, session.position]))
  const where = ({ boardId, at }: { boardId: string; at: number }) => {
    const position = positionOf.get(boardId)
    return position === undefined
      ? formatDate(at, input.language, input.timeZone)
      : labels.sessionNumber(position)
  }
  const columns = labels.actionColumns
  // By session, then as that session's verslag lists its agreements (storage may give actions
  // made in the same moment in any order).
  const agreementIndex = new Map(
    input.sessions.flatMap(({ summary }) => summary.agreements.map((a, index) => [a.noteId, index] as const)),
  )
  const rank = (action: ReportAction) => [
    positionOf.get(action.sourceBoardId) ?? Number.MAX_SAFE_INTEGER,
    agreementIndex.get(action.sourceNoteId) ?? Number.MAX_SAFE_INTEGER,
  ]
  const actions = [...input.actions].sort((a, b) => {
    const [fromA = 0, indexA = 0] = rank(a)
    const [fromB = 0, indexB = 0] = rank(b)
    return fromA - fromB || indexA - indexB || a.what.localeCompare(b.what)
  })
  return {
    kind: 'table',
    header: [columns.action, columns.from, columns.history, columns.now],
    rows: actions.map((action) => {
      const from = positionOf.get(action.sourceBoardId)
      return [
        actionLine(action),
        from === undefined ? '–' : labels.sessionNumber(from),
        historyLine(action.history, { status: labels.actionStatus, where }) || '–',
        labels.actionStatus[actionState(action.history)],
      ]
    }),
    numericFrom: 4,
    weights: [4, 1.5, 5, 1.5],
    rowIds: actions.map((action) => action.id),
  }
}

function themeBlocks(input: YearReportInput, labels: YearReportLabels, out: Block[]): void {
  out.push({ kind: 'heading', level: 2, text: labels.themes, anchor: 'thema' })
  const sources: ThemeSource[] = input.sessions.map(({ position, summary }) => ({
    position,
    texts: summary.searchEntries.map((entry) => entry.text),
    groupNames: summary.groupNames,
  }))
  const words = recurringWords(sources)
  const groups = recurringGroups(sources)
  if (words.length === 0 && groups.length === 0) {
    out.push({ kind: 'paragraph', tone: 'muted', text: labels.noThemes })
    return
  }
  out.push({ kind: 'paragraph', tone: 'plain', text: labels.themesIntro })
  const inSessions = (positions: number[]) => positions.join(', ')
  if (groups.length > 0) {
    out.push({
      kind: 'table',
      header: [labels.groups, labels.inSessions],
      rows: groups.map((group) => [group.label, inSessions(group.positions)]),
      numericFrom: 2,
      weights: [3, 2],
    })
  }
  if (words.length > 0) {
    out.push({
      kind: 'table',
      header: [labels.words, labels.inSessions],
      rows: words.map((word) => [word.label, inSessions(word.positions)]),
      numericFrom: 2,
      weights: [3, 2],
    })
  }
}

/** Participants per session, with a bar of block characters (every format shows text). */
function attendanceTable(input: YearReportInput, labels: YearReportLabels): TableBlock {
  const most = Math.max(1, ...input.sessions.map((session) => session.summary.participants))
  const columns = labels.attendanceColumns
  return {
    kind: 'table',
    header: [columns.session, columns.date, columns.bar, columns.participants],
    rows: input.sessions.map(({ position, summary }) => {
      const count = summary.participants
      const bar =
        count > 0 && summary.status !== 'planned'
          ? '█'.repeat(Math.max(1, Math.round((count / most) * BAR_WIDTH)))
          : ''
      return [
        `${position}. ${summary.title || '–'}`,
        formatDate(summary.sessionDate, input.language, input.timeZone),
        bar,
        summary.status === 'planned' ? '–' : String(count),
      ]
    }),
    numericFrom: 3,
    weights: [2.6, 2, 3.2, 1.9],
  }
}

/** The Jaaroverzicht as blocks, in reading order; every report format renders exactly these. */
export function buildYearReportDocument(input: YearReportInput): Block[] {
  const labels = yearReportLabels(input.language)
  const out: Block[] = [
    { kind: 'title', text: yearReportTitle(input) },
    { kind: 'facts', items: headerFacts(input, labels) },
  ]
  const contentsAt = out.length
  sessionBlocks(input, labels, out)
  out.push({ kind: 'heading', level: 2, text: labels.actions, anchor: 'acties' })
  if (input.actions.length === 0) out.push({ kind: 'paragraph', tone: 'muted', text: labels.noActions })
  else {
    out.push({ kind: 'paragraph', tone: 'plain', text: labels.actionsIntro })
    out.push(actionsTable(input, labels))
  }
  themeBlocks(input, labels, out)
  out.push({ kind: 'heading', level: 2, text: labels.attendance, anchor: 'aanwezig' })
  out.push(attendanceTable(input, labels))
  out.push({
    kind: 'generated',
    text: labels.generatedBy(formatDateTime(input.now, input.language, input.timeZone)),
  })
  const entries = out.flatMap((block) =>
    block.kind === 'heading' && block.level === 2 ? [{ text: block.text, anchor: block.anchor }] : [],
  )
  out.splice(contentsAt, 0, { kind: 'contents', title: labels.contents, entries })
  return out
}
