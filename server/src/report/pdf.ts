import PDFDocument from 'pdfkit'
import { NOTE_COLOR_HEX } from '../../../shared/src/model/colors'
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
} from '../../../shared/src/report/outline'
import type { ReportModel, ReportSection } from '../../../shared/src/report/types'
import { FONT_NAMES, registerFonts, textHeight, writeText } from './pdfText'
import { pngSize } from './png'

/**
 * The PDF: pdfkit in plain JavaScript (no browser), A4, bundled fonts, page numbers "Pagina 2 van
 * 5" filled in after all pages exist. Layout is a simple reading column: headings, the board
 * picture, tables for rounds and figures, and every note as a paragraph with a caption.
 */

const ACCENT = '#2f5d50'
const MUTED = '#5f5b53'
const LINE = '#d9d4c8'
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 }

type Doc = PDFKit.PDFDocument

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom
}

/** Starts a new page unless `height` still fits, so a heading never ends a page on its own. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

function heading(doc: Doc, text: string, level: 1 | 2 | 3): void {
  const size = level === 1 ? 22 : level === 2 ? 15 : 12
  ensureSpace(doc, size * 4)
  doc.moveDown(level === 1 ? 0 : 0.8)
  writeText(doc, text, { style: 'bold', size, color: level === 3 ? '#22211e' : ACCENT })
  if (level === 2) {
    const y = doc.y + 2
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.margins.left + contentWidth(doc), y)
      .lineWidth(1)
      .strokeColor(LINE)
      .stroke()
    doc.y = y + 6
  } else doc.moveDown(0.3)
}

/**
 * A simple grid table; columns from `numericFrom` on hold numbers and are aligned right. A row
 * taller than a page is written as plain lines instead.
 */
function table(doc: Doc, rows: string[][], widths: number[], numericFrom = widths.length): void {
  const [header, ...body] = rows
  if (!header) return
  const left = doc.page.margins.left
  const total = widths.reduce((a, b) => a + b, 0)
  const columns = widths.map((w) => (w / total) * contentWidth(doc))
  const pad = 4
  const drawRow = (cells: string[], isHeader: boolean) => {
    const height =
      Math.max(
        ...cells.map((cell, i) =>
          textHeight(doc, cell, (columns[i] ?? 50) - 2 * pad, {
            style: isHeader ? 'bold' : 'regular',
            size: 9.5,
          }),
        ),
      ) +
      2 * pad
    if (height > bottom(doc) - doc.page.margins.top - 40) {
      for (const [i, cell] of cells.entries()) writeText(doc, `${header[i] ?? ''}: ${cell}`, { size: 9.5 })
      doc.moveDown(0.5)
      return
    }
    if (doc.y + height > bottom(doc)) {
      doc.addPage()
      if (!isHeader) drawRow(header, true)
    }
    const top = doc.y
    let x = left
    if (isHeader) doc.rect(left, top, contentWidth(doc), height).fill('#f4f1ea')
    cells.forEach((cell, i) => {
      const width = columns[i] ?? 50
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(LINE).stroke()
      doc.x = x + pad
      doc.y = top + pad
      writeText(doc, cell, {
        style: isHeader ? 'bold' : 'regular',
        size: 9.5,
        width: width - 2 * pad,
        align: i >= numericFrom ? 'right' : 'left',
      })
      x += width
    })
    doc.x = left
    doc.y = top + height
  }
  drawRow(header, true)
  for (const row of body) drawRow(row, false)
  doc.moveDown(0.6)
}

function facts(doc: Doc, items: { label: string; value: string }[]): void {
  for (const { label, value } of items) {
    writeText(doc, `${label}: `, { style: 'bold', size: 10.5, continued: true })
    writeText(doc, value, { size: 10.5 })
  }
}

