import { isLookbackZone } from '../community/actionHistory'
import type { Block, NoteItem, TableBlock } from './blocks'
import { afterwardsBlocks, lookbackBlocks } from './communityParts'
import { formatDate, type ReportLabels } from './labels'
import {
  agreementTable,
  documentHeading,
  generatedLine,
  headerFacts,
  keyFigures,
  labelsOf,
  notesPerZoneTable,
  quoted,
  roundTable,
} from './outline'
import { firstNotes, isQuestion, type NoteUnit, noteItem, orderedUnits, shorten, topVoted } from './ranking'
import type { AgreementItem, ReportModel, ReportNote, ReportSection } from './types'

/**
 * `buildReportDocument` decides once what the verslag says and in which order:
 *   1. Samenvatting (page 1): central question, date, who took part, the most-voted notes of the
 *      board and per question, the agreements (Wie/Wat/Wanneer), the facilitator's insights and
 *      next steps, the key figures;
 *   2. contents, the board picture, then one part per question: its groups and notes by votes;
 *   3. Bijlage: in a compact report the notes not shown above, all agreements when the summary
 *      showed only the first, the rounds and the notes per question.
 * Empty questions are left out (they are counted in the appendix). Every note appears once
 * outside the summary. No recursion and no spread over note lists: 150,000 notes must not
 * overflow the stack.
 */

const BOARD_TOP = 5
/** Per question in the summary: three, or two when there are many questions (page 1 stays short). */
const QUESTION_TOP = 3
const MANY_QUESTIONS = 4
const SUMMARY_AGREEMENTS = 6
const COMPACT_TOP = 10
const BRIEF_CHARS = 110

interface QuestionPart {
  section: ReportSection
  title: string
  anchor: string
  /** Notes of the question left for the appendix (compact reports). */
  rest: { unit: NoteUnit; notes: ReportNote[] }[]
  restCount: number
}

function sectionTitle(section: ReportSection, labels: ReportLabels): string {
  return section.zone?.title.trim() || (section.zone ? labels.zone : labels.outsideZones)
}

function topPerQuestionTable(parts: QuestionPart[], labels: ReportLabels): TableBlock | null {
  const rows: string[][] = []
  const count = parts.length > MANY_QUESTIONS ? QUESTION_TOP - 1 : QUESTION_TOP
  for (const part of parts) {
    const top = topVoted(
      part.section.groups.flatMap((g) => g.notes),
      count,
    )
    // The question is named on its first row only: the table reads as a list per question.
    for (const [index, note] of top.entries()) {
      const text = shorten(note.text, BRIEF_CHARS).text || labels.emptyNote
      rows.push([index === 0 ? part.title : '', text, String(note.votes)])
    }
  }
  if (rows.length === 0) return null
  return {
    kind: 'table',
    header: [labels.zone, labels.note, labels.votes],
    rows,
    numericFrom: 2,
    weights: [2.2, 6, 1.2],
  }
}

