import * as fontkit from 'fontkit'
import { textForDrawing } from '../../../shared/src/report/text'
import { FONT_FILES } from './fonts'

/**
 * pdfkit draws each piece of text in one font and has no fallback, so text is split into runs:
 * DejaVu Sans where it has the glyph, Noto Emoji where only that has it. Characters neither has
 * stay in DejaVu (its "missing" box) rather than disappearing silently.
 */

export type FontStyle = 'regular' | 'bold' | 'oblique'
export const FONT_NAMES: Record<FontStyle | 'emoji', string> = {
  regular: 'Oogst-Regular',
  bold: 'Oogst-Bold',
  oblique: 'Oogst-Oblique',
  emoji: 'Oogst-Emoji',
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT_NAMES.regular, FONT_FILES.regular)
  doc.registerFont(FONT_NAMES.bold, FONT_FILES.bold)
  doc.registerFont(FONT_NAMES.oblique, FONT_FILES.oblique)
  doc.registerFont(FONT_NAMES.emoji, FONT_FILES.emoji)
}

type Coverage = { hasGlyphForCodePoint(codePoint: number): boolean }
let coverage: { main: Coverage; emoji: Coverage } | null = null

function fonts(): { main: Coverage; emoji: Coverage } {
  coverage ??= {
    main: fontkit.openSync(FONT_FILES.regular) as unknown as Coverage,
    emoji: fontkit.openSync(FONT_FILES.emoji) as unknown as Coverage,
  }
  return coverage
}

/** Latin (all of Dutch) and common punctuation are in DejaVu: skip the per-character check. */
const ONLY_COMMON = /^[\n\t -\u024f\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/
/** Zero-width characters that join or modify an emoji stay in the emoji's run. */
const JOINER = /^[\u200d\ufe0e\ufe0f\u20e3]$/

/** Hebrew and Arabic letters (and their marks). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/

export interface Run {
  font: 'main' | 'emoji'
  /**
   * fontkit lays out a run containing right-to-left letters entirely right to left, spaces too,
   * so "שלום buren" would come out as " שלוםburen". Such letters get runs of their own; spaces
   * and punctuation always go with the left-to-right text around them.
   */
  rtl: boolean
  text: string
}

export function splitRuns(text: string): Run[] {
  const clean = textForDrawing(text)
  if (ONLY_COMMON.test(clean)) return [{ font: 'main', rtl: false, text: clean }]
  const { main, emoji } = fonts()
  const runs: Run[] = []
  for (const char of clean) {
    const last = runs.at(-1)
    const code = char.codePointAt(0) ?? 0
    let font: Run['font']
    if (JOINER.test(char) && last) font = last.font
    else if (code < 0x250 || main.hasGlyphForCodePoint(code)) font = 'main'
    else font = emoji.hasGlyphForCodePoint(code) ? 'emoji' : 'main'
    const rtl = RTL_LETTER.test(char)
    if (last && last.font === font && last.rtl === rtl) last.text += char
    else runs.push({ font, rtl, text: char })
  }
  return runs
}

export interface TextOptions extends PDFKit.Mixins.TextOptions {
  style?: FontStyle
  size?: number
  color?: string
}

/** Writes text at the current position (flowing onto new pages), switching fonts per run. */
export function writeText(doc: PDFKit.PDFDocument, text: string, options: TextOptions = {}): void {
  const { style = 'regular', size = 10.5, color = '#22211e', ...textOptions } = options
  const runs = splitRuns(text)
  doc.fontSize(size).fillColor(color)
  runs.forEach((run, index) => {
    doc.font(run.font === 'emoji' ? FONT_NAMES.emoji : FONT_NAMES[style])
    doc.text(run.text, {
      ...textOptions,
      continued: index < runs.length - 1 || textOptions.continued === true,
    })
  })
  if (runs.length === 0) doc.font(FONT_NAMES[style]).text('', textOptions)
}

/** Height the text will take at `width` (for keeping table rows and captions together). */
export function textHeight(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  options: { style?: FontStyle; size?: number } = {},
): number {
  doc.font(FONT_NAMES[options.style ?? 'regular']).fontSize(options.size ?? 10.5)
  // Emoji are about as wide as capitals; measuring with the main font is close enough here.
  return doc.heightOfString(textForDrawing(text) || ' ', { width })
}
