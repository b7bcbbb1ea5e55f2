import {
  FONT_FAMILY,
  LINE_HEIGHT,
  MAX_FONT_SIZE,
  MIN_FONT_SIZE,
  noteTextBox,
  type TextBox,
} from './noteLayout'

/**
 * The largest font size (MAX_FONT_SIZE down to MIN_FONT_SIZE) at which a text fits its box when
 * wrapped at word boundaries, like Konva's `wrap="word"`. Short ideas are big and readable from a
 * distance; long ones shrink instead of being cut off. Results are cached: a board re-renders
 * often, but a note's text and size rarely change.
 */

let context: CanvasRenderingContext2D | null = null

function measureContext(): CanvasRenderingContext2D | null {
  if (!context) context = document.createElement('canvas').getContext('2d')
  return context
}

/** Number of lines `text` takes at the current context font; Infinity when a word does not fit. */
function countLines(
  ctx: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  breakWords: boolean,
): number {
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let line = ''
    lines += 1
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word
      if (ctx.measureText(candidate).width <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines += 1
      line = word
      const wordWidth = ctx.measureText(word).width
      if (wordWidth > maxWidth) {
        if (!breakWords) return Number.POSITIVE_INFINITY
        // Konva breaks an over-long word across lines; estimate how many it takes.
        lines += Math.ceil(wordWidth / maxWidth) - 1
        line = ''
      }
    }
  }
  return lines
}

function fits(ctx: CanvasRenderingContext2D, text: string, box: TextBox, size: number, breakWords: boolean) {
  ctx.font = `${size}px ${FONT_FAMILY}`
  const lines = countLines(ctx, text, box.width, breakWords)
  return lines * size * LINE_HEIGHT <= box.height
}

function computeFontSize(text: string, box: TextBox): number {
  const ctx = measureContext()
  if (!ctx || !text.trim()) return MAX_FONT_SIZE
  // First try without breaking words: a whole word in a smaller font reads better than a split one.
  for (let size = MAX_FONT_SIZE; size >= MIN_FONT_SIZE; size -= 1) {
    if (fits(ctx, text, box, size, false)) return size
  }
  for (let size = MAX_FONT_SIZE; size > MIN_FONT_SIZE; size -= 1) {
    if (fits(ctx, text, box, size, true)) return size
  }
  return MIN_FONT_SIZE
}

const CACHE_LIMIT = 2000
const cache = new Map<string, number>()

export function fitFontSize(text: string, box: TextBox): number {
  const key = `${box.width}x${box.height}\u0000${text}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const size = computeFontSize(text, box)
  // A full reset is crude but keeps memory bounded while someone types a long note.
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, size)
  return size
}

/** Notes grow up to this height to fit their text; longer texts scroll in the editor. */
export const MAX_GROWN_HEIGHT = 720

/**
 * Shrink, then grow: when a text does not fit its note even at the smallest font size, the height
 * the note needs (in board units) so that it does; null when it fits as it is.
 */
export function grownHeight(text: string, note: { width: number; height: number }): number | null {
  const box = noteTextBox(note)
  const ctx = measureContext()
  if (!ctx || !text.trim() || fits(ctx, text, box, MIN_FONT_SIZE, true)) return null
  ctx.font = `${MIN_FONT_SIZE}px ${FONT_FAMILY}`
  const lines = countLines(ctx, text, box.width, true)
  const needed = Math.ceil(lines * MIN_FONT_SIZE * LINE_HEIGHT) + (note.height - box.height)
  return Math.min(MAX_GROWN_HEIGHT, Math.max(note.height, needed))
}