function summaryBlocks(
  model: ReportModel,
  parts: QuestionPart[],
  agreements: AgreementItem[],
  out: Block[],
): void {
  const labels = labelsOf(model)
  out.push({ kind: 'heading', level: 2, text: labels.overview, anchor: 'samenvatting' })
  if (model.centralQuestion) {
    out.push({
      kind: 'paragraph',
      tone: 'question',
      label: labels.centralQuestion,
      text: quoted(model.centralQuestion),
    })
  }
  const titleOf = new Map<string | null, string>()
  for (const zone of model.zones) titleOf.set(zone.id, zone.title.trim() || labels.zone)
  const top = topVoted(model.notes, BOARD_TOP)
  out.push({ kind: 'heading', level: 3, text: labels.topNotes, anchor: 'meeste-stippen' })
  if (top.length === 0) out.push({ kind: 'paragraph', tone: 'muted', text: labels.noVotes })
  else {
    const items = top.map((note) =>
      noteItem(note, labels, titleOf.get(note.zoneId) ?? labels.outsideZones, BRIEF_CHARS),
    )
    out.push({ kind: 'notes', notes: items, brief: true })
  }
  const perQuestion = parts.length > 1 ? topPerQuestionTable(parts, labels) : null
  if (perQuestion) {
    out.push({ kind: 'heading', level: 3, text: labels.topPerQuestion, anchor: 'per-vraag' }, perQuestion)
  }
  if (agreements.length > 0) {
    out.push({ kind: 'heading', level: 3, text: labels.agreements, anchor: 'afspraken' })
    const many = agreements.length > SUMMARY_AGREEMENTS
    // Shortened only when the appendix has the whole table; otherwise this is the only one.
    const shown = agreements
      .slice(0, SUMMARY_AGREEMENTS)
      .map((a) => (many ? { ...a, what: shorten(a.what, BRIEF_CHARS).text } : a))
    out.push(agreementTable(shown, labels))
    if (many) {
      const more = agreements.length - SUMMARY_AGREEMENTS
      out.push({ kind: 'paragraph', tone: 'muted', text: labels.moreAgreementsInAppendix(more) })
    }
  }
  const { insights, followUp, nextMeeting } = model.harvest
  if (insights.trim()) {
    out.push({ kind: 'heading', level: 3, text: labels.insights, anchor: 'inzichten' })
    out.push({ kind: 'paragraph', tone: 'plain', text: insights.trim() })
  }
  if (followUp.trim() || nextMeeting) {
    out.push({ kind: 'heading', level: 3, text: labels.followUp, anchor: 'vervolg' })
    if (followUp.trim()) out.push({ kind: 'paragraph', tone: 'plain', text: followUp.trim() })
    if (nextMeeting) {
      const date = formatDate(Date.parse(`${nextMeeting}T12:00:00Z`), model.language, model.timeZone)
      out.push({ kind: 'facts', items: [{ label: labels.nextMeeting, value: date }] })
    }
  }
  out.push({ kind: 'heading', level: 3, text: labels.summary, anchor: 'kerncijfers' })
  out.push({ kind: 'keyFigures', items: keyFigures(model) })
}

function questionBlocks(model: ReportModel, part: QuestionPart, out: Block[]): void {
  const labels = labelsOf(model)
  const { section } = part
  out.push({ kind: 'heading', level: 2, text: part.title, anchor: part.anchor })
  const prompt = section.zone?.prompt.trim() ?? ''
  if (prompt && prompt !== model.centralQuestion) {
    const label = isQuestion(prompt) ? labels.question : labels.assignment
    out.push({ kind: 'paragraph', tone: 'question', label, text: prompt })
  }
  const units = orderedUnits(section, labels)
  if (!model.compact) {
    for (const unit of units) {
      if (unit.title) out.push({ kind: 'heading', level: 3, text: unit.title, anchor: '' })
      out.push({ kind: 'notes', notes: unit.notes.map((note) => noteItem(note, labels)), brief: false })
    }
    return
  }
  const clustered = units.some((unit) => unit.name !== null)
  if (clustered) {
    out.push({
      kind: 'table',
      header: [labels.cluster, labels.notes, labels.votes],
      rows: units.map((unit) => [
        unit.name ?? labels.otherNotes,
        String(unit.notes.length),
        String(unit.votes),
      ]),
      numericFrom: 1,
      weights: [5, 1.4, 1.4],
    })
  }
  const unitOf = new Map<string, NoteUnit>()
  for (const unit of units) for (const note of unit.notes) unitOf.set(note.id, unit)
  const shown = firstNotes(
    units.flatMap((unit) => unit.notes),
    COMPACT_TOP,
  )
  const shownIds = new Set(shown.map((note) => note.id))
  out.push({ kind: 'heading', level: 3, text: labels.mostVoted(shown.length), anchor: '' })
  const items: NoteItem[] = shown.map((note) => noteItem(note, labels, unitOf.get(note.id)?.name ?? ''))
  out.push({ kind: 'notes', notes: items, brief: false })
  for (const unit of units) {
    const notes = unit.notes.filter((note) => !shownIds.has(note.id))
    if (notes.length > 0) part.rest.push({ unit, notes })
    part.restCount += notes.length
  }
  if (part.restCount > 0) {
    out.push({ kind: 'paragraph', tone: 'muted', text: labels.moreNotesInAppendix(part.restCount) })
  }
}

