import { formatDate, formatDateTime, formatTime, type ReportLabels, reportLabels } from './labels'
import type { ReportGroup, ReportModel, ReportNote, ReportRound, ReportSection } from './types'

/**
 * The wording every document format shares (facts block, table rows, note captions), so the DOCX,
 * PDF, HTML and Markdown say the same thing in the same words and differ only in layout.
 */

export interface Fact {
  label: string
  value: string
}

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

/** Date, facilitator and participants, as label/value pairs under the title. */
export function headerFacts(model: ReportModel): Fact[] {
  const labels = labelsOf(model)
  const facts: Fact[] = [
    { label: labels.date, value: formatDate(model.sessionDate, model.language, model.timeZone) },
  ]
  if (model.facilitatorName.trim()) facts.push({ label: labels.facilitator, value: model.facilitatorName })
  const count = labels.participantCount(model.participants.count, model.participants.countIsMinimum)
  const names = model.participants.names
  facts.push({
    label: labels.participants,
    value:
      names === null
        ? `${count}. ${labels.namesWithheld}`
        : names.length
          ? `${count}: ${names.join(', ')}`
          : count,
  })
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

/** "Fatima · 3 stemmen · 👍 2  💡 1": the caption under a note. */
export function noteCaption(note: ReportNote, labels: ReportLabels): string {
  const parts = [authorLabel(note, labels)]
  if (note.votes > 0) parts.push(labels.voteCount(note.votes))
  const reactions = reactionsText(note)
  if (reactions) parts.push(reactions)
  return parts.join(' · ')
}

/** The zone's question, unless it is the central question already shown at the top. */
export function sectionPrompt(section: ReportSection, model: ReportModel): string | null {
  const prompt = section.zone?.prompt.trim() ?? ''
  return prompt === '' || prompt === model.centralQuestion ? null : prompt
}

export function sectionTitle(section: ReportSection, labels: ReportLabels): string {
  return section.zone?.title.trim() || (section.zone ? labels.zone : labels.outsideZones)
}

/** "Groep: Vervoer · 5 stemmen" or "Niet gegroepeerd"; null when a section has no clusters at all. */
export function groupTitle(group: ReportGroup, section: ReportSection, labels: ReportLabels): string | null {
  const clustered = section.groups.some((g) => g.cluster !== null)
  if (!clustered) return null
  if (!group.cluster) return labels.otherNotes
  const name = `${labels.cluster}: ${group.cluster.name.trim() || '–'}`
  return group.votes > 0 ? `${name} · ${labels.voteCount(group.votes)}` : name
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

/** Header and rows of the rounds table: planned versus actual time, notes and participation. */
export function roundTable(model: ReportModel): string[][] {
  const labels = labelsOf(model)
  return [
    [labels.round, labels.planned, labels.actual, labels.notes, labels.participants],
    ...model.rounds.map((round, index) => [
      `${index + 1}. ${round.title || '–'}`,
      labels.minutes(round.plannedMinutes),
      actualDuration(round, model),
      String(round.noteCount),
      atLeast(round.participantCount, round.participantCountIsMinimum),
    ]),
  ]
}

/** Totals, as label/value pairs. */
export function summaryFacts(model: ReportModel): Fact[] {
  const labels = labelsOf(model)
  const { summary } = model
  const facts: Fact[] = [
    { label: labels.totalNotes, value: String(summary.noteCount) },
    { label: labels.totalVotes, value: String(summary.voteCount) },
    { label: labels.totalReactions, value: String(summary.reactionCount) },
  ]
  if (summary.anonymousNoteCount > 0) {
    facts.push({ label: labels.anonymousNotes, value: String(summary.anonymousNoteCount) })
  }
  if (model.rounds.length > 0) {
    facts.push({ label: labels.notesWithoutRound, value: String(summary.notesWithoutRound) })
  }
  return facts
}

export function notesPerZoneTable(model: ReportModel): string[][] {
  const labels = labelsOf(model)
  return [
    [labels.zone, labels.notes],
    ...model.summary.notesPerSection.map((row) => [row.title || labels.zone, String(row.count)]),
  ]
}

export function participationTable(model: ReportModel): string[][] {
  const labels = labelsOf(model)
  return [
    [labels.round, labels.notes, labels.participants],
    ...model.summary.participationPerRound.map((row, index) => [
      `${index + 1}. ${row.title || '–'}`,
      String(row.notes),
      atLeast(row.participants, row.participantsIsMinimum),
    ]),
  ]
}

export function agreementTable(section: ReportSection, labels: ReportLabels): string[][] {
  return [
    [labels.who, labels.what, labels.when],
    // An empty note still gets its row, so every note can be found in the report.
    ...section.agreements.map((a) => [a.who, a.who || a.what || a.when ? a.what : labels.emptyNote, a.when]),
  ]
}

export function generatedLine(model: ReportModel): string {
  return labelsOf(model).generatedBy(formatDateTime(model.generatedAt, model.language, model.timeZone))
}
