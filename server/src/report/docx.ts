import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { NOTE_COLOR_HEX } from '../../../shared/src/model/colors'
import {
  agreementTable,
  authorLabel,
  documentHeading,
  generatedLine,
  groupTitle,
  headerFacts,
  labelsOf,
  notesPerZoneTable,
  participationTable,
  quoted,
  reactionsText,
  roundTable,
  sectionPrompt,
  sectionTitle,
  summaryFacts,
} from '../../../shared/src/report/outline'
import type { ReportGroup, ReportModel, ReportSection } from '../../../shared/src/report/types'
import { pngSize } from './png'

/**
 * The Word document: what organisations in the sector edit and file. Real headings (so Word's
 * navigation pane and table of contents work), tables for rounds, votes and figures, the board
 * picture as PNG, page numbers in the footer, and the board's language set on the text.
 */

type Block = Paragraph | Table
const ACCENT = '2F5D50'
const MUTED = '5F5B53'
const HEADER_FILL = 'F4F1EA'
/** A4 minus 2 cm margins, in twentieths of a point. */
const CONTENT_TWIPS = 9638

/** Runs for multi-line text: one run per line, joined by line breaks. */
function lines(
  text: string,
  options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {},
) {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...options }))
}

/** Cell padding, set once per table: per-cell settings would double the XML of a 2,000-note report. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 }

function cell(
  text: string,
  options: { header?: boolean; italics?: boolean; marker?: string; right?: boolean } = {},
) {
  const runs = lines(text, { bold: options.header === true, italics: options.italics === true })
  // The note's colour as a square in front of its text, as on the board.
  if (options.marker) runs.unshift(new TextRun({ text: '■ ', color: options.marker }))
  return new TableCell({
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
    children: [
      new Paragraph({ children: runs, ...(options.right ? { alignment: AlignmentType.RIGHT } : {}) }),
    ],
  })
}

function columnWidths(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => Math.round((w / total) * CONTENT_TWIPS))
}

/** Columns from `numericFrom` on hold numbers and are aligned right. */
function table(rows: string[][], weights: number[], numericFrom = weights.length): Table {
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: columnWidths(weights),
    margins: CELL_MARGINS,
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: row.map((value, c) => cell(value, { header: r === 0, right: c >= numericFrom })),
        }),
    ),
  })
}

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const heading =
    level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3
  // keepNext: a heading never ends a page with its table on the next one.
  return new Paragraph({ heading, keepNext: true, children: [new TextRun({ text })] })
}

function fact(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(value)] })
}

/** One table per group: note (with its colour), author, votes, reactions. */
function notesTable(group: ReportGroup, model: ReportModel): Table {
  const labels = labelsOf(model)
  const header = [labels.note, labels.author, labels.votes, labels.reactions]
  const rows = [
    new TableRow({ tableHeader: true, children: header.map((value) => cell(value, { header: true })) }),
    ...group.notes.map((note) => {
      const empty = note.text.trim() === ''
      return new TableRow({
        children: [
          cell(empty ? labels.emptyNote : note.text, {
            italics: empty,
            marker: NOTE_COLOR_HEX[note.color].slice(1).toUpperCase(),
          }),
          cell(authorLabel(note, labels), { italics: note.anonymous }),
          cell(String(note.votes), { right: true }),
          cell(reactionsText(note)),
        ],
      })
    }),
  ]
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: columnWidths([5.6, 1.6, 1.2, 1.6]),
    margins: CELL_MARGINS,
    rows,
  })
}

function sectionBlocks(section: ReportSection, model: ReportModel): Block[] {
  const labels = labelsOf(model)
  const blocks: Block[] = [heading(sectionTitle(section, labels), 2)]
  const prompt = sectionPrompt(section, model)
  if (prompt) {
    blocks.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${labels.question}: `, italics: true, color: MUTED }),
          ...lines(prompt, { italics: true, color: MUTED }),
        ],
      }),
    )
  }
  if (section.noteCount === 0) return [...blocks, new Paragraph({ text: labels.noNotes })]
  if (section.kind === 'agreements') return [...blocks, table(agreementTable(section, labels), [2, 5, 2])]
  for (const group of section.groups) {
    const title = groupTitle(group, section, labels)
    if (title) blocks.push(heading(title, 3))
    blocks.push(notesTable(group, model), new Paragraph({ text: '' }))
  }
  return blocks
}

function picture(png: Buffer, model: ReportModel): Paragraph {
  const labels = labelsOf(model)
  const { width, height } = pngSize(png)
  const shownWidth = 620
  const shownHeight = Math.min(Math.round((height / width) * shownWidth), 820)
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: Math.round((width / height) * shownHeight), height: shownHeight },
        altText: {
          name: labels.boardPicture,
          title: labels.boardPicture,
          description: labels.boardPictureAlt(model.title),
        },
      }),
    ],
  })
}

/** "Pagina {CURRENT} van {TOTAL}" with Word's own page fields in place of the numbers. */
function pageFooter(model: ReportModel): Footer {
  const sample = labelsOf(model).page(111111, 222222)
  const [before = '', rest = ''] = sample.split('111111')
  const [middle = '', after = ''] = rest.split('222222')
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            color: MUTED,
            size: 18,
            children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after],
          }),
        ],
      }),
    ],
  })
}

export function renderDocx(model: ReportModel, png: Buffer | null): Promise<Buffer> {
  const labels = labelsOf(model)
  const children: Block[] = [heading(documentHeading(model), 1)]
  for (const f of headerFacts(model)) children.push(fact(f.label, f.value))
  if (model.redacted) {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: labels.redactedNotice, italics: true, color: '7A5B00' })],
      }),
    )
  }
  if (model.centralQuestion) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 240 },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: ACCENT, space: 8 } },
        children: [
          new TextRun({ text: `${labels.centralQuestion}: `, bold: true, color: ACCENT, size: 26 }),
          ...lines(quoted(model.centralQuestion), { size: 26 }),
        ],
      }),
    )
  }
  if (png)
    children.push(
      picture(png, model),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: labels.boardPicture, color: MUTED, size: 18 })],
      }),
    )
  if (model.rounds.length > 0)
    children.push(heading(labels.rounds, 2), table(roundTable(model), [3.4, 1.6, 3.4, 1.6, 2.2], 3))
  for (const section of model.sections) children.push(...sectionBlocks(section, model))
  children.push(heading(labels.summary, 2))
  for (const f of summaryFacts(model)) children.push(fact(f.label, f.value))
  children.push(heading(labels.notesPerZone, 3), table(notesPerZoneTable(model), [3, 1], 1))
  if (model.rounds.length > 0)
    children.push(heading(labels.participationPerRound, 3), table(participationTable(model), [3, 1, 1], 1))
  children.push(
    new Paragraph({
      spacing: { before: 360 },
      children: [new TextRun({ text: generatedLine(model), color: MUTED, size: 18 })],
    }),
  )

  const document = new Document({
    creator: 'Oogst',
    title: documentHeading(model),
    description: labels.documentTitle,
    styles: {
      default: {
        document: {
          run: {
            size: 22,
            font: 'Calibri',
            language: { value: model.language === 'en' ? 'en-GB' : 'nl-NL' },
          },
        },
        heading1: { run: { size: 36, bold: true, color: ACCENT }, paragraph: { spacing: { after: 160 } } },
        heading2: {
          run: { size: 28, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading3: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: pageFooter(model) },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}
