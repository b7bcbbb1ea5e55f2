import type { NoteItem, TableBlock } from '../../../shared/src/report/blocks'
import { textHeight, writeText } from './pdfText'

/**
 * Drawing helpers for the PDF, each writing tagged structure (PDF/UA-style: headings, lists,
 * tables with header cells, figures with alt text) so screen readers and reflow work. Lines,
 * fills and colour squares are marked as artifacts: decoration, not content.
 */

export type Doc = PDFKit.PDFDocument
export type Struct = PDFKit.PDFStructureElement
type StructOptions = Parameters<Doc['struct']>[1]

export const ACCENT = '#2f5d50'
export const MUTED = '#5f5b53'
export const INK = '#22211e'
const LINE = '#d9d4c8'
const TABLE_FONT = 9.5

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom
}

/** Starts a new page unless `height` still fits. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

/** Decoration (rules, fills, colour squares) that assistive technology should skip. */
export function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact')
  draw()
  doc.endMarkedContent()
}

export const HEADING_SIZE = { 1: 22, 2: 15, 3: 12 } as const

/**
 * A heading, kept with what follows: `followHeight` is the height of the first thing after it,
 * so a heading never stands alone at the bottom of a page.
 */
export function heading(
  doc: Doc,
  parent: Struct,
  text: string,
  level: 1 | 2 | 3,
  followHeight: number,
): void {
  const size = HEADING_SIZE[level]
  const own = textHeight(doc, text, contentWidth(doc), { style: 'bold', size }) + size
  ensureSpace(doc, own + Math.min(followHeight, 200))
  if (level !== 1 && doc.y > doc.page.margins.top + 1) doc.moveDown(0.8)
  parent.add(
    doc.struct(`H${level}`, {}, () =>
      writeText(doc, text, {
        style: 'bold',
        size,
        color: level === 3 ? INK : ACCENT,
        width: contentWidth(doc),
      }),
    ),
  )
  if (level === 2) {
    const y = doc.y + 2
    const left = doc.page.margins.left
    artifact(doc, () =>
      doc
        .moveTo(left, y)
        .lineTo(left + contentWidth(doc), y)
        .lineWidth(1)
        .strokeColor(LINE)
        .stroke(),
    )
    doc.y = y + 6
  } else doc.moveDown(0.3)
}

function rowHeight(doc: Doc, cells: string[], columns: number[], isHeader: boolean, pad: number): number {
  let height = 0
  for (const [i, cell] of cells.entries()) {
    const style = isHeader ? 'bold' : 'regular'
    height = Math.max(
      height,
      textHeight(doc, cell, (columns[i] ?? 50) - 2 * pad, { style, size: TABLE_FONT }),
    )
  }
  return height + 2 * pad
}

/** Height of the header and first row: what a heading above the table must be kept with. */
export function tableLeadHeight(doc: Doc, block: TableBlock): number {
  const columns = columnWidths(doc, block.weights)
  const first = block.rows[0]
  return (
    rowHeight(doc, block.header, columns, true, 4) + (first ? rowHeight(doc, first, columns, false, 4) : 0)
  )
}

function columnWidths(doc: Doc, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (w / total) * contentWidth(doc))
}

/** A grid table, rows never split over pages (the header is repeated on the next page). */
export function table(doc: Doc, parent: Struct, block: TableBlock): void {
  const left = doc.page.margins.left
  const columns = columnWidths(doc, block.weights)
  const pad = 4
  const tableStruct = doc.struct('Table')
  parent.add(tableStruct)
  const drawRow = (cells: string[], isHeader: boolean) => {
    const height = rowHeight(doc, cells, columns, isHeader, pad)
    const row = doc.struct('TR')
    tableStruct.add(row)
    if (height > bottom(doc) - doc.page.margins.top - 40) {
      // Taller than a page: written as plain lines, each with its column's name.
      for (const [i, cell] of cells.entries()) {
        row.add(
          doc.struct('TD', {}, () =>
            writeText(doc, `${block.header[i] ?? ''}: ${cell}`, { size: TABLE_FONT }),
          ),
        )
      }
      row.end()
      doc.moveDown(0.5)
      return
    }
    const top = doc.y
    let x = left
    artifact(doc, () => {
      if (isHeader) doc.rect(left, top, contentWidth(doc), height).fill('#f4f1ea')
      for (const width of columns) {
        doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(LINE).stroke()
        x += width
      }
    })
    x = left
    for (const [i, cell] of cells.entries()) {
      const width = columns[i] ?? 50
      // pdfkit writes /Scope for header cells; its type definitions do not list the option yet.
      const options = (isHeader ? { scope: 'Column' } : {}) as StructOptions
      row.add(
        doc.struct(isHeader ? 'TH' : 'TD', options, () => {
          doc.x = x + pad
          doc.y = top + pad
          writeText(doc, cell, {
            style: isHeader ? 'bold' : 'regular',
            size: TABLE_FONT,
            width: width - 2 * pad,
            align: i >= block.numericFrom ? 'right' : 'left',
          })
        }),
      )
      x += width
    }
    row.end()
    doc.x = left
    doc.y = top + height
  }
  drawRow(block.header, true)
  for (const cells of block.rows) {
    if (doc.y + rowHeight(doc, cells, columns, false, pad) > bottom(doc)) {
      doc.addPage()
      drawRow(block.header, true)
    }
    drawRow(cells, false)
  }
  tableStruct.end()
  doc.moveDown(0.6)
}

export type NoteLook = 'full' | 'brief' | 'dense'
const NOTE_SIZE: Record<NoteLook, number> = { full: 10.5, brief: 10, dense: 9 }

export function noteHeight(doc: Doc, note: NoteItem, caption: string, look: NoteLook): number {
  const width = contentWidth(doc) - 16
  if (look === 'dense')
    return textHeight(doc, `${note.text} — ${caption}`, width, { size: NOTE_SIZE.dense }) + 3
  const text = textHeight(doc, note.text, width, { size: NOTE_SIZE[look] })
  return text + textHeight(doc, caption, width, { size: 8.5 }) + 6
}

/**
 * Notes as a list: a colour square, the text, and the caption (author, votes, reactions); in the
 * dense look (a compact report's appendix) the caption follows the text on the same line.
 */
export function notes(doc: Doc, parent: Struct, items: NoteItem[], captions: string[], look: NoteLook): void {
  const list = doc.struct('L')
  parent.add(list)
  const left = doc.page.margins.left
  const width = contentWidth(doc) - 16
  for (const [index, note] of items.entries()) {
    const caption = captions[index] ?? ''
    // A short note is never split from its caption; a long one may flow over pages.
    ensureSpace(doc, Math.min(noteHeight(doc, note, caption, look), 140))
    const top = doc.y
    artifact(doc, () => doc.rect(left, top + 2, 8, 8).fill(note.color))
    const item = doc.struct('LI')
    list.add(item)
    item.add(
      doc.struct('LBody', {}, () => {
        doc.x = left + 16
        const dense = look === 'dense'
        writeText(doc, note.text, {
          style: note.empty ? 'oblique' : 'regular',
          size: NOTE_SIZE[look],
          color: note.empty ? MUTED : INK,
          width,
          continued: dense,
        })
        writeText(doc, dense ? ` — ${caption}` : caption, {
          size: dense ? NOTE_SIZE.dense : 8.5,
          color: MUTED,
          width,
        })
      }),
    )
    item.end()
    doc.x = left
    doc.moveDown(look === 'full' ? 0.5 : 0.25)
  }
  list.end()
}
