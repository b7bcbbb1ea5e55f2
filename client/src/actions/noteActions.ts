import { NOTE_COLORS } from '../../../shared/src/model'
import type { Action, ActionContext } from './types'

/** Notes: make, change, remove, duplicate, copy and paste. */

const canEditSelection = ({ state }: ActionContext) =>
  state.canEdit && (state.selectedNotes > 0 || (state.isFacilitator && state.selectedShapes > 0))
/** Removing (and cutting): only notes this person may change; others' notes they may only move. */
const canRemoveSelection = ({ state }: ActionContext) =>
  state.canEdit && (state.changeableNotes > 0 || (state.isFacilitator && state.selectedShapes > 0))

export const noteActions: readonly Action[] = [
  {
    id: 'note.add',
    group: 'notes',
    labelKey: 'actions.addNote',
    shortcuts: ['N'],
    enabled: ({ state }) => state.canEdit,
    perform: ({ canvas }) => canvas.addNote(),
  },
  {
    id: 'note.edit',
    group: 'notes',
    labelKey: 'actions.editNote',
    shortcuts: ['Enter'],
    enabled: ({ state }) =>
      state.canEdit && state.selectionCount === 1 && state.changeableNotes === state.selectedNotes,
    perform: ({ canvas }) => canvas.editSelection(),
  },
  {
    id: 'note.duplicate',
    group: 'notes',
    labelKey: 'actions.duplicate',
    shortcuts: ['Mod+D'],
    enabled: canEditSelection,
    perform: ({ canvas }) => canvas.duplicateSelection(),
  },
  {
    id: 'clipboard.copy',
    group: 'notes',
    labelKey: 'actions.copy',
    shortcuts: ['Mod+C'],
    clipboard: 'copy',
    enabled: ({ state }) => state.selectionCount > 0,
    perform: ({ canvas, clipboardEvent }) => canvas.copySelection(clipboardEvent),
  },
  {
    id: 'clipboard.cut',
    group: 'notes',
    labelKey: 'actions.cut',
    shortcuts: ['Mod+X'],
    clipboard: 'cut',
    enabled: canRemoveSelection,
    perform: ({ canvas, clipboardEvent }) => canvas.cutSelection(clipboardEvent),
  },
  {
    id: 'clipboard.paste',
    group: 'notes',
    labelKey: 'actions.paste',
    shortcuts: ['Mod+V'],
    clipboard: 'paste',
    enabled: ({ state }) => state.canEdit,
    perform: ({ canvas, clipboardEvent }) => canvas.paste(clipboardEvent),
  },
  {
    id: 'note.delete',
    group: 'notes',
    labelKey: 'actions.delete',
    shortcuts: ['Delete', 'Backspace'],
    enabled: canRemoveSelection,
    perform: ({ canvas }) => canvas.deleteSelection(),
  },
  ...NOTE_COLORS.map(
    (color): Action => ({
      id: `note.color.${color}`,
      group: 'notes',
      labelKey: 'actions.noteColor',
      labelValues: { color: { key: `colors.${color}` } },
      enabled: ({ state }) => state.canEdit && state.changeableNotes > 0,
      pressed: ({ state }) => state.noteColor === color,
      perform: ({ canvas }) => canvas.setNoteColor(color),
    }),
  ),
]

const NUDGE = 10
const NUDGE_FAR = 50

function nudge(id: string, key: string, dx: number, dy: number, far: boolean): Action {
  const step = far ? NUDGE_FAR : NUDGE
  return {
    id: `arrange.nudge.${id}${far ? '.far' : ''}`,
    group: 'edit',
    labelKey: far ? 'actions.nudgeFar' : 'actions.nudge',
    labelValues: { direction: { key: `actions.directions.${id}` } },
    shortcuts: [far ? `Shift+${key}` : key],
    hiddenInMenu: true,
    enabled: canEditSelection,
    perform: ({ canvas }) => canvas.nudge(dx * step, dy * step),
  }
}

/** Selecting and arranging. */
export const arrangeActions: readonly Action[] = [
  {
    id: 'selection.all',
    group: 'edit',
    labelKey: 'actions.selectAll',
    shortcuts: ['Mod+A'],
    enabled: ({ state }) => state.hasContent,
    perform: ({ canvas }) => canvas.selectAll(),
  },
  {
    id: 'selection.next',
    group: 'edit',
    labelKey: 'actions.selectNext',
    shortcuts: ['.'],
    enabled: ({ state }) => state.hasContent,
    perform: ({ canvas }) => canvas.selectNextNote(1),
  },
  {
    id: 'selection.previous',
    group: 'edit',
    labelKey: 'actions.selectPrevious',
    shortcuts: [','],
    enabled: ({ state }) => state.hasContent,
    perform: ({ canvas }) => canvas.selectNextNote(-1),
  },
  {
    id: 'selection.clear',
    group: 'edit',
    labelKey: 'actions.clearSelection',
    shortcuts: ['Escape'],
    enabled: ({ state }) => state.selectionCount > 0,
    perform: ({ canvas }) => canvas.clearSelection(),
  },
  {
    id: 'arrange.front',
    group: 'edit',
    labelKey: 'actions.bringToFront',
    shortcuts: [']'],
    enabled: canEditSelection,
    perform: ({ canvas }) => canvas.bringToFront(),
  },
  ...[false, true].flatMap((far) => [
    nudge('up', 'ArrowUp', 0, -1, far),
    nudge('down', 'ArrowDown', 0, 1, far),
    nudge('left', 'ArrowLeft', -1, 0, far),
    nudge('right', 'ArrowRight', 1, 0, far),
  ]),
]
