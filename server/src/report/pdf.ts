import PDFDocument from 'pdfkit'
import type { Block } from '../../../shared/src/report/blocks'
import { buildReportDocument } from '../../../shared/src/report/document'
import { type ReportLabels, reportLabels } from '../../../shared/src/report/labels'
import { captionOf, documentHeading } from '../../../shared/src/report/outline'
import type { ReportModel } from '../../../shared/src/report/types'
import {
  ACCENT,
  artifact,
  contentWidth,
  type Doc,
  ensureSpace,
  heading,
  MUTED,
  type NoteLook,
  noteHeight,
  notes,
  type Struct,
  table,
  tableLeadHeight,
} from './pdfLayout'
import { FONT_NAMES, registerFonts, textHeight, writeText } from './pdfText'
import { pngSize } from './png'

/**
 * The PDF: pdfkit in plain JavaScript (no browser), A4, bundled fonts, a switch over the report
 * document's blocks. Tagged (a structure tree of headings, lists, tables and the picture with its
 * alt text), bookmarks for every part, headings kept with what follows, and "Pagina 2 van 5"
 * filled in after all pages exist.
 */

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 }

interface Context {
  doc: Doc
  root: Struct
  labels: ReportLabels
  picture: Buffer | null
  /** The bookmark of the current part, for its sub-parts. */
  part: PDFKit.PDFOutline | null
}

function noteLook(block: Extract<Block, { kind: 'notes' }>): NoteLook {
  return block.brief ? 'brief' : block.dense ? 'dense' : 'full'
}

/** Height of what a block starts with: a heading is kept together with at least that much. */
function leadHeight(ctx: Context, block: Block | undefined): number {
  const { doc } = ctx
  if (!block) return 0
  switch (block.kind) {
    case 'notes': {
      const first = block.notes[0]
      return first ? noteHeight(doc, first, captionOf(first, ctx.labels), noteLook(block)) : 0
    }
    case 'table':
      return tableLeadHeight(doc, block)
    case 'paragraph':
      return textHeight(doc, `${block.label ?? ''} ${block.text}`, contentWidth(doc)) + 8
    case 'facts':
      return 16 * Math.min(3, block.items.length)
    case 'keyFigures':
      return 32
    case 'figure':
      return 200
    default:
      return 20
  }
}

function facts(ctx: Context, items: { label: string; value: string }[]): void {
  const { doc } = ctx
  for (const { label, value } of items) {
    ctx.root.add(
      doc.struct('P', {}, () => {
        writeText(doc, `${label}: `, { style: 'bold', size: 10.5, continued: true })
        writeText(doc, value, { size: 10.5 })
      }),
    )
  }
}

function paragraph(ctx: Context, block: Extract<Block, { kind: 'paragraph' }>): void {
  const { doc } = ctx
  const size = block.tone === 'question' ? 12 : block.tone === 'plain' ? 10.5 : 9.5
  const color = block.tone === 'notice' ? '#7a5b00' : block.tone === 'muted' ? MUTED : '#22211e'
  const style = block.tone === 'notice' || block.tone === 'muted' ? 'oblique' : 'regular'
  ctx.root.add(
    doc.struct(block.tone === 'question' ? 'BlockQuote' : 'P', {}, () => {
      if (block.label) {
        writeText(doc, `${block.label}: `, { style: 'bold', size, color: ACCENT, continued: true })
      }
      writeText(doc, block.text, { style, size, color, width: contentWidth(doc) })
    }),
  )
  doc.moveDown(0.5)
}

function figure(ctx: Context, alt: string, caption: string): void {
  const { doc, picture } = ctx
  if (!picture) return
  const { width, height } = pngSize(picture)
  const fitWidth = contentWidth(doc)
  const fitHeight = Math.min((height / width) * fitWidth, 560)
  ensureSpace(doc, fitHeight + 20)
  const top = doc.y
  ctx.root.add(
    doc.struct('Figure', { alt }, () => {
      doc.image(picture, doc.page.margins.left, top, { fit: [fitWidth, fitHeight], align: 'center' })
    }),
  )
  doc.y = top + fitHeight + 4
  ctx.root.add(doc.struct('Caption', {}, () => writeText(doc, caption, { size: 8.5, color: MUTED })))
}