function appendixBlocks(
  model: ReportModel,
  parts: QuestionPart[],
  agreements: AgreementItem[],
  out: Block[],
): void {
  const labels = labelsOf(model)
  out.push({ kind: 'pageBreak' }, { kind: 'heading', level: 2, text: labels.appendix, anchor: 'bijlage' })
  for (const part of parts) {
    if (part.restCount === 0) continue
    out.push({ kind: 'heading', level: 3, text: labels.restOf(part.title), anchor: `rest-${part.anchor}` })
    for (const { unit, notes } of part.rest) {
      const items = notes.map((note) => noteItem(note, labels, unit.name ?? ''))
      out.push({ kind: 'notes', notes: items, brief: false, dense: true })
    }
  }
  if (agreements.length > SUMMARY_AGREEMENTS) {
    out.push({ kind: 'heading', level: 3, text: labels.allAgreements, anchor: 'alle-afspraken' })
    out.push(agreementTable(agreements, labels))
  }
  if (model.rounds.length > 0) {
    out.push({ kind: 'heading', level: 3, text: labels.rounds, anchor: 'rondes' }, roundTable(model))
  }
  out.push({ kind: 'heading', level: 3, text: labels.notesPerZone, anchor: 'per-vraag-aantal' })
  out.push(notesPerZoneTable(model))
}

/** Rounds run in groepjes: per step who was together, how much they wrote and their insight. */
function groupWorkBlocks(model: ReportModel, out: Block[]): void {
  const steps = (model.groupSteps ?? []).filter((step) => step.groups.length > 0)
  if (steps.length === 0) return
  const labels = labelsOf(model)
  out.push({ kind: 'heading', level: 2, text: labels.groupWork, anchor: 'groepjes' })
  for (const step of steps) {
    out.push({ kind: 'heading', level: 3, text: labels.groupStep(step.roundTitle, step.size), anchor: '' })
    const { group, who, notes, insight } = labels.groupColumns
    out.push({
      kind: 'table',
      header: [group, who, insight, notes],
      rows: step.groups.map((g) => [
        g.title.split(':')[0] ?? g.title,
        g.members
          .map((member) =>
            member.id === g.inbrengerId
              ? `${member.name} (${labels.groupRoles.inbrenger})`
              : member.id === g.notulistId
                ? `${member.name} (${labels.groupRoles.notulist})`
                : member.name,
          )
          .join(', '),
        g.insight ?? '–',
        String(g.noteCount),
      ]),
      numericFrom: 3,
      weights: [1.4, 3, 4, 1],
    })
  }
}

/** The verslag as blocks, in reading order; every format renders exactly these. */
export function buildReportDocument(model: ReportModel): Block[] {
  const labels = labelsOf(model)
  const out: Block[] = [
    { kind: 'title', text: documentHeading(model) },
    { kind: 'facts', items: headerFacts(model) },
  ]
  if (model.redacted) out.push({ kind: 'paragraph', tone: 'notice', text: labels.redactedNotice })
  const parts: QuestionPart[] = []
  const agreements: AgreementItem[] = []
  // A community's session shows its Terugblik as a table of statuses, not as the notes it copied.
  const lookbackShown = (model.community?.lookback.length ?? 0) > 0
  for (const section of model.sections) {
    if (lookbackShown && section.zone && isLookbackZone(section.zone.title)) continue
    if (section.kind === 'agreements') {
      for (const item of section.agreements) agreements.push(item)
    } else if (section.noteCount > 0) {
      const anchor = section.zone ? `vraag-${section.zone.id}` : 'overige-briefjes'
      parts.push({ section, title: sectionTitle(section, labels), anchor, rest: [], restCount: 0 })
    }
  }
  summaryBlocks(model, parts, agreements, out)
  out.push({ kind: 'pageBreak' })
  const contentsAt = out.length
  if (model.notes.length > 0 || model.zones.length > 0) {
    out.push({ kind: 'figure', alt: labels.boardPictureAlt(model.title), caption: labels.boardPicture })
  }
  if (model.community) out.push(...lookbackBlocks(model, model.community, labels))
  for (const part of parts) questionBlocks(model, part, out)
  groupWorkBlocks(model, out)
  if (model.community) out.push(...afterwardsBlocks(model, model.community, labels))
  appendixBlocks(model, parts, agreements, out)
  out.push({ kind: 'generated', text: generatedLine(model) })
  const entries: { text: string; anchor: string }[] = []
  for (const block of out) {
    if (block.kind === 'heading' && block.level === 2)
      entries.push({ text: block.text, anchor: block.anchor })
  }
  out.splice(contentsAt, 0, { kind: 'contents', title: labels.contents, entries })
  return out
}
