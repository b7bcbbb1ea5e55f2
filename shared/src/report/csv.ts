import { formatIsoLocal } from './labels'
import { authorLabel, labelsOf, reactionsText } from './outline'
import type { AgreementItem, ReportModel } from './types'

/**
 * One row per note, in report order, for spreadsheets. Dutch Excel expects ";" between fields
 * (the comma is its decimal separator), so Dutch boards get ";" and English ones ","; a UTF-8 BOM
 * makes Excel read "ë" and emoji correctly. RFC 4180 quoting, CRLF line ends.
 */

/**
 * Spreadsheet programs run a cell as a formula when it starts with "=", "+", "-" or "@" (also after
 * leading spaces, and in their full-width forms "＝＋－＠", which some programs fold to ASCII), and
 * a cell starting with a tab, CR or LF can carry one onto the next line. Checked after NFKC
 * normalisation, with every unicode space and dash counted as what it looks like.
 */
const FORMULA_START = /^[\s\p{Zs}\u200B\uFEFF]*[=+\-@\u2010-\u2015\u2212\uFE63]|^[\t\r\n]/u

/** A value a spreadsheet could run, prefixed with "'" so it shows as the text it is. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value.normalize('NFKC')) ? `'${value}` : value
}

function field(value: string, delimiter: string): string {
  const safe = neutraliseFormula(value)
  const needsQuotes = safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim()
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvDelimiter(model: ReportModel): string {
  return model.language === 'nl' ? ';' : ','
}

/** Who/what/when for the notes of the agreements zone, by note id. */
function agreementsByNote(model: ReportModel): Map<string, AgreementItem> {
  return new Map(model.sections.flatMap((section) => section.agreements.map((item) => [item.noteId, item])))
}

/**
 * One row per note; the notes in the agreements zone ("Afspraken") also fill the Wie/Wat/Wanneer
 * columns, so a spreadsheet can sort and filter the action list.
 */
export function renderCsv(model: ReportModel): string {
  const labels = labelsOf(model)
  const delimiter = csvDelimiter(model)
  const rounds = new Map(model.rounds.map((round) => [round.id, round.title]))
  const agreements = agreementsByNote(model)
  const header = [
    labels.zone,
    labels.cluster,
    labels.author,
    labels.votes,
    labels.reactions,
    labels.round,
    labels.written,
    labels.text,
    labels.who,
    labels.what,
    labels.when,
  ]
  const rows = [header]
  for (const section of model.sections) {
    const zone = section.zone?.title ?? labels.outsideZones
    for (const group of section.groups) {
      for (const note of group.notes) {
        const agreement = agreements.get(note.id)
        rows.push([
          zone,
          group.cluster?.name ?? '',
          authorLabel(note, labels),
          String(note.votes),
          reactionsText(note),
          note.roundId ? (rounds.get(note.roundId) ?? '') : '',
          note.createdAt > 0 ? formatIsoLocal(note.createdAt, model.timeZone) : '',
          note.text,
          agreement?.who ?? '',
          agreement?.what ?? '',
          agreement?.when ?? '',
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
