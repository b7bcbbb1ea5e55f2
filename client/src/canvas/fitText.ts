import {
  FONT_FAMILY,
  LINE_HEIGHT,
  MAX_FONT_SIZE,
  MIN_FONT_SIZE,
  noteTextBox,
  type TextBox,
} from './noteLayout'

/**
 * Fitting a note's text: the largest font size (MAX_FONT_SIZE down to MIN_FONT_SIZE) at which the
 * text fits its box when wrapped at word boundaries. Short ideas are big and readable from a
 * distance; long ones shrink instead of being cut off. The canvas draws exactly the lines laid out
 * here, so fitting and drawing never disagree.
 *
 * Speed matters: a board of 2,000 notes is laid out while it loads. Measuring every candidate line
 * at every candidate size (`measureText` thousands of times per note) was most of the load time.
 * Canvas text widths scale linearly with the font size and add up word by word (checked in
 * Chromium for this font stack), so each word is measured once, at a reference size, and shared by
 * all notes and sizes; a layout is then plain arithmetic, and it is cached per text and box.
 */

export interface NoteTextLayout {
  fontSize: number
  /** The wrapped lines to draw, the last one ending in "…" when even the smallest size overflows. */
  lines: string[]
}

const REFERENCE_SIZE = 100
const ELLIPSIS = '…'
const WORD_CACHE_LIMIT = 20_000
const LAYOUT_CACHE_LIMIT = 5_000

let context: CanvasRenderingContext2D | null = null
const wordWidths = new Map<string, number>()

function measureContext(): CanvasRenderingContext2D | null {
  if (!context) {
    context = document.createElement('canvas').getContext('2d')
    if (context) context.font = `${REFERENCE_SIZE}px ${FONT_FAMILY}`
  }
  return context
}

/** Width of `word` at REFERENCE_SIZE px (multiply by size / REFERENCE_SIZE for another size). */
function referenceWidth(ctx: CanvasRenderingContext2D, word: string): number {
  let width = wordWidths.get(word)
  if (width === undefined) {
    width = ctx.measureText(word).width
    // A full reset is crude but keeps memory bounded; the common words come back at once.
    if (wordWidths.size >= WORD_CACHE_LIMIT) wordWidths.clear()
    wordWidths.set(word, width)
  }
  return width
}

/** Splits a word that is wider than the line into pieces that fit, character by character. */
function breakWord(ctx: CanvasRenderingContext2D, word: string, maxRef: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let width = 0
  for (const char of word) {
    const charWidth = referenceWidth(ctx, char)
    if (piece && width + charWidth > maxRef) {
      pieces.push(piece)
      piece = ''
      width = 0
    }
    piece += char
    width += charWidth
  }
  if (piece) pieces.push(piece)
  return pieces
}

/**
 * Greedy word wrap at font `size`, like Konva's `wrap="word"`; null when a word is wider than the
 * line and `breakWords` is off.
 */
function wrap(
  ctx: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  size: number,
  breakWords: boolean,
): string[] | null {
  // Compare in reference units, so the cached word widths need no scaling.
  const maxRef = (maxWidth * REFERENCE_SIZE) / size
  const space = referenceWidth(ctx, ' ')
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    let width = 0
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = referenceWidth(ctx, word)
      const candidate = line ? width + space + wordWidth : wordWidth
      if (candidate <= maxRef) {
        line = line ? `${line} ${word}` : word
        width = candidate
        continue
      }
      if (line) lines.push(line)
      if (wordWidth <= maxRef) {
        line = word
        width = wordWidth
        continue
      }
      if (!breakWords) return null
      // Konva breaks an over-long word across lines; so do we, and keep its tail on the line.
      const pieces = breakWord(ctx, word, maxRef)
      line = pieces.pop() ?? ''
      width = referenceWidth(ctx, line)
      lines.push(...pieces)
    }
    lines.push(line)
  }
  return lines
}

const fitsHeight = (lines: readonly string[], size: number, box: TextBox) =>
  lines.length * size * LINE_HEIGHT <= box.height

/** `line` shortened until it and "…" fit `maxWidth` at `size`. */
function withEllipsis(ctx: CanvasRenderingContext2D, line: string, maxWidth: number, size: number) {
  const maxRef = (maxWidth * REFERENCE_SIZE) / size
  const chars = Array.from(line)
  const dots = referenceWidth(ctx, ELLIPSIS)
  while (chars.length > 0 && referenceWidth(ctx, chars.join('')) + dots > maxRef) chars.pop()
  return `${chars.join('').trimEnd()}${ELLIPSIS}`
}

