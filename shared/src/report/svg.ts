import { NOTE_COLOR_HEX } from '../model/colors'
import { SHAPE_COLOR_HEX, type ShapeData } from '../model/shapes'
import type { ZoneData } from '../model/zones'
import { labelsOf } from './outline'
import { textForDrawing } from './text'
import type { ReportModel, ReportNote } from './types'

/**
 * The board picture as SVG, drawn from the report model (not from the live canvas), so it is the
 * same on the server and in the browser: zones as rounded rectangles with their titles, notes as
 * coloured squares with wrapped text and a vote badge. The server turns it into PNG (resvg) for
 * DOCX and PDF with the bundled DejaVu Sans and Noto Emoji fonts named below.
 */

export const SVG_FONT_FAMILY = "'DejaVu Sans', 'Noto Emoji', sans-serif"

export interface BoardSvgOptions {
  /**
   * Width the picture will be shown at, in pixels. Notes that end up too small to read there are
   * drawn without text, which keeps a 2,000-note board quick to rasterise. Default: full detail.
   */
  targetWidth?: number
}

const PADDING = 40
const NOTE_PADDING = 12
const NOTE_FONT = 15
const LINE_HEIGHT = 1.3
/** Below this rendered font size (px) note text is an unreadable smudge: leave it out. */
const MIN_READABLE_FONT_PX = 6

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/**
 * Approximate advance width of a character in em for DejaVu Sans, erring wide so wrapped lines
 * never overflow the note. Exact metrics would need the font file, which the browser lacks.
 */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0
  // Combining accents, zero-width joiners and variation selectors take no room of their own.
  if (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200d) ||
    (code >= 0xfe00 && code <= 0xfe0f)
  ) {
    return 0
  }
  if (code > 0x2e7f) return 1.25 // emoji, CJK: wide
  if (/[il.,:;'|!ftj()[\] ]/.test(char)) return 0.36
  if (/[mwMW@]/.test(char)) return 1.0
  if (/[A-Z]/.test(char)) return 0.74
  return 0.64
}

function textWidth(text: string, fontSize: number): number {
  let width = 0
  for (const char of text) width += charWidth(char)
  return width * fontSize
}

/**
 * Greedy word wrap into at most `maxLines` lines, keeping the writer's line breaks; the last line
 * ends in "…" when text is cut.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = []
  const full = () => lines.length >= maxLines
  for (const paragraph of textForDrawing(text).split('\n')) {
    const words = paragraph.replace(/\s+/g, ' ').trim().split(' ')
    let line = ''
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word
      if (textWidth(candidate, fontSize) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      if (full()) return ellipsis(lines, true)
      line = ''
      // A word longer than the line is broken by characters.
      for (const char of word) {
        if (textWidth(line + char, fontSize) > maxWidth && line) {
          lines.push(line)
          if (full()) return ellipsis(lines, true)
          line = ''
        }
        line += char
      }
    }
    if (line) lines.push(line)
    if (lines.length > maxLines) return ellipsis(lines.slice(0, maxLines), true)
  }
  return lines
}

function ellipsis(lines: string[], cut: boolean): string[] {
  if (!cut || lines.length === 0) return lines
  const last = [...(lines.at(-1) ?? '')]
  lines[lines.length - 1] = `${last.slice(0, Math.max(0, last.length - 2)).join('')}…`
  return lines
}

/** The area the picture covers, in board coordinates (with a margin). */
export function boardBounds(model: ReportModel): { x: number; y: number; width: number; height: number } {
  const rects = [
    ...model.zones,
    ...model.notes,
    ...model.shapes.filter((shape) => shape.kind !== 'connector'),
  ]
  if (rects.length === 0) return { x: 0, y: 0, width: 800, height: 400 }
  const minX = Math.min(...rects.map((r) => r.x))
  const minY = Math.min(...rects.map((r) => r.y))
  const maxX = Math.max(...rects.map((r) => r.x + r.width))
  const maxY = Math.max(...rects.map((r) => r.y + r.height))
  return {
    x: minX - PADDING,
    y: minY - PADDING,
    width: maxX - minX + 2 * PADDING,
    height: maxY - minY + 2 * PADDING,
  }
}

function textBlock(lines: string[], x: number, y: number, fontSize: number, extra = ''): string {
  if (lines.length === 0) return ''
  const spans = lines
    .map(
      (line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : fontSize * LINE_HEIGHT}">${escapeXml(line)}</tspan>`,
    )
    .join('')
  return `<text x="${x}" y="${y}" font-size="${fontSize}"${extra}>${spans}</text>`
}

function zoneSvg(zone: ZoneData): string {
  const titleSize = Math.max(14, Math.min(28, zone.width / 18))
  const title = wrapText(zone.title, zone.width - 32, titleSize, 2)
  const prompt = wrapText(zone.prompt, zone.width - 32, titleSize * 0.6, 2)
  const promptY = zone.y + 24 + titleSize * (title.length * LINE_HEIGHT + 0.3)
  return [
    `<rect x="${zone.x}" y="${zone.y}" width="${zone.width}" height="${zone.height}" rx="14" fill="${zone.color}" stroke="#bdb6a6" stroke-width="2"/>`,
    textBlock(title, zone.x + 16, zone.y + 16 + titleSize, titleSize, ' font-weight="bold" fill="#2b2a26"'),
    textBlock(prompt, zone.x + 16, promptY, titleSize * 0.6, ' fill="#55514a"'),
  ].join('')
}

function noteSvg(note: ReportNote, showText: boolean, emptyLabel: string): string {
  const fill = NOTE_COLOR_HEX[note.color]
  const parts = [
    `<rect x="${note.x + 3}" y="${note.y + 4}" width="${note.width}" height="${note.height}" fill="#000" fill-opacity="0.12"/>`,
    `<rect x="${note.x}" y="${note.y}" width="${note.width}" height="${note.height}" fill="${fill}" stroke="#00000026"/>`,
  ]
  if (showText) {
    const maxLines = Math.max(1, Math.floor((note.height - 2 * NOTE_PADDING) / (NOTE_FONT * LINE_HEIGHT)))
    const empty = note.text.trim() === ''
    const lines = wrapText(empty ? emptyLabel : note.text, note.width - 2 * NOTE_PADDING, NOTE_FONT, maxLines)
    const style = empty ? ' fill="#77736b" font-style="italic"' : ' fill="#1f1e1b"'
    parts.push(textBlock(lines, note.x + NOTE_PADDING, note.y + NOTE_PADDING + NOTE_FONT, NOTE_FONT, style))
  }
  if (note.votes > 0) {
    const cx = note.x + note.width - 4
    const cy = note.y + 4
    parts.push(
      `<circle cx="${cx}" cy="${cy}" r="15" fill="#2f5d50"/>`,
      `<text x="${cx}" y="${cy + 5}" font-size="14" font-weight="bold" fill="#fff" text-anchor="middle">${note.votes}</text>`,
    )
  }
  return `<g>${parts.join('')}</g>`
}

type Box = { x: number; y: number; width: number; height: number }

/** Where the line from the centre of `box` towards `target` leaves the box. */
function edgePoint(box: Box, target: { x: number; y: number }): { x: number; y: number } {
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const dx = target.x - cx
  const dy = target.y - cy
  if (dx === 0 && dy === 0) return { x: cx, y: cy }
  const t = Math.min(Math.abs(box.width / 2 / (dx || 1e-9)), Math.abs(box.height / 2 / (dy || 1e-9)))
  return { x: cx + dx * Math.min(1, t), y: cy + dy * Math.min(1, t) }
}

function shapeSvg(shape: ShapeData, items: Map<string, Box>): string {
  const color = SHAPE_COLOR_HEX[shape.color]
  const { x, y, width, height } = shape
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" fill="${color}" fill-opacity="0.06" stroke="${color}" stroke-width="3"/>`
    case 'ellipse':
      return `<ellipse cx="${x + width / 2}" cy="${y + height / 2}" rx="${width / 2}" ry="${height / 2}" fill="${color}" fill-opacity="0.06" stroke="${color}" stroke-width="3"/>`
    case 'text': {
      const lines = wrapText(
        shape.text,
        width,
        shape.fontSize,
        Math.max(1, Math.floor(height / (shape.fontSize * LINE_HEIGHT))),
      )
      return textBlock(lines, x, y + shape.fontSize, shape.fontSize, ` fill="${color}"`)
    }
    case 'connector': {
      const from = shape.fromId ? items.get(shape.fromId) : undefined
      const to = shape.toId ? items.get(shape.toId) : undefined
      if (!from || !to) return ''
      const a = edgePoint(from, { x: to.x + to.width / 2, y: to.y + to.height / 2 })
      const b = edgePoint(to, { x: from.x + from.width / 2, y: from.y + from.height / 2 })
      return `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${color}" stroke-width="3" marker-end="url(#arrow-${shape.color})"/>`
    }
  }
}

