import {
  agreementTable,
  documentHeading,
  generatedLine,
  groupTitle,
  headerFacts,
  labelsOf,
  noteCaption,
  notesPerZoneTable,
  participationTable,
  quoted,
  roundTable,
  sectionPrompt,
  sectionTitle,
  summaryFacts,
} from './outline'
import type { ReportModel, ReportNote, ReportSection } from './types'

/**
 * Markdown (CommonMark + GFM tables). Note text is escaped so that "# kop", "*", "<script>" or a
 * "[link](javascript:…)" written on a note shows as typed and is never interpreted by a viewer.
 */

/**
 * Backslash-escapes what means something anywhere in a line ("&" so entities stay literal, "<"
 * so no HTML), and what means something at its start (headings, lists, quotes, rules). Hyphens
 * and dots elsewhere stay as typed, so the raw file still reads well.
 */
function escapeInline(text: string): string {
  return escapeChars(text)
    .replace(/^(\s*)([#+=>-])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
}

function escapeChars(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
}

/** Escaped lines of a note, empty lines dropped (they would end the list item). */
function escapeLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => escapeInline(line.trim().replace(/\t/g, ' ')))
}

/** Table cells are one line: line breaks become " / ". */
function cell(text: string): string {
  return escapeChars(text.replace(/\s*\n\s*/g, ' / ').replace(/\t/g, ' ')) || ' '
}

function table(rows: string[][]): string {
  const [header, ...body] = rows
  if (!header) return ''
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...body.map(line)].join('\n')
}

function noteItem(note: ReportNote, model: ReportModel): string {
  const labels = labelsOf(model)
  const lines = note.text.trim() ? escapeLines(note.text) : [escapeInline(labels.emptyNote)]
  // A backslash at the end of a line is a hard line break that survives editors trimming spaces.
  const body = lines.join('\\\n  ')
  return `- ${body}\\\n  *${escapeInline(noteCaption(note, labels))}*`
}

function sectionBlock(section: ReportSection, model: ReportModel): string[] {
  const labels = labelsOf(model)
  const out = [`## ${escapeInline(sectionTitle(section, labels))}`, '']
  const prompt = sectionPrompt(section, model)
  if (prompt) out.push(`*${escapeInline(labels.question)}:* ${escapeLines(prompt).join('\\\n')}`, '')
  if (section.noteCount === 0) return [...out, escapeInline(labels.noNotes), '']
  if (section.kind === 'agreements') {
    return [...out, table(agreementTable(section, labels)), '']
  }
  for (const group of section.groups) {
    const title = groupTitle(group, section, labels)
    if (title) out.push(`### ${escapeInline(title)}`, '')
    out.push(...group.notes.map((note) => noteItem(note, model)), '')
  }
  return out
}

export function renderMarkdown(model: ReportModel): string {
  const labels = labelsOf(model)
  const out: string[] = [`# ${escapeInline(documentHeading(model))}`, '']
  out.push(
    headerFacts(model)
      .map((f) => `**${escapeInline(f.label)}:** ${escapeInline(f.value)}`)
      .join('\\\n'),
    '',
  )
  if (model.redacted) out.push(`> ${escapeInline(labels.redactedNotice)}`, '')
  if (model.centralQuestion) {
    const question = escapeLines(quoted(model.centralQuestion)).join('\\\n> ')
    out.push(`> **${escapeInline(labels.centralQuestion)}:** ${question}`, '')
  }
  if (model.rounds.length > 0) out.push(`## ${escapeInline(labels.rounds)}`, '', table(roundTable(model)), '')
  for (const section of model.sections) out.push(...sectionBlock(section, model))
  out.push(`## ${escapeInline(labels.summary)}`, '')
  out.push(...summaryFacts(model).map((f) => `- ${escapeInline(f.label)}: ${f.value}`), '')
  out.push(`### ${escapeInline(labels.notesPerZone)}`, '', table(notesPerZoneTable(model)), '')
  if (model.rounds.length > 0) {
    out.push(`### ${escapeInline(labels.participationPerRound)}`, '', table(participationTable(model)), '')
  }
  out.push('---', '', `*${escapeInline(generatedLine(model))}*`, '')
  return out.join('\n')
}

/** For tests and tools: the text as a reader sees it, with the escaping backslashes removed. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\\n/g, '\n').replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
