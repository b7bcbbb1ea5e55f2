/**
 * The report as a document: a flat list of blocks that `buildReportDocument` fills once, in the
 * verslag's order (summary first, then the questions, then the appendix). Every format (HTML,
 * Markdown, DOCX, PDF and the preview in the export dialog) is a switch over these kinds, so
 * content and order are decided in one place and no renderer walks the report model itself.
 */

export interface Fact {
  label: string
  value: string
}

/** One note as every format shows it: the text and the caption's parts, already worded. */
export interface NoteItem {
  id: string
  /** The note's text, or the "(leeg briefje)" placeholder when `empty`. */
  text: string
  empty: boolean
  /** True when the text was shortened for the summary (the full text is in the body). */
  shortened: boolean
  /** "Fatima", "Anoniem", "Bram (ingebracht door begeleider)". */
  author: string
  anonymous: boolean
  votes: number
  /** Merged near-duplicates: the number of notes this one stands for (1 for an ordinary note). */
  merged: number
  /** "👍 2  💡 1", or "" when nobody reacted. */
  reactions: string
  /** The note's colour as "#rrggbb". */
  color: string
  /** Where the note stands, for lists that mix questions or groups ("Wat kan beter? · Vervoer"). */
  context: string
}

export interface TableBlock {
  kind: 'table'
  header: string[]
  rows: string[][]
  /** Columns from this index on hold numbers (aligned right). */
  numericFrom: number
  /** Relative column widths for the paged formats. */
  weights: number[]
  /** The note each row shows (agreements), for tests and anchors; absent for figures. */
  rowIds?: string[]
}

export type Block =
  /** The document title (one per report). */
  | { kind: 'title'; text: string }
  /** Level 2: a part of the verslag (bookmarked, in the table of contents); level 3: within it. */
  | { kind: 'heading'; level: 2 | 3; text: string; anchor: string }
  | { kind: 'facts'; items: Fact[] }
  /**
   * `label` is shown bold before the text ("Vraag:"); `tone` picks the look: a zone's question,
   * a notice (redaction), muted remarks ("Nog 240 briefjes …"), or plain text with line breaks.
   */
  | { kind: 'paragraph'; text: string; label?: string; tone: 'plain' | 'question' | 'notice' | 'muted' }
  /**
   * `brief`: shortened notes (the summary); otherwise the full note with its caption. `dense`:
   * the appendix of a compact report, set smaller in the paged formats.
   */
  | { kind: 'notes'; notes: NoteItem[]; brief: boolean; dense?: boolean }
  | TableBlock
  /** The board picture (each format draws or embeds it its own way). */
  | { kind: 'figure'; alt: string; caption: string }
  | { kind: 'keyFigures'; items: Fact[] }
  /** A table of contents over the level-2 headings (a real TOC field in DOCX). */
  | { kind: 'contents'; title: string; entries: { text: string; anchor: string }[] }
  | { kind: 'pageBreak' }
  | { kind: 'generated'; text: string }

export type BlockKind = Block['kind']
