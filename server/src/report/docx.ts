import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Block, Fact, NoteItem, TableBlock } from '../../../shared/src/report/blocks'
import { buildReportDocument } from '../../../shared/src/report/document'
import { type ReportLabels, reportLabels } from '../../../shared/src/report/labels'
import { captionOf, documentHeading, labelsOf } from '../../../shared/src/report/outline'
import type { ReportModel } from '../../../shared/src/report/types'
import { pngSize } from './png'

/**
 * The Word document: what organisations in the sector edit and file. A switch over the report
 * document's blocks: real headings (Word's navigation pane and the table of contents field use
 * them), table rows that never split over a page, no "0" for notes without votes, the board
 * picture as PNG with alt text, page numbers in the footer, and title and author in the file's
 * properties.
 */

type Child = Paragraph | Table | TableOfContents
const ACCENT = '2F5D50'
const MUTED = '5F5B53'
const HEADER_FILL = 'F4F1EA'
/** A4 minus 2 cm margins, in twentieths of a point. */
const CONTENT_TWIPS = 9638
/** Cell padding, set once per table: per-cell settings would double the XML of a 2,000-note report. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 }

type RunStyle = { bold?: boolean; italics?: boolean; color?: string; size?: number }

/** Runs for multi-line text: one run per line, joined by line breaks. */
function lines(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...style }))
}

function cell(runs: TextRun[], options: { header?: boolean; right?: boolean } = {}): TableCell {
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

/** Header row repeated on every page; no row split across pages (cantSplit). */
function grid(header: string[], body: TableCell[][], weights: number[]): Table {
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: header.map((value) => cell([new TextRun({ text: value, bold: true })], { header: true })),
    }),
  ]
  for (const cells of body) rows.push(new TableRow({ cantSplit: true, children: cells }))
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: columnWidths(weights),
    margins: CELL_MARGINS,
    rows,
  })
}

function table(block: TableBlock): Table {
  const body = block.rows.map((row) =>
    row.map((value, c) => cell(lines(value), { right: c >= block.numericFrom })),
  )
  return grid(block.header, body, block.weights)
}

/** Note (with its colour as a square, as on the board), author, votes (blank for none), reactions. */
function notesTable(notes: NoteItem[], labels: ReportLabels): Table {
  const body = notes.map((note) => {
    const text = [new TextRun({ text: '■ ', color: note.color.slice(1).toUpperCase() })]
    for (const run of lines(note.text, { italics: note.empty })) text.push(run)
    if (note.context)
      text.push(new TextRun({ text: note.context, break: 1, italics: true, color: MUTED, size: 18 }))
    return [
      cell(text),
      cell(lines(note.author, { italics: note.anonymous })),
      cell(note.votes > 0 ? [new TextRun(String(note.votes))] : [], { right: true }),
      cell(note.reactions ? [new TextRun(note.reactions)] : []),
    ]
  })
  return grid([labels.note, labels.author, labels.votes, labels.reactions], body, [5.6, 1.6, 1.2, 1.6])
}

/**
 * The compact report's appendix: one paragraph per note ("■ text — caption"), smaller. A table
 * row per note costs Word and the docx library ten objects a note; 150,000 notes ran out of memory.
 */
function denseNotes(notes: NoteItem[], labels: ReportLabels): Paragraph[] {
  return notes.map(
    (note) =>
      new Paragraph({
        keepLines: true,
        spacing: { after: 60 },
        children: [
          new TextRun({ text: '■ ', color: note.color.slice(1).toUpperCase(), size: 19 }),
          ...lines(note.text, { italics: note.empty, size: 19 }),
          new TextRun({ text: ` — ${captionOf(note, labels)}`, color: MUTED, size: 17 }),
        ],
      }),
  )
}

function facts(items: Fact[]): Paragraph[] {
  return items.map(
    (f) =>
      new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true }), ...lines(f.value)] }),
  )
}

function picture(png: Buffer, alt: string, caption: string): Paragraph[] {
  const { width, height } = pngSize(png)
  const shownWidth = 620
  const shownHeight = Math.min(Math.round((height / width) * shownWidth), 820)
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: Math.round((width / height) * shownHeight), height: shownHeight },
          altText: { name: caption, title: caption, description: alt },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: caption, color: MUTED, size: 18 })],
    }),
  ]
}

