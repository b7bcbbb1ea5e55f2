import type { NoteData, ZoneData } from '../../../shared/src/model'
import type { Viewport } from './viewport'

/**
 * Keyboard reach on the canvas: "." and "," select the next or previous note, so a keyboard user
 * can pick one note and then move, edit, recolour or delete it with the other shortcuts. Notes go
 * in reading order: question by question (the zones' order), top to bottom, left to right, and
 * the notes outside any question last. (The list view keeps questions in the same order but lists
 * a question's notes by when they were written; on the canvas their place is what people see.)
 */
export function notesInReadingOrder(notes: readonly NoteData[], zones: readonly ZoneData[]): NoteData[] {
  const zoneOrder = new Map(zones.map((zone) => [zone.id, zone.order]))
  const rank = (note: NoteData) =>
    note.zoneId !== null && zoneOrder.has(note.zoneId) ? (zoneOrder.get(note.zoneId) as number) : Infinity
  return [...notes].sort((a, b) => rank(a) - rank(b) || a.y - b.y || a.x - b.x || a.id.localeCompare(b.id))
}

/** The note after (step 1) or before (step -1) the selected one; the first or last when none is. */
export function nextNote(
  notes: readonly NoteData[],
  zones: readonly ZoneData[],
  selection: readonly string[],
  step: 1 | -1,
): NoteData | null {
  const ordered = notesInReadingOrder(notes, zones)
  if (ordered.length === 0) return null
  const current = selection.length === 1 ? ordered.findIndex((note) => note.id === selection[0]) : -1
  if (current === -1) return (step === 1 ? ordered[0] : ordered[ordered.length - 1]) ?? null
  return ordered[(current + step + ordered.length) % ordered.length] ?? null
}

/** The viewport moved just enough to show `note` whole (centred on it when it was off screen). */
export function revealNote(
  viewport: Viewport,
  note: Pick<NoteData, 'x' | 'y' | 'width' | 'height'>,
  size: { width: number; height: number },
): Viewport {
  const left = note.x * viewport.scale + viewport.x
  const top = note.y * viewport.scale + viewport.y
  const right = left + note.width * viewport.scale
  const bottom = top + note.height * viewport.scale
  if (left >= 0 && top >= 0 && right <= size.width && bottom <= size.height) return viewport
  return {
    ...viewport,
    x: size.width / 2 - (note.x + note.width / 2) * viewport.scale,
    y: size.height / 2 - (note.y + note.height / 2) * viewport.scale,
  }
}
