import type { NoteData, ShapeData, ZoneData } from '../../../shared/src/model'
import type { ActionState, CanvasTool } from '../actions/types'

/** The facts the actions decide on, from the board's data and the canvas's state. */
export function actionState(input: {
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  zones: readonly ZoneData[]
  selection: readonly string[]
  canEdit: boolean
  isFacilitator: boolean
  snap: boolean
  tool: CanvasTool
  /** May this person change or remove this note (BoardOps.mayChange)? Default: yes. */
  mayChange?: (id: string) => boolean
}): ActionState {
  const chosen = new Set(input.selection)
  const notes = input.notes.filter((note) => chosen.has(note.id))
  const shapes = input.shapes.filter((shape) => chosen.has(shape.id))
  const boxShapes = shapes.filter((shape) => shape.kind !== 'connector')
  const same = <T>(values: T[]): T | null =>
    values.length > 0 && values.every((v) => v === values[0]) ? (values[0] ?? null) : null
  return {
    canEdit: input.canEdit,
    isFacilitator: input.isFacilitator,
    selectionCount: input.selection.length,
    selectedNotes: notes.length,
    changeableNotes: notes.filter((note) => input.mayChange?.(note.id) ?? true).length,
    selectedShapes: shapes.length,
    connectable: input.selection.length === 2 && notes.length + boxShapes.length === 2,
    hasContent: input.notes.length + input.shapes.length > 0,
    zones: input.zones.map(({ id, title }) => ({ id, title })),
    snap: input.snap,
    tool: input.tool,
    noteColor: same(notes.map((note) => note.color)),
    shapeColor: same(shapes.map((shape) => shape.color)),
  }
}