function paragraph(block: Extract<Block, { kind: 'paragraph' }>): Paragraph {
  const label = block.label ? [new TextRun({ text: `${block.label}: `, bold: true, color: ACCENT })] : []
  switch (block.tone) {
    case 'question':
      return new Paragraph({
        spacing: { before: 120, after: 200 },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: ACCENT, space: 8 } },
        children: [...label, ...lines(block.text, { size: 24 })],
      })
    case 'notice':
      return new Paragraph({ children: lines(block.text, { italics: true, color: '7A5B00' }) })
    case 'muted':
      return new Paragraph({
        spacing: { before: 80 },
        children: lines(block.text, { italics: true, color: MUTED }),
      })
    case 'plain':
      return new Paragraph({ children: [...label, ...lines(block.text)] })
  }
}

function render(block: Block, labels: ReportLabels, png: Buffer | null): Child[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, keepNext: true, children: [new TextRun(block.text)] }),
      ]
    case 'heading':
      // keepNext: a heading never ends a page with its text on the next one.
      return [
        new Paragraph({
          heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          children: [new TextRun(block.text)],
        }),
      ]
    case 'facts':
      return facts(block.items)
    case 'keyFigures':
      // One line of figures, as in the PDF: the summary stays on page 1.
      return [
        new Paragraph({ children: lines(block.items.map((f) => `${f.label}: ${f.value}`).join('   ·   ')) }),
      ]
    case 'paragraph':
      return [paragraph(block)]
    case 'notes':
      if (block.dense) return denseNotes(block.notes, labels)
      return [notesTable(block.notes, labels), new Paragraph({ text: '' })]
    case 'table':
      return [table(block), new Paragraph({ text: '' })]
    case 'figure':
      return png ? picture(png, block.alt, block.caption) : []
    case 'contents':
      return [
        // Not a heading itself, or the updated table of contents would list "Inhoud" too.
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: block.title, bold: true, size: 30, color: ACCENT })],
        }),
        // A real TOC field (TOC \o "1-1" \h); the entries are filled in so the list shows before
        // Word updates the field (with page numbers) on opening.
        new TableOfContents(block.title, {
          hyperlink: true,
          headingStyleRange: '1-1',
          cachedEntries: block.entries.map((entry) => ({ title: entry.text, level: 1 })),
        }),
      ]
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
    case 'generated':
      return [
        new Paragraph({
          spacing: { before: 360 },
          children: [new TextRun({ text: block.text, color: MUTED, size: 18 })],
        }),
      ]
  }
}

/** "Pagina {CURRENT} van {TOTAL}" with Word's own page fields in place of the numbers. */
function pageFooter(labels: ReportLabels): Footer {
  const sample = labels.page(111111, 222222)
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
  return renderDocxBlocks(buildReportDocument(model), {
    language: model.language,
    title: documentHeading(model),
    author: model.facilitatorName,
    subject: model.centralQuestion ?? labels.documentTitle,
    description: labels.documentTitle,
    picture: png,
  })
}

/** Any report document as Word: the verslag, or the community's Jaaroverzicht (issue 19). */
export function renderDocxBlocks(
  blocks: readonly Block[],
  page: {
    language: ReportModel['language']
    title: string
    author: string
    subject: string
    description: string
    /** The figure block's PNG (none: left out). */
    picture: Buffer | null
  },
): Promise<Buffer> {
  const labels = reportLabels(page.language)
  const children: Child[] = []
  for (const block of blocks) {
    for (const child of render(block, labels, page.picture)) children.push(child)
  }
  const document = new Document({
    creator: page.author.trim() || 'Oogst',
    lastModifiedBy: 'Oogst',
    title: page.title,
    subject: page.subject,
    description: page.description,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: {
            size: 22,
            font: 'Calibri',
            language: { value: page.language === 'en' ? 'en-GB' : 'nl-NL' },
          },
        },
        title: { run: { size: 40, bold: true, color: ACCENT }, paragraph: { spacing: { after: 160 } } },
        heading1: {
          run: { size: 30, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 240, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: pageFooter(labels) },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}
