/**
 * Note colours are stored by name, not by hex value, so reports and screen readers can name them
 * ("geel") and a theme can change the exact shade later.
 */
export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'purple', 'blue', 'green', 'grey'] as const
export type NoteColor = (typeof NOTE_COLORS)[number]

export const NOTE_COLOR_HEX: Record<NoteColor, string> = {
  yellow: '#fff27a',
  orange: '#ffc27a',
  pink: '#ffb3c7',
  purple: '#d5c2ff',
  blue: '#a9d8ff',
  green: '#b5f0a8',
  grey: '#e2e2e2',
}

export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow'

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value)
}
