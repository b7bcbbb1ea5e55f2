import { formatIsoLocal } from './labels'
import { authorLabel, labelsOf, reactionsText } from './outline'
import type { ReportModel } from './types'

/**
 * One row per note, in report order, for spreadsheets. Dutch Excel expects ";" between fields
 * (the comma is its decimal separator), so Dutch boards get ";" and English ones ","; a UTF-8 BOM
 * makes Excel read "ë" and emoji correctly. RFC 4180 quoting, CRLF line ends.
 */

/** Spreadsheet programs run a cell starting with these as a formula ("=HYPERLINK(…)"). */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

function field(value: string, delimiter: string): string {
  const safe = neutraliseFormula(value)
  const needsQuotes = safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim()
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvDelimiter(model: ReportModel): string {
  return model.language === 'nl' ? ';' : ','
}

export function renderCsv(model: ReportModel): string {
  const labels = labelsOf(model)
  const delimiter = csvDelimiter(model)
  const rounds = new Map(model.rounds.map((round) => [round.id, round.title]))
  const header = [
    labels.zone,
    labels.cluster,
    labels.author,
    labels.votes,
    labels.reactions,
    labels.round,
    labels.written,
    labels.text,
  ]
  const rows = [header]
  for (const section of model.sections) {
    const zone = section.zone?.title ?? labels.outsideZones
    for (const group of section.groups) {
      for (const note of group.notes) {
        rows.push([
          zone,
          group.cluster?.name ?? '',
          authorLabel(note, labels),
          String(note.votes),
          reactionsText(note),
          note.roundId ? (rounds.get(note.roundId) ?? '') : '',
          note.createdAt > 0 ? formatIsoLocal(note.createdAt, model.timeZone) : '',
          note.text,
        ])
      }
    }
  }
  return `\uFEFF${rows.map((row) => row.map((value) => field(value, delimiter)).join(delimiter)).join('\r\n')}\r\n`
}

/** Parses what renderCsv writes (RFC 4180), for tests and tools. The BOM is skipped. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let value = ''
  let quoted = false
  const input = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < input.length; i++) {
    const char = input[i]
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        value += '"'
        i++
      } else if (char === '"') quoted = false
      else value += char
    } else if (char === '"') quoted = true
    else if (char === delimiter) {
      row.push(value)
      value = ''
    } else if (char === '\r' && input[i + 1] === '\n') {
      row.push(value)
      rows.push(row)
      row = []
      value = ''
      i++
    } else value += char
  }
  if (value !== '' || row.length > 0) rows.push([...row, value])
  return rows
}
