/**
 * Layout of a sticky note, shared by the canvas drawing and the HTML editor laid over it, so text
 * does not jump when editing starts or stops.
 */

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
export const NOTE_PADDING = 12
/** 14, not 12: on a phone's first view (75 %) the name is drawn at 10.5 CSS px, not 9. */
export const AUTHOR_FONT_SIZE = 14
/** Room kept free at the bottom of the note for the author's name. */
export const AUTHOR_AREA = AUTHOR_FONT_SIZE + 8
export const LINE_HEIGHT = 1.25
export const MAX_FONT_SIZE = 24
export const MIN_FONT_SIZE = 10

export interface TextBox {
  width: number
  height: number
}

/** The area inside a note where its text goes. */
export function noteTextBox(note: { width: number; height: number }): TextBox {
  return {
    width: Math.max(1, note.width - 2 * NOTE_PADDING),
    height: Math.max(1, note.height - 2 * NOTE_PADDING - AUTHOR_AREA),
  }
}
