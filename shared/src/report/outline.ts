import type { Fact, NoteItem, TableBlock } from './blocks'
import { formatDate, formatDateTime, formatTime, type ReportLabels, reportLabels } from './labels'
import type { AgreementItem, ReportModel, ReportNote, ReportRound } from './types'

/**
 * The wording the report document uses (facts, captions, table rows), so every format says the
 * same thing in the same words. Only `buildReportDocument` (document.ts) and the CSV use these;
 * renderers get finished blocks.
 */

export type { Fact }

/** "3", or "≥ 3" when some writers could not be counted (anonymous notes without an author). */
export function atLeast(count: number, isMinimum: boolean): string {
  return isMinimum ? `≥ ${count}` : String(count)
}

export function labelsOf(model: ReportModel): ReportLabels {
  return reportLabels(model.language)
}

/** "Oogst: Buurtavond Zuidoost". */
export function documentHeading(model: ReportModel): string {
  const labels = labelsOf(model)
  return model.title ? `${labels.documentTitle}: ${model.title}` : labels.documentTitle
}

/** Date, facilitator and who took part ("Deelnemers (8): Anouk, Bram, …"), under the title. */
export function headerFacts(model: ReportModel): Fact[] {
  const labels = labelsOf(model)
  const facts: Fact[] = [
    { label: labels.date, value: formatDate(model.sessionDate, model.language, model.timeZone) },
  ]
  if (model.facilitatorName.trim()) facts.push({ label: labels.facilitator, value: model.facilitatorName })
  const { count, countIsMinimum, names } = model.participants
  facts.push(
    names.length > 0
      ? { label: `${labels.participants} (${atLeast(count, countIsMinimum)})`, value: names.join(', ') }
      : { label: labels.participants, value: atLeast(count, countIsMinimum) },
  )
  if (model.zoneFilter) {
    const zone = model.zones.find((z) => z.id === model.zoneFilter)
    if (zone) facts.push({ label: labels.zone, value: labels.zoneOnly(zone.title) })
  }
  return facts
}

/** “The central question” in Dutch curly quotes. */
export function quoted(text: string): string {
  return `“${text}”`
}

export function authorLabel(note: ReportNote, labels: ReportLabels): string {
  if (note.anonymous) return labels.anonymous
  const name = note.authorName?.trim() ? note.authorName : '–'
  return note.enteredBy ? `${name} (${labels.enteredBy})` : name
}

/** "👍 2  💡 1" (empty when nobody reacted). */
export function reactionsText(note: ReportNote): string {
  return note.reactions.map((r) => `${r.emoji} ${r.participantIds.length}`).join('  ')
}

/** "Wat kan beter? · Fatima · 3 stippen · 👍 2  💡 1": the caption under a note (no "0 stippen"). */
export function captionOf(note: NoteItem, labels: ReportLabels): string {
  const parts = note.context ? [note.context, note.author] : [note.author]
  if (note.merged > 1) parts.push(labels.writtenTimes(note.merged))
  if (note.votes > 0) parts.push(labels.voteCount(note.votes))
  if (note.reactions) parts.push(note.reactions)
  return parts.join(' · ')
}

/** "12 min (14:05–14:17)", "niet gehouden", "8 min (nog bezig)". */
export function actualDuration(round: ReportRound, model: ReportModel): string {
  const labels = labelsOf(model)
  if (round.actualMinutes === null) return labels.notHeld
  if (round.running) return `${labels.minutes(round.actualMinutes)} (${labels.stillRunning})`
  const first = round.runs[0]
  const last = round.runs.at(-1)
  if (round.runs.length === 1 && first && last?.endedAt) {
    const from = formatTime(first.startedAt, model.language, model.timeZone)
    const to = formatTime(last.endedAt, model.language, model.timeZone)
    return `${labels.minutes(round.actualMinutes)} (${from}–${to})`
  }
  return labels.minutes(round.actualMinutes)
}

/** Planned versus actual time per round, with the notes written and who wrote them. */
export function roundTable(model: ReportModel): TableBlock {
  const labels = labelsOf(model)
  return {
    kind: 'table',
    header: [labels.round, labels.planned, labels.actual, labels.notes, labels.participants],
    rows: model.rounds.map((round, index) => [
      `${index + 1}. ${round.title || '–'}`,
      labels.minutes(round.plannedMinutes),
      actualDuration(round, model),
      String(round.noteCount),
      atLeast(round.participantCount, round.participantCountIsMinimum),
    ]),
    numericFrom: 3,
    weights: [3.4, 1.6, 3.4, 1.6, 2.2],
  }
}

/** The figures that fit in one glance (summary). */
export function keyFigures(model: ReportModel): Fact[] {
  const labels = labelsOf(model)
  const { summary, participants } = model
  const facts: Fact[] = [
    { label: labels.participants, value: atLeast(participants.count, participants.countIsMinimum) },
    { label: labels.totalNotes, value: String(summary.noteCount) },
    { label: labels.totalVotes, value: String(summary.voteCount) },
    { label: labels.totalReactions, value: String(summary.reactionCount) },
  ]
  if (summary.anonymousNoteCount > 0) {
    facts.push({ label: labels.anonymousNotes, value: String(summary.anonymousNoteCount) })
  }
  if (model.rounds.length > 0) {
    facts.push({ label: labels.rounds, value: String(model.rounds.length) })
    facts.push({ label: labels.notesWithoutRound, value: String(summary.notesWithoutRound) })
  }
  return facts
}

export function notesPerZoneTable(model: ReportModel): TableBlock {
  const labels = labelsOf(model)
  return {
    kind: 'table',
    header: [labels.zone, labels.notes],
    rows: model.summary.notesPerSection.map((row) => [row.title || labels.zone, String(row.count)]),
    numericFrom: 1,
    weights: [3, 1],
  }
}

export function agreementTable(items: AgreementItem[], labels: ReportLabels): TableBlock {
  return {
    kind: 'table',
    header: [labels.who, labels.what, labels.when],
    // An empty note still gets its row, so every note can be found in the report.
    rows: items.map((a) => [a.who, a.who || a.what || a.when ? a.what : labels.emptyNote, a.when]),
    numericFrom: 3,
    weights: [2, 5, 2],
    rowIds: items.map((a) => a.noteId),
  }
}

export function generatedLine(model: ReportModel): string {
  return labelsOf(model).generatedBy(formatDateTime(model.generatedAt, model.language, model.timeZone))
}
