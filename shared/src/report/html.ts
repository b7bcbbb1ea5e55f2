import type { Block, NoteItem, TableBlock } from './blocks'
import { buildReportDocument } from './document'
import { type ReportLabels, reportLabels } from './labels'
import { documentHeading } from './outline'
import { renderBoardSvg } from './svg'
import type { ReportModel } from './types'

/**
 * One self-contained HTML file: inline CSS, the board picture as a data: image, no scripts and no
 * external requests (the Content-Security-Policy below forbids them, should anything slip in).
 * Every piece of board text goes through `esc`, so a note reading "<script>" is shown, not run.
 */

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

const CSS = `
:root { color-scheme: light; --ink: #22211e; --muted: #5f5b53; --line: #d9d4c8; --accent: #2f5d50; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.notice { background: #fff6d6; border-left: 4px solid #e0b100; padding: .5rem .8rem; }
blockquote { font-size: 1.15rem; margin: .5rem 0; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: #f2f6f4; }
figure { margin: 1rem 0; }
figure img { width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f1ea; }
td.num, th.num { text-align: right; }
.prompt { color: var(--muted); }
ul.notes { list-style: none; padding: 0; margin: 0; }
li.note { border-left: 6px solid var(--note); background: #fbfaf7; padding: .4rem .7rem; margin: 0 0 .5rem; break-inside: avoid; }
.note-text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.note-text.empty { color: var(--muted); font-style: italic; }
.caption { margin: .2rem 0 0; color: var(--muted); font-size: .9rem; }
ul.brief li.note { padding: .25rem .6rem; margin-bottom: .3rem; }
ul.brief .note-text { white-space: normal; }
nav.contents ol { margin: .3rem 0 1rem; }
.muted { color: var(--muted); font-style: italic; }
.page-break { break-after: page; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print { body { max-width: none; padding: 0; } li.note, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`

function table(block: TableBlock): string {
  const cells = (row: string[], tag: 'th' | 'td') =>
    row
      .map((value, i) => {
        const scope = tag === 'th' ? ' scope="col"' : ''
        const num = i >= block.numericFrom ? ' class="num"' : ' dir="auto"'
        return `<${tag}${scope}${num}>${esc(value)}</${tag}>`
      })
      .join('')
  const rows = block.rows.map((row, i) => {
    const id = block.rowIds?.[i]
    return `<tr${id ? ` data-note-id="${esc(id)}"` : ''}>${cells(row, 'td')}</tr>`
  })
  return `<table><thead><tr>${cells(block.header, 'th')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function noteItem(note: NoteItem, labels: ReportLabels): string {
  const caption = note.context ? [esc(note.context), esc(note.author)] : [esc(note.author)]
  if (note.merged > 1) caption.push(esc(labels.writtenTimes(note.merged)))
  if (note.votes > 0) caption.push(`<strong>${esc(labels.voteCount(note.votes))}</strong>`)
  if (note.reactions)
    caption.push(`<span aria-label="${esc(labels.reactions)}">${esc(note.reactions)}</span>`)
  return (
    `<li class="note" data-note-id="${esc(note.id)}" style="--note: ${note.color}">` +
    `<p class="note-text${note.empty ? ' empty' : ''}" dir="auto">${esc(note.text)}</p>` +
    `<p class="caption">${caption.join(' · ')}</p></li>`
  )
}

function facts(items: { label: string; value: string }[]): string {
  return `<dl class="facts">${items.map((f) => `<dt>${esc(f.label)}</dt><dd dir="auto">${esc(f.value)}</dd>`).join('')}</dl>`
}

function render(block: Block, page: HtmlPage, labels: ReportLabels): string {
  switch (block.kind) {
    case 'title':
      return `<h1 dir="auto">${esc(block.text)}</h1>`
    case 'heading': {
      const id = block.anchor ? ` id="${esc(block.anchor)}"` : ''
      return `<h${block.level}${id} dir="auto">${esc(block.text)}</h${block.level}>`
    }
    case 'facts':
    case 'keyFigures':
      return facts(block.items)
    case 'paragraph': {
      const label = block.label ? `<strong>${esc(block.label)}:</strong> ` : ''
      const text = `<span dir="auto">${esc(block.text)}</span>`
      if (block.tone === 'question') return `<blockquote>${label}${text}</blockquote>`
      if (block.tone === 'notice') return `<p class="notice">${label}${text}</p>`
      return `<p class="${block.tone === 'muted' ? 'muted' : 'text'}">${label}${text}</p>`
    }
    case 'notes':
      return `<ul class="notes${block.brief ? ' brief' : ''}">${block.notes.map((note) => noteItem(note, labels)).join('')}</ul>`
    case 'table':
      return table(block)
    case 'figure': {
      if (!page.pictureSvg) return ''
      // An <img> of a data: URL: an SVG shown that way can never run anything.
      const svg = page.pictureSvg()
      return (
        `<figure><img alt="${esc(block.alt)}" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">` +
        `<figcaption>${esc(block.caption)}</figcaption></figure>`
      )
    }
    case 'contents':
      return `<nav class="contents" aria-label="${esc(block.title)}"><h2>${esc(block.title)}</h2><ol>${block.entries
        .map((entry) => `<li><a href="#${esc(entry.anchor)}">${esc(entry.text)}</a></li>`)
        .join('')}</ol></nav>`
    case 'pageBreak':
      return '<div class="page-break"></div>'
    case 'generated':
      return `<footer>${esc(block.text)}</footer>`
  }
}

export function renderHtml(model: ReportModel): string {
  return renderHtmlBlocks(buildReportDocument(model), {
    language: model.language,
    title: documentHeading(model),
    pictureSvg: () => renderBoardSvg(model, { targetWidth: 1600 }),
  })
}

/** What a page needs besides its blocks; `pictureSvg` draws the figure block (none: left out). */
export interface HtmlPage {
  language: ReportModel['language']
  title: string
  pictureSvg?: () => string
}

/** Any report document as one HTML file: the verslag, or the community's Jaaroverzicht (issue 19). */
export function renderHtmlBlocks(blocks: readonly Block[], page: HtmlPage): string {
  const labels = reportLabels(page.language)
  const parts = [
    '<!doctype html>',
    `<html lang="${page.language}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Oogst"><title>${esc(page.title)}</title><style>${CSS}</style></head><body>`,
  ]
  for (const block of blocks) parts.push(render(block, page, labels))
  parts.push('</body></html>')
  return parts.join('\n')
}
