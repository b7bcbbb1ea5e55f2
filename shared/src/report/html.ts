import { NOTE_COLOR_HEX } from '../model/colors'
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
} from './outline'
import { renderBoardSvg } from './svg'
import type { ReportModel, ReportNote, ReportSection } from './types'

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
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print { body { max-width: none; padding: 0; } li.note, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`

function table(rows: string[][], numericFrom = 99): string {
  const [header, ...body] = rows
  if (!header) return ''
  const cells = (row: string[], tag: 'th' | 'td') =>
    row.map((value, i) => `<${tag}${i >= numericFrom ? ' class="num"' : ''}>${esc(value)}</${tag}>`).join('')
  return `<table><thead><tr>${cells(header, 'th')}</tr></thead><tbody>${body
    .map((row) => `<tr>${cells(row, 'td')}</tr>`)
    .join('')}</tbody></table>`
}

function noteItem(note: ReportNote, model: ReportModel): string {
  const labels = labelsOf(model)
  const empty = note.text.trim() === ''
  const caption = [esc(authorLabel(note, labels))]
  if (note.votes > 0) caption.push(`<strong>${esc(labels.voteCount(note.votes))}</strong>`)
  const reactions = reactionsText(note)
  if (reactions) caption.push(`<span aria-label="${esc(labels.reactions)}">${esc(reactions)}</span>`)
  return (
    `<li class="note" data-note-id="${esc(note.id)}" style="--note: ${NOTE_COLOR_HEX[note.color]}">` +
    `<p class="note-text${empty ? ' empty' : ''}" dir="auto">${esc(empty ? labels.emptyNote : note.text)}</p>` +
    `<p class="caption">${caption.join(' · ')}</p></li>`
  )
}

function agreements(section: ReportSection, model: ReportModel): string {
  const [header, ...rows] = agreementTable(section, labelsOf(model))
  if (!header) return ''
  const head = header.map((h) => `<th>${esc(h)}</th>`).join('')
  const body = rows
    .map((row, i) => {
      const cells = row.map((value) => `<td dir="auto" class="note-text">${esc(value)}</td>`).join('')
      return `<tr data-note-id="${esc(section.agreements[i]?.noteId ?? '')}">${cells}</tr>`
    })
    .join('')
  return `<table class="agreements"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

function sectionHtml(section: ReportSection, model: ReportModel): string {
  const labels = labelsOf(model)
  const out = [`<section class="zone"><h2 dir="auto">${esc(sectionTitle(section, labels))}</h2>`]
  const prompt = sectionPrompt(section, model)
  if (prompt) out.push(`<p class="prompt"><strong>${esc(labels.question)}:</strong> ${esc(prompt)}</p>`)
  if (section.noteCount === 0) out.push(`<p>${esc(labels.noNotes)}</p>`)
  else if (section.kind === 'agreements') out.push(agreements(section, model))
  else {
    for (const group of section.groups) {
      const title = groupTitle(group, section, labels)
      if (title) out.push(`<h3 dir="auto">${esc(title)}</h3>`)
      out.push(`<ul class="notes">${group.notes.map((note) => noteItem(note, model)).join('')}</ul>`)
    }
  }
  out.push('</section>')
  return out.join('')
}

export function renderHtml(model: ReportModel): string {
  const labels = labelsOf(model)
  const heading = documentHeading(model)
  const svg = renderBoardSvg(model, { targetWidth: 1600 })
  const facts = headerFacts(model)
    .map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd>`)
    .join('')
  const parts = [
    '<!doctype html>',
    `<html lang="${model.language}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Oogst"><title>${esc(heading)}</title><style>${CSS}</style></head><body>`,
    `<header><h1 dir="auto">${esc(heading)}</h1><dl class="facts">${facts}</dl></header>`,
  ]
  if (model.redacted) parts.push(`<p class="notice">${esc(labels.redactedNotice)}</p>`)
  if (model.centralQuestion) {
    parts.push(
      `<blockquote><strong>${esc(labels.centralQuestion)}:</strong> <span dir="auto">${esc(quoted(model.centralQuestion))}</span></blockquote>`,
    )
  }
  // The picture is an <img> of a data: URL: an SVG shown that way can never run anything.
  parts.push(
    `<figure><img alt="${esc(labels.boardPictureAlt(model.title))}" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">`,
    `<figcaption>${esc(labels.boardPicture)}</figcaption></figure>`,
  )
  if (model.rounds.length > 0) parts.push(`<h2>${esc(labels.rounds)}</h2>${table(roundTable(model), 3)}`)
  for (const section of model.sections) parts.push(sectionHtml(section, model))
  parts.push(`<h2>${esc(labels.summary)}</h2>`)
  const totals = summaryFacts(model).map(
    (f) => `<tr><th scope="row">${esc(f.label)}</th><td class="num">${esc(f.value)}</td></tr>`,
  )
  parts.push(`<table class="summary"><tbody>${totals.join('')}</tbody></table>`)
  parts.push(`<h3>${esc(labels.notesPerZone)}</h3>${table(notesPerZoneTable(model), 1)}`)
  if (model.rounds.length > 0) {
    parts.push(`<h3>${esc(labels.participationPerRound)}</h3>${table(participationTable(model), 1)}`)
  }
  parts.push(`<footer>${esc(generatedLine(model))}</footer></body></html>`)
  return parts.join('\n')
}
