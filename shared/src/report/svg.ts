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
   * Width the picture will be shown at, in pixels. Note text is then drawn large enough to read at
   * that width: fewer words per note (shortened with "…"), never none. Default: the board's size.
   */
  targetWidth?: number
}

/**
 * Above this many notes the picture is drawn simply (one line of text per note, no shadows, no
 * reaction line): 20,000 notes of 900 characters must not take minutes to rasterise.
 */
export const SIMPLE_PICTURE_ABOVE_NOTES = 1500

const PADDING = 40
const NOTE_PADDING = 12
const NOTE_FONT = 15
const LINE_HEIGHT = 1.3
/** Note text is drawn at least this large (px) in the finished picture, so it can be read. */
const MIN_READABLE_FONT_PX = 7

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
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  // Loops, not Math.min(...list): spreading 150,000 notes into arguments overflows the stack.
  const include = (r: { x: number; y: number; width: number; height: number }) => {
    minX = Math.min(minX, r.x)
    minY = Math.min(minY, r.y)
    maxX = Math.max(maxX, r.x + r.width)
    maxY = Math.max(maxY, r.y + r.height)
  }
  for (const zone of model.zones) include(zone)
  for (const note of model.notes) include(note)
  for (const shape of model.shapes) if (shape.kind !== 'connector') include(shape)
  if (!Number.isFinite(minX)) return { x: 0, y: 0, width: 800, height: 400 }
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

interface NoteStyle {
  /** Font size in board units: NOTE_FONT, or larger so it stays readable in a scaled-down picture. */
  fontSize: number
  simple: boolean
  emptyLabel: string
}

function noteSvg(note: ReportNote, style: NoteStyle): string {
  const fill = NOTE_COLOR_HEX[note.color]
  const parts = style.simple
    ? []
    : [
        `<rect x="${note.x + 3}" y="${note.y + 4}" width="${note.width}" height="${note.height}" fill="#000" fill-opacity="0.12"/>`,
      ]
  parts.push(
    `<rect x="${note.x}" y="${note.y}" width="${note.width}" height="${note.height}" fill="${fill}" stroke="#00000026"/>`,
  )
  const reactions = style.simple
    ? ''
    : note.reactions.map((r) => `${r.emoji}${r.participantIds.length}`).join(' ')
  const pad = Math.min(NOTE_PADDING, note.width / 8)
  // Never more than the note holds: a tiny note still gets one (shortened) line.
  // …and at least a word's worth of characters per line, or only "…" would be left.
  const fitting = Math.min((note.height - 2 * pad) / LINE_HEIGHT, (note.width - 2 * pad) / (8 * 0.64))
  const fontSize = Math.min(style.fontSize, Math.max(4, fitting))
  const reactionRoom = reactions ? fontSize * LINE_HEIGHT : 0
  const room = note.height - 2 * pad - reactionRoom
  const maxLines = style.simple ? 1 : Math.max(1, Math.floor(room / (fontSize * LINE_HEIGHT)))
  const empty = note.text.trim() === ''
  const lines = wrapText(empty ? style.emptyLabel : note.text, note.width - 2 * pad, fontSize, maxLines)
  const textStyle = empty ? ' fill="#77736b" font-style="italic"' : ' fill="#1f1e1b"'
  parts.push(textBlock(lines, note.x + pad, note.y + pad + fontSize, fontSize, textStyle))
  if (reactions) {
    const y = note.y + note.height - pad
    parts.push(
      textBlock(
        wrapText(reactions, note.width - 2 * pad, fontSize * 0.9, 1),
        note.x + pad,
        y,
        fontSize * 0.9,
        ' fill="#55514a"',
      ),
    )
  }
  if (note.votes > 0) {
    const cx = note.x + note.width - 4
    const cy = note.y + 4
    const r = Math.max(15, fontSize)
    parts.push(
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#2f5d50"/>`,
      `<text x="${cx}" y="${cy + r / 3}" font-size="${r * 0.95}" font-weight="bold" fill="#fff" text-anchor="middle">${note.votes}</text>`,
    )
  }
  return `<g>${parts.join('')}</g>`
}

/** A dashed outline around each group's notes with the group's name above it, as on the canvas. */
function clusterSvg(model: ReportModel, fontSize: number): string {
  const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>()
  for (const note of model.notes) {
    if (!note.clusterId) continue
    const box = boxes.get(note.clusterId)
    if (!box) {
      boxes.set(note.clusterId, { x1: note.x, y1: note.y, x2: note.x + note.width, y2: note.y + note.height })
      continue
    }
    box.x1 = Math.min(box.x1, note.x)
    box.y1 = Math.min(box.y1, note.y)
    box.x2 = Math.max(box.x2, note.x + note.width)
    box.y2 = Math.max(box.y2, note.y + note.height)
  }
  const size = fontSize * 1.1
  const parts: string[] = []
  for (const cluster of model.clusters) {
    const box = boxes.get(cluster.id)
    if (!box) continue
    const x = box.x1 - 8
    const y = box.y1 - 8 - size * 1.4
    const width = box.x2 - box.x1 + 16
    const height = box.y2 - box.y1 + 16 + size * 1.4
    const name = wrapText(cluster.name.trim() || '–', Math.max(width - 12, size * 4), size, 1)
    parts.push(
      `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="10" fill="none" stroke="#2f5d50" stroke-width="2" stroke-dasharray="8 6"/>`,
      textBlock(name, x + 6, y + size, size, ' font-weight="bold" fill="#2f5d50"'),
    )
  }
  return parts.join('')
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
  const style: NoteStyle = {
    fontSize: Math.max(NOTE_FONT, MIN_READABLE_FONT_PX / scale),
    simple: model.notes.length > SIMPLE_PICTURE_ABOVE_NOTES,
    emptyLabel: labels.emptyNote,
  }
  const zones = model.zones.map(zoneSvg).join('')
  // Stacking as on the canvas: higher z on top (the sort is stable, so older notes stay below).
  const notes = [...model.notes]
    .sort((a, b) => a.z - b.z)
    .map((note) => noteSvg(note, style))
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
    clusterSvg(model, style.fontSize),
    notes,
    onTop.map((shape) => shapeSvg(shape, items)).join(''),
    '</svg>',
  ].join('')
}