function render(ctx: Context, block: Block, next: Block | undefined): void {
  const { doc, root, labels } = ctx
  switch (block.kind) {
    case 'title':
      heading(doc, root, block.text, 1, leadHeight(ctx, next))
      return
    case 'heading': {
      const level = block.level
      heading(doc, root, block.text, level, leadHeight(ctx, next))
      if (level === 2) ctx.part = doc.outline.addItem(block.text)
      else if (block.anchor) (ctx.part ?? doc.outline).addItem(block.text)
      return
    }
    case 'facts':
      facts(ctx, block.items)
      doc.moveDown(0.4)
      return
    case 'keyFigures':
      // One line of figures: the summary's last part must not need a page of its own.
      root.add(
        doc.struct('P', {}, () =>
          writeText(doc, block.items.map((f) => `${f.label}: ${f.value}`).join('   ·   '), {
            size: 10.5,
            width: contentWidth(doc),
          }),
        ),
      )
      doc.moveDown(0.4)
      return
    case 'paragraph':
      paragraph(ctx, block)
      return
    case 'notes':
      notes(
        doc,
        root,
        block.notes,
        block.notes.map((note) => captionOf(note, labels)),
        noteLook(block),
      )
      return
    case 'table':
      table(doc, root, block)
      return
    case 'figure':
      figure(ctx, block.alt, block.caption)
      return
    case 'pageBreak':
      if (doc.y > doc.page.margins.top + 1) doc.addPage()
      return
    case 'generated':
      doc.moveDown(1)
      ensureSpace(doc, 20)
      root.add(doc.struct('P', {}, () => writeText(doc, block.text, { size: 8.5, color: MUTED })))
      return
    // The bookmarks are the PDF's table of contents.
    case 'contents':
      return
  }
}

function pageNumbers(doc: Doc, title: string, labels: ReportLabels): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin briefly.
    const margin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - margin + 24
    const width = contentWidth(doc)
    artifact(doc, () => {
      doc.font(FONT_NAMES.regular).fontSize(8.5).fillColor(MUTED)
      doc.text(title, doc.page.margins.left, y, {
        width: width * 0.7,
        lineBreak: false,
        ellipsis: true,
      })
      doc.text(labels.page(i + 1, range.count), doc.page.margins.left, y, {
        width,
        align: 'right',
        lineBreak: false,
      })
    })
    doc.page.margins.bottom = margin
  }
}

export function renderPdf(model: ReportModel, picture: Buffer | null): Promise<Buffer> {
  return renderPdfBlocks(buildReportDocument(model), {
    language: model.language,
    title: documentHeading(model),
    author: model.facilitatorName,
    picture,
  })
}

/** What a paged document needs besides its blocks; `picture` is the figure block's PNG (none: left out). */
export interface PagedDocument {
  language: ReportModel['language']
  title: string
  author: string
  picture: Buffer | null
}

/** Any report document as PDF: the verslag, or the community's Jaaroverzicht (issue 19). */
export function renderPdfBlocks(blocks: readonly Block[], page: PagedDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: page.language === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    info: { Title: page.title, Author: page.author || 'Oogst', Creator: 'Oogst' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  registerFonts(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  const labels = reportLabels(page.language)
  const ctx: Context = { doc, root, labels, picture: page.picture, part: null }
  for (const [index, block] of blocks.entries()) render(ctx, block, blocks[index + 1])
  root.end()
  pageNumbers(doc, page.title, labels)
  // Open with the bookmarks shown: the 2,000-note report is navigated by its parts.
  ;(doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageMode = 'UseOutlines'
  doc.end()
  return done
}
