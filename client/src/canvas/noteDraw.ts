import type Konva from 'konva'
import { baselineOffset, layoutNoteText, type NoteTextLayout, singleLine } from './fitText'
import { AUTHOR_FONT_SIZE, FONT_FAMILY, LINE_HEIGHT, NOTE_PADDING, noteTextBox } from './noteLayout'

/**
 * Drawing one sticky note in a single Konva shape. A note used to be a Rect with a blurred shadow
 * and two Konva.Text nodes: three save/restore pairs per note per frame, a Gaussian blur (costly
 * in software rendering), and Konva re-measuring its text on every draw. Panning a board of 2,000
 * notes then took 100–500 ms a frame. Here the paint is plain fills and `fillText` of lines laid
 * out once (fitText.ts), with a flat two-step shadow instead of a blur.
 */

/** Below this zoom a note is a coloured block: its letters would be a few pixels high anyway. */
export const DETAIL_MIN_SCALE = 0.35

const CORNER = 4
const TEXT_COLOR = '#1d1d1b'
const AUTHOR_COLOR = '#4a4a46'
const SELECTED_STROKE = '#1f5c4a'
const TYPING_STROKE = '#1d2a26'

export interface NotePaint {
  width: number
  height: number
  fill: string
  text: string
  authorName: string
  selected: boolean
  /** Someone else is typing in it: dashed outline. */
  typing: boolean
  /** Editing in place: the HTML editor shows the text, so the canvas leaves it out. */
  hideText: boolean
}

/** A flat stand-in for a soft shadow: two translucent layers, offset downwards. */
function paintShadow(ctx: Konva.Context, width: number, height: number, lift: number) {
  ctx.fillStyle = 'rgba(0, 0, 0, 0.06)'
  ctx.beginPath()
  ctx.roundRect(-1, lift / 2, width + 2, height + lift, CORNER + 1)
  ctx.fill()
  ctx.fillStyle = 'rgba(0, 0, 0, 0.1)'
  ctx.beginPath()
  ctx.roundRect(0, lift / 2, width, height + lift / 2, CORNER)
  ctx.fill()
}

function paintOutline(ctx: Konva.Context, note: NotePaint, rounded: boolean) {
  if (!note.selected && !note.typing) return
  ctx.beginPath()
  if (rounded) ctx.roundRect(0, 0, note.width, note.height, CORNER)
  else ctx.rect(0, 0, note.width, note.height)
  ctx.strokeStyle = note.selected ? SELECTED_STROKE : TYPING_STROKE
  ctx.lineWidth = note.selected ? 3 : 2
  if (!note.selected) ctx.setLineDash([8, 6])
  ctx.stroke()
  if (!note.selected) ctx.setLineDash([])
}

function paintLines(
  ctx: Konva.Context,
  lines: readonly string[],
  fontSize: number,
  lineHeight: number,
  y: number,
) {
  const lineHeightPx = fontSize * lineHeight
  const first = y + baselineOffset(fontSize, lineHeightPx)
  ctx.font = `${fontSize}px ${FONT_FAMILY}`
  lines.forEach((line, index) => {
    if (line) ctx.fillText(line, NOTE_PADDING, first + index * lineHeightPx)
  })
}

/** Screen pixels around a note that its shadow and outline may paint. */
const PAINT_SLACK = 12

/**
 * True when the note lies wholly outside the stage. Culling keeps a margin of notes around the
 * screen (and selected notes wherever they are) as Konva nodes; they are skipped here, per frame,
 * for the price of a few multiplications instead of a paint.
 */
function offStage(shape: Konva.Shape, width: number, height: number): boolean {
  const stage = shape.getStage()
  if (!stage) return false
  const [scaleX = 1, , , scaleY = 1, x = 0, y = 0] = shape.getAbsoluteTransform().getMatrix()
  return (
    x - PAINT_SLACK > stage.width() ||
    y - PAINT_SLACK > stage.height() ||
    x + width * scaleX + PAINT_SLACK < 0 ||
    y + height * scaleY + PAINT_SLACK < 0
  )
}

/**
 * A scene function for a note. The text layout is worked out on the first detailed draw and kept
 * in the closure, which is rebuilt only when the note's data changes; zoomed far out it is never
 * needed at all.
 */
export function noteSceneFunc(note: NotePaint): (ctx: Konva.Context, shape: Konva.Shape) => void {
  let text: NoteTextLayout | null = null
  let author: string | null = null
  return (ctx, shape) => {
    const { width, height } = note
    if (offStage(shape, width, height)) return
    // The zoom, not the node's own scale (a note being resized is scaled for a moment).
    const detailed = (shape.getStage()?.scaleX() ?? 1) >= DETAIL_MIN_SCALE
    if (!detailed) {
      ctx.fillStyle = note.fill
      ctx.fillRect(0, 0, width, height)
      paintOutline(ctx, note, false)
      return
    }
    paintShadow(ctx, width, height, note.selected ? 6 : 3)
    ctx.fillStyle = note.fill
    ctx.beginPath()
    ctx.roundRect(0, 0, width, height, CORNER)
    ctx.fill()
    paintOutline(ctx, note, true)
    const box = noteTextBox(note)
    ctx.textBaseline = 'alphabetic'
    ctx.textAlign = 'left'
    if (!note.hideText && note.text) {
      if (!text) {
        text = layoutNoteText(note.text, box)
        // The size drawn, for e2e tests and dev tools: a note has no Konva Text node to ask. Set
        // directly, as setAttr would ask for another draw from inside this one.
        shape.attrs.textFontSize = text.fontSize
      }
      ctx.fillStyle = TEXT_COLOR
      paintLines(ctx, text.lines, text.fontSize, LINE_HEIGHT, NOTE_PADDING)
    }
    if (note.authorName) {
      if (author === null) {
        author = singleLine(note.authorName, box.width, AUTHOR_FONT_SIZE)
        shape.attrs.authorFontSize = AUTHOR_FONT_SIZE
      }
      ctx.fillStyle = AUTHOR_COLOR
      paintLines(ctx, [author], AUTHOR_FONT_SIZE, 1, height - NOTE_PADDING - AUTHOR_FONT_SIZE)
    }
  }
}

/** Pointer hits: the whole note rectangle (the letters need no hit graph of their own). */
export function noteHitFunc(ctx: Konva.Context, shape: Konva.Shape): void {
  ctx.beginPath()
  ctx.rect(0, 0, shape.width(), shape.height())
  ctx.closePath()
  ctx.fillStrokeShape(shape)
}
