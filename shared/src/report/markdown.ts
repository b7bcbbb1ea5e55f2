import type { Block, NoteItem, TableBlock } from './blocks'
import { buildReportDocument } from './document'
import { reportLabels } from './labels'
import { captionOf } from './outline'
import type { ReportModel } from './types'

/**
 * Markdown (CommonMark + GFM tables) from the report document. Note text is escaped only where
 * it would otherwise change the rendering, so "Oogst & afspraken" and "[verwijderd]" stay as
 * typed in the raw file, while "# kop", "<script>", "**vet**" or "[link](javascript:…)" written
 * on a note still show as typed and are never interpreted by a viewer. No hard line breaks with
 * a trailing backslash: a note's lines are soft breaks, its caption follows after a dash.
 */

/** Characters that start markup anywhere in a line (emphasis, code, strikethrough). */
const INLINE = /[`*~]/g
/** "_" emphasises only at a word's edge ("snake_case" stays); "<" only before a tag or autolink. */
const UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu
const TAG_OPEN = /<(?=[a-z/!?])/gi
/** "\" before punctuation would itself escape; "&name;" would be an entity; "](" or "]:" a link. */
const BACKSLASH = /\\(?=[!-/:-@[-`{-~]|$)/g
const ENTITY = /&(?=#?[0-9a-z]+;)/gi
const LINK_CLOSE = /\](?=[([:])/g

function escapeInline(text: string): string {
  return text
    .replace(BACKSLASH, '\\\\')
    .replace(INLINE, (char) => `\\${char}`)
    .replace(UNDERSCORE, '\\_')
    .replace(TAG_OPEN, '\\<')
    .replace(ENTITY, '\\&')
    .replace(LINK_CLOSE, '\\]')
}

/** What makes a line a block of its own: heading, quote, list item, rule, setext underline. */
function escapeLineStart(line: string): string {
  if (/^[\s|:-]+$/.test(line) && line.includes('-') && line.includes('|')) {
    return line.replace(/\|/g, '\\|') // a GFM table's delimiter row
  }
  return line
    .replace(/^(\s*)(#{1,6}(?:\s|$)|>|[-+](?:\s|$)|=+\s*$|-{3,}\s*$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)](?:\s|$))/, '$1\\$2')
}

function escapeLine(line: string): string {
  return escapeLineStart(escapeInline(line.trim().replace(/\t/g, ' ')))
}

/** Escaped lines of a text, empty lines dropped (an empty line would end the list item). */
function escapeLines(text: string): string[] {
  const lines: string[] = []
  for (const line of text.split('\n')) if (line.trim() !== '') lines.push(escapeLine(line))
  return lines
}

/** Table cells are one line: line breaks become " / ", and "|" would end the cell. */
function cell(text: string): string {
  return escapeInline(text.replace(/\s*\n\s*/g, ' / ').replace(/\t/g, ' ')).replace(/\|/g, '\\|') || ' '
}

function table(block: TableBlock): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  const rule = `|${block.header.map((_, i) => (i >= block.numericFrom ? ' ---: ' : ' --- ')).join('|')}|`
  const lines = [line(block.header), rule]
  for (const row of block.rows) lines.push(line(row))
  return lines.join('\n')
}

function noteItem(note: NoteItem, language: ReportModel['language'], brief: boolean): string {
  const labels = reportLabels(language)
  const lines = escapeLines(note.text)
  const text = note.empty ? `*${lines.join(' ')}*` : lines.join('\n  ')
  const caption = escapeInline(captionOf(note, labels))
  return brief ? `- ${text} — *${caption}*` : `- ${text}\n  — *${caption}*`
}

function render(block: Block, language: ReportModel['language']): string | null {
  switch (block.kind) {
    case 'title':
      return `# ${escapeLine(block.text)}`
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeLine(block.text)}`
    case 'facts':
    case 'keyFigures':
      return block.items
        .map((fact) => `- **${escapeInline(fact.label)}:** ${escapeLines(fact.value).join(' ')}`)
        .join('\n')
    case 'paragraph': {
      const text = escapeLines(block.text).join('\n')
      const label = block.label ? `**${escapeInline(block.label)}:** ` : ''
      if (block.tone === 'notice' || block.tone === 'question') {
        return `> ${label}${text.replace(/\n/g, '\n> ')}`
      }
      return block.tone === 'muted' ? `*${label}${text}*` : `${label}${text}`
    }
    case 'notes':
      return block.notes.map((note) => noteItem(note, language, block.brief)).join('\n')
    case 'table':
      return table(block)
    case 'generated':
      return `---\n\n*${escapeInline(block.text)}*`
    // No picture in a text file, and a viewer builds its own outline; pages do not exist.
    case 'figure':
    case 'contents':
    case 'pageBreak':
      return null
  }
}

export function renderMarkdown(model: ReportModel): string {
  return renderMarkdownBlocks(buildReportDocument(model), model.language)
}

/** Any report document as Markdown: the verslag, or the community's Jaaroverzicht (issue 19). */
export function renderMarkdownBlocks(blocks: readonly Block[], language: ReportModel['language']): string {
  const parts: string[] = []
  for (const block of blocks) {
    const text = render(block, language)
    if (text !== null) parts.push(text)
  }
  return `${parts.join('\n\n')}\n`
}

/** For tests and tools: the text as a reader sees it, with the escaping backslashes removed. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
