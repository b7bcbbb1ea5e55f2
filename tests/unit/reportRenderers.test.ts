import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { renderDocx } from '../../server/src/report/docx'
import { renderPdf } from '../../server/src/report/pdf'
import { pngSize } from '../../server/src/report/png'
import { boardPng } from '../../server/src/report/reportService'
import { createNote, createZone, initBoardMeta } from '../../shared/src/model'
import {
  boardBounds,
  buildReport,
  buildReportDocument,
  buildSampleBoard,
  type ReportModel,
  type ReportNote,
  renderHtml,
  renderMarkdown,
  unescapeMarkdown,
} from '../../shared/src/report'

/**
 * Every renderer is a switch over the same report document: the parts come in the same order in
 * Markdown, HTML, Word and PDF, and each format's own promises hold (Word's table of contents and
 * unsplittable rows, the PDF's bookmarks and tags, Markdown that escapes only what would render).
 */

const NOW = Date.UTC(2025, 2, 13, 9, 0)
const sampleModel = () => {
  const board = buildSampleBoard()
  return buildReport(board.content, board.control, { now: NOW })
}

function partTitles(model: ReportModel): string[] {
  return buildReportDocument(model).flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []))
}

/** Index of each title in `text`, which must be increasing. */
function expectInOrder(text: string, titles: string[], format: string): void {
  let from = 0
  for (const title of titles) {
    const at = text.indexOf(title, from)
    expect(at, `${format}: "${title}" after position ${from}`).toBeGreaterThanOrEqual(from)
    from = at + title.length
  }
}

async function docxXml(body: Buffer): Promise<{ document: string; core: string }> {
  const zip = await JSZip.loadAsync(body)
  return {
    document: (await zip.file('word/document.xml')?.async('string')) ?? '',
    core: (await zip.file('docProps/core.xml')?.async('string')) ?? '',
  }
}

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body), useSystemFonts: false, isEvalSupported: false })
    .promise
  let text = ''
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  return text
}

describe('report renderers over one document', () => {
  it('show the same parts in the same order in Markdown, HTML, Word and PDF', async () => {
    const model = sampleModel()
    const titles = partTitles(model)
    expect(titles.slice(0, 2)).toEqual(['Samenvatting', 'Centrale vraag'])
    expect(titles.at(-1)).toBe('Bijlage')
    expectInOrder(unescapeMarkdown(renderMarkdown(model)), titles, 'md')
    expectInOrder(renderHtml(model), titles, 'html')
    const { document } = await docxXml(await renderDocx(model, null))
    // The Word table of contents lists the parts too; leave it out.
    expectInOrder(document.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, ''), titles, 'docx')
    expectInOrder((await pdfText(await renderPdf(model, null))).replace(/\s+/g, ' '), titles, 'pdf')
  })

  it('Word: a table of contents field, rows that never split, no "0" dots, title and author set', async () => {
    const model = sampleModel()
    const { document, core } = await docxXml(await renderDocx(model, null))
    expect(document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-1&quot;/)
    const rows = document.match(/<w:tr>|<w:tr /g)?.length ?? 0
    expect(document.match(/<w:cantSplit\/>/g)?.length).toBe(rows)
    // A note without dots has an empty dots cell, never "0".
    expect(document).not.toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">0<\/w:t>/)
    expect(core).toContain('<dc:title>Oogst: Buurtavond Zuidoost: “samen sterker”</dc:title>')
    expect(core).toContain('<dc:creator>Anouk de Wit</dc:creator>')
    expect(core).not.toContain('Un-named')
  })

  it('PDF: bookmarks for the parts, a structure tree, marked as tagged', async () => {
    const body = await renderPdf(sampleModel(), null)
    const raw = body.toString('latin1')
    expect(raw).toContain('/StructTreeRoot')
    expect(raw).toContain('/MarkInfo')
    expect(raw).toContain('/Marked true')
    expect(raw).toContain('/Outlines')
    expect(raw).toContain('/PageMode /UseOutlines')
    const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false }).promise
    const outline = await pdf.getOutline()
    expect(outline?.map((item) => item.title)).toEqual(partTitles(sampleModel()))
    const tree = await (await pdf.getPage(1)).getStructTree()
    expect(JSON.stringify(tree)).toContain('"role":"H1"')
  })

  it('Markdown escapes only what would change the rendering', () => {
    const content = new Y.Doc()
    initBoardMeta(content, { title: 'Oogst & afspraken', language: 'nl' })
    createZone(content, { id: 'z', title: 'Vraag', prompt: 'Wat nu?', x: 0, y: 0, width: 500, height: 500 })
    const texts = [
      'Koffie & thee',
      'Bel [verwijderd] morgen',
      'snake_case blijft staan',
      'Twee regels\nvan één briefje',
      '# geen kop',
      '1. geen lijst',
      '**geen vet** en <b>geen html</b>',
      '[klik](javascript:alert(1))',
      'a &amp; b',
    ]
    texts.forEach((text, i) => {
      createNote(content, {
        id: `n${i}`,
        text,
        x: 10,
        y: 10 + i,
        zoneId: 'z',
        authorId: 'a',
        authorName: 'Ans',
      })
    })
    const md = renderMarkdown(buildReport(content, new Y.Doc(), { now: NOW }))
    expect(md).not.toMatch(/\\$/m) // no trailing backslashes as line breaks
    expect(md).toContain('# Oogst: Oogst & afspraken')
    expect(md).toContain('- Koffie & thee')
    expect(md).toContain('Bel [verwijderd] morgen')
    expect(md).toContain('snake_case blijft staan')
    expect(md).toContain('- Twee regels\n  van één briefje')
    expect(md).toContain('- \\# geen kop')
    expect(md).toContain('- 1\\. geen lijst')
    expect(md).toContain('\\*\\*geen vet\\*\\* en \\<b>geen html\\</b>')
    expect(md).toContain('[klik\\](javascript:alert(1))')
    expect(md).toContain('a \\&amp; b')
  })

  it('handle 150,000 notes without recursion or argument spreads overflowing the stack', () => {
    const model = sampleModel()
    const template = model.notes[0] as ReportNote
    const notes: ReportNote[] = []
    for (let i = 0; i < 150_000; i++) {
      notes.push({
        ...template,
        id: `m${i}`,
        text: `n${i}`,
        x: (i % 400) * 10,
        y: Math.floor(i / 400) * 10,
        width: 8,
        height: 8,
        votes: i % 3,
        createdAt: i,
      })
    }
    const section = model.sections[1]
    if (!section) throw new Error('sample has no second section')
    const huge: ReportModel = {
      ...model,
      compact: true,
      notes,
      sections: [{ ...section, groups: [{ cluster: null, notes, votes: 150_000 }], noteCount: notes.length }],
    }
    const blocks = buildReportDocument(huge)
    expect(blocks.length).toBeGreaterThan(10)
    expect(renderMarkdown(huge).length).toBeGreaterThan(150_000)
    expect(boardBounds(huge).width).toBeGreaterThan(3990)
  })

  it('keeps the picture of a very tall board to a size that can be drawn, with every note in it', () => {
    const model = sampleModel()
    // A board grown downwards to 300,000 units, as 150,000 notes in one column of zones would.
    const tall: ReportModel = {
      ...model,
      notes: model.notes.map((note, i) => ({ ...note, y: i * 14_000 })),
    }
    const { width, height } = pngSize(boardPng(tall))
    expect(width * height).toBeLessThanOrEqual(16_000_000)
    expect(height).toBeGreaterThan(width) // the whole board, not a crop
  })
})