function computeLayout(text: string, box: TextBox): NoteTextLayout {
  const ctx = measureContext()
  if (!ctx || !text.trim()) return { fontSize: MAX_FONT_SIZE, lines: text ? text.split('\n') : [] }
  // First try without breaking words: a whole word in a smaller font reads better than a split one.
  for (let size = MAX_FONT_SIZE; size >= MIN_FONT_SIZE; size -= 1) {
    const lines = wrap(ctx, text, box.width, size, false)
    if (lines && fitsHeight(lines, size, box)) return { fontSize: size, lines }
  }
  for (let size = MAX_FONT_SIZE; size > MIN_FONT_SIZE; size -= 1) {
    const lines = wrap(ctx, text, box.width, size, true) ?? []
    if (fitsHeight(lines, size, box)) return { fontSize: size, lines }
  }
  // Too long even at the smallest size: cut off with "…" (the editor grows the note instead).
  const lines = wrap(ctx, text, box.width, MIN_FONT_SIZE, true) ?? []
  const maxLines = Math.max(1, Math.floor(box.height / (MIN_FONT_SIZE * LINE_HEIGHT)))
  if (lines.length <= maxLines) return { fontSize: MIN_FONT_SIZE, lines }
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = withEllipsis(ctx, kept[maxLines - 1] ?? '', box.width, MIN_FONT_SIZE)
  return { fontSize: MIN_FONT_SIZE, lines: kept }
}

// Least recently used entries go first: Map keeps insertion order, and a hit re-inserts its key.
const layouts = new Map<string, NoteTextLayout>()

/** The font size and wrapped lines of a note's text in its text box (cached). */
export function layoutNoteText(text: string, box: TextBox): NoteTextLayout {
  const key = `${box.width}x${box.height}\u0000${text}`
  const cached = layouts.get(key)
  if (cached) {
    layouts.delete(key)
    layouts.set(key, cached)
    return cached
  }
  const layout = computeLayout(text, box)
  if (layouts.size >= LAYOUT_CACHE_LIMIT) {
    const oldest = layouts.keys().next().value
    if (oldest !== undefined) layouts.delete(oldest)
  }
  layouts.set(key, layout)
  return layout
}

export function fitFontSize(text: string, box: TextBox): number {
  return layoutNoteText(text, box).fontSize
}

/** One line of `text` at `size`, cut off with "…" when wider than `maxWidth` (the author's name). */
export function singleLine(text: string, maxWidth: number, size: number): string {
  const ctx = measureContext()
  if (!ctx || (referenceWidth(ctx, text) * size) / REFERENCE_SIZE <= maxWidth) return text
  return withEllipsis(ctx, text, maxWidth, size)
}

let ascentMinusDescent: number | null = null

/**
 * Where Konva puts a line's alphabetic baseline below the line's top: the middle of the line box
 * shifted by half of (ascent − descent). Measured once; font metrics scale with the size too.
 */
export function baselineOffset(size: number, lineHeightPx: number): number {
  if (ascentMinusDescent === null) {
    const metrics = measureContext()?.measureText('M')
    const ascent = metrics ? (metrics.fontBoundingBoxAscent ?? metrics.actualBoundingBoxAscent) : 0
    const descent = metrics ? (metrics.fontBoundingBoxDescent ?? metrics.actualBoundingBoxDescent) : 0
    ascentMinusDescent = (ascent - descent) / REFERENCE_SIZE
  }
  return (ascentMinusDescent * size) / 2 + lineHeightPx / 2
}

/** Notes grow up to this height to fit their text; longer texts shrink further, then scroll. */
export const MAX_GROWN_HEIGHT = 720
/** Below this the text is hard to read from a distance: the note grows instead of shrinking. */
export const GROW_BELOW_FONT_SIZE = 14

/**
 * Shrink, then grow: when a text would need a font smaller than GROW_BELOW_FONT_SIZE, the height
 * the note needs (in board units) to show it at that size; null when it fits as it is.
 */
export function grownHeight(text: string, note: { width: number; height: number }): number | null {
  const box = noteTextBox(note)
  const ctx = measureContext()
  if (!ctx || !text.trim()) return null
  const size = Math.max(MIN_FONT_SIZE, GROW_BELOW_FONT_SIZE)
  const lines = wrap(ctx, text, box.width, size, true) ?? []
  if (fitsHeight(lines, size, box)) return null
  const needed = Math.ceil(lines.length * size * LINE_HEIGHT) + (note.height - box.height)
  return Math.min(MAX_GROWN_HEIGHT, Math.max(note.height, needed))
}
