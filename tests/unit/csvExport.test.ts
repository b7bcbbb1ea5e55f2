import { describe, expect, it } from 'vitest'
import { buildReport, buildSampleBoard } from '../../shared/src/report'
import { neutraliseFormula, parseCsv, renderCsv } from '../../shared/src/report/csv'
import type { ReportModel } from '../../shared/src/report/types'

/**
 * The CSV is opened in Excel or LibreOffice by people who trust it. A note is typed by anyone, so
 * no cell may start the way a formula starts, however it is spelled; and the action list of the
 * agreements zone must be sortable by who and when.
 */

const NOW = Date.UTC(2025, 2, 13, 9, 0)

/** Every start a spreadsheet could read as a formula (or carry one onto a new line). */
const DANGEROUS: string[] = [
  '=1+1',
  '=HYPERLINK("http://evil.example","klik")',
  '+31 6 1234 5678 belt',
  '-5 graden',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\tgewoon een tab',
  '\r=1+1',
  '\n=1+1',
  '\rregel',
  '\nregel',
  ' =1+1',
  '   +1',
  '\u00a0=1+1',
  '\u3000=1+1',
  ' \t -2',
  '\uff1d1+1',
  '\uff0b1',
  '\uff0d1',
  '\uff20SUM(A1)',
  ' \uff1d1+1',
  '\ufe661+1',
  '\u22121',
  '\u2013 streepje',
  '\u200b=1+1',
]

const HARMLESS: string[] = [
  'Koffieochtend in de buurtkamer',
  '5 - 3 = 2',
  'mail info@example.nl',
  "'al geciteerd",
  '',
  '   ',
  '06-12345678',
  '€ -5',
]

describe('CSV cells that could run as a formula', () => {
  it.each(DANGEROUS.map((value) => [value]))('neutralises %j with a leading apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`)
  })

  it.each(HARMLESS.map((value) => [value]))('leaves %j as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value)
  })

  it('neutralises every cell of a real export, whatever the note starts with', () => {
    const { content, control } = buildSampleBoard()
    const model = buildReport(content, control, { now: NOW })
    const withNotes: ReportModel = {
      ...model,
      sections: model.sections.map((section, index) =>
        index === 0
          ? {
              ...section,
              groups: section.groups.map((group, g) =>
                g === 0
                  ? {
                      ...group,
                      notes: [
                        ...group.notes,
                        ...DANGEROUS.map(
                          (text, i) => ({ ...group.notes[0], id: `n-danger-${i}`, text }) as never,
                        ),
                      ],
                    }
                  : group,
              ),
            }
          : section,
      ),
    }
    const rows = parseCsv(renderCsv(withNotes), ';').slice(1)
    const texts = rows.map((row) => row[7] ?? '')
    for (const text of DANGEROUS) expect(texts).toContain(`'${text}`)
    // An independent check of every cell: formula-like only behind the apostrophe.
    const formulaLike = (value: string) =>
      /^[\s\p{Zs}\u200b]*[=+\-@\u2212\u2013]|^[\t\r\n]/u.test(value.normalize('NFKC'))
    for (const row of rows)
      for (const value of row)
        expect(formulaLike(value) && !value.startsWith("'"), JSON.stringify(value)).toBe(false)
  })
})

describe('CSV columns for the agreements', () => {
  it('splits agreements into Wie, Wat and Wanneer next to the full text', () => {
    const { content, control } = buildSampleBoard()
    const model = buildReport(content, control, { now: NOW })
    const rows = parseCsv(renderCsv(model), ';')
    expect(rows[0]?.slice(-3)).toEqual(['Wie', 'Wat', 'Wanneer'])
    const byText = (start: string) => rows.find((row) => row[7]?.startsWith(start))
    expect(byText('Wie: Fatima')?.slice(-3)).toEqual([
      'Fatima',
      'flyer maken voor de koffieochtend',
      '1 april',
    ])
    expect(byText('Youssef regelt')?.slice(-3)).toEqual([
      '',
      'Youssef regelt de zaal voor 15 maart',
      'voor 15 maart',
    ])
    // Notes outside the agreements zone leave the three columns empty.
    expect(byText('Koffieochtend')?.slice(-3)).toEqual(['', '', ''])
    for (const row of rows) expect(row).toHaveLength(11)
  })

  it('uses English column names and "," on an English board', () => {
    const { content, control } = buildSampleBoard()
    const model = { ...buildReport(content, control, { now: NOW }), language: 'en' as const }
    const rows = parseCsv(renderCsv(model), ',')
    expect(rows[0]?.slice(-3)).toEqual(['Who', 'What', 'When'])
  })
})