function sectionPdf(doc: Doc, section: ReportSection, model: ReportModel): void {
  const labels = labelsOf(model)
  heading(doc, sectionTitle(section, labels), 2)
  const prompt = sectionPrompt(section, model)
  if (prompt) {
    writeText(doc, `${labels.question}: ${prompt}`, { style: 'oblique', color: MUTED })
    doc.moveDown(0.5)
  }
  if (section.noteCount === 0) {
    writeText(doc, labels.noNotes)
    return
  }
  if (section.kind === 'agreements') {
    table(doc, agreementTable(section, labels), [2, 5, 2])
    return
  }
  const left = doc.page.margins.left
  for (const group of section.groups) {
    const title = groupTitle(group, section, labels)
    if (title) heading(doc, title, 3)
    for (const note of group.notes) {
      ensureSpace(doc, 44)
      const top = doc.y
      doc.rect(left, top + 2, 8, 8).fill(NOTE_COLOR_HEX[note.color])
      doc.x = left + 16
      const empty = note.text.trim() === ''
      writeText(doc, empty ? labels.emptyNote : note.text, {
        style: empty ? 'oblique' : 'regular',
        color: empty ? MUTED : '#22211e',
        width: contentWidth(doc) - 16,
      })
      writeText(doc, noteCaption(note, labels), { size: 8.5, color: MUTED, width: contentWidth(doc) - 16 })
      doc.x = left
      doc.moveDown(0.5)
    }
  }
}

function pageNumbers(doc: Doc, model: ReportModel): void {
  const labels = labelsOf(model)
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin briefly.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - margin + 24
    const width = contentWidth(doc)
    doc.font(FONT_NAMES.regular).fontSize(8.5).fillColor(MUTED)
    doc.text(documentHeading(model), doc.page.margins.left, y, {
      width: width * 0.7,
      lineBreak: false,
      ellipsis: true,
    })
    doc.text(labels.page(i + 1, range.count), doc.page.margins.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    })
    doc.page.margins.bottom = margin
  }
}

export function renderPdf(model: ReportModel, picture: Buffer | null): Promise<Buffer> {
  const labels = labelsOf(model)
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: model.language === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    info: { Title: documentHeading(model), Author: model.facilitatorName || 'Oogst', Creator: 'Oogst' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  registerFonts(doc)

  heading(doc, documentHeading(model), 1)
  facts(doc, headerFacts(model))
  if (model.redacted) {
    doc.moveDown(0.4)
    writeText(doc, labels.redactedNotice, { style: 'oblique', size: 9.5, color: '#7a5b00' })
  }
  if (model.centralQuestion) {
    doc.moveDown(0.8)
    writeText(doc, `${labels.centralQuestion}: `, { style: 'bold', size: 13, color: ACCENT, continued: true })
    writeText(doc, quoted(model.centralQuestion), { size: 13 })
  }
  if (picture) {
    const { width, height } = pngSize(picture)
    const fitWidth = contentWidth(doc)
    const fitHeight = Math.min((height / width) * fitWidth, 420)
    doc.moveDown(0.8)
    ensureSpace(doc, fitHeight + 20)
    doc.image(picture, doc.page.margins.left, doc.y, { fit: [fitWidth, fitHeight], align: 'center' })
    doc.y += fitHeight + 4
    writeText(doc, labels.boardPicture, { size: 8.5, color: MUTED })
  }
  if (model.rounds.length > 0) {
    heading(doc, labels.rounds, 2)
    table(doc, roundTable(model), [3.4, 1.6, 3.4, 1.6, 2.2], 3)
  }
  for (const section of model.sections) sectionPdf(doc, section, model)
  heading(doc, labels.summary, 2)
  facts(doc, summaryFacts(model))
  heading(doc, labels.notesPerZone, 3)
  table(doc, notesPerZoneTable(model), [3, 1], 1)
  if (model.rounds.length > 0) {
    heading(doc, labels.participationPerRound, 3)
    table(doc, participationTable(model), [3, 1, 1], 1)
  }
  doc.moveDown(1)
  writeText(doc, generatedLine(model), { size: 8.5, color: MUTED })
  pageNumbers(doc, model)
  doc.end()
  return done
}