const ARROW_MARKERS = Object.entries(SHAPE_COLOR_HEX)
  .map(
    ([name, hex]) =>
      `<marker id="arrow-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${hex}"/></marker>`,
  )
  .join('')

export function renderBoardSvg(model: ReportModel, options: BoardSvgOptions = {}): string {
  const labels = labelsOf(model)
  const box = boardBounds(model)
  const scale = options.targetWidth ? Math.min(1, options.targetWidth / box.width) : 1
  const zones = model.zones.map(zoneSvg).join('')
  // Stacking as on the canvas: higher z on top (the sort is stable, so older notes stay below).
  const notes = [...model.notes]
    .sort((a, b) => a.z - b.z)
    .map((note) => noteSvg(note, NOTE_FONT * scale >= MIN_READABLE_FONT_PX, labels.emptyNote))
    .join('')
  const items = new Map<string, Box>([...model.notes, ...model.shapes].map((item) => [item.id, item]))
  const outlines = model.shapes.filter((shape) => shape.kind === 'rect' || shape.kind === 'ellipse')
  const onTop = model.shapes.filter((shape) => shape.kind === 'text' || shape.kind === 'connector')
  const title = escapeXml(labels.boardPictureAlt(model.title))
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(box.width)}" height="${Math.round(box.height)}"`,
    ` viewBox="${box.x} ${box.y} ${box.width} ${box.height}" font-family="${SVG_FONT_FAMILY}" role="img">`,
    `<title>${title}</title>`,
    onTop.some((shape) => shape.kind === 'connector') ? `<defs>${ARROW_MARKERS}</defs>` : '',
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="#faf8f3"/>`,
    zones,
    outlines.map((shape) => shapeSvg(shape, items)).join(''),
    notes,
    onTop.map((shape) => shapeSvg(shape, items)).join(''),
    '</svg>',
  ].join('')
}
