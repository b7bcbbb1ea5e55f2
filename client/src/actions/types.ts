import type { NoteColor, ShapeColor } from '../../../shared/src/model'
import type { SessionCommands } from '../session/sessionCommands'

/**
 * Every command a person can give on the board is one Action: the toolbar buttons, the keyboard
 * shortcuts (one keydown dispatcher), the command menu (Ctrl/Cmd+K) and the shortcut sheet (?) all
 * read the same list, so a command works the same way everywhere and is listed everywhere.
 */

export type ActionGroup = 'notes' | 'edit' | 'shapes' | 'view' | 'zones' | 'session' | 'help'

export type CanvasTool = 'pan' | 'select'

export type ShapeTool = 'text' | 'rect' | 'ellipse'

/** What the canvas can do; the actions call these. */
export interface CanvasCommands {
  addNote(): void
  editSelection(): void
  deleteSelection(): void
  duplicateSelection(): void
  copySelection(event?: ClipboardEvent): void
  cutSelection(event?: ClipboardEvent): void
  paste(event?: ClipboardEvent): void
  bringToFront(): void
  selectAll(): void
  /** Selects the next (1) or previous (-1) note in reading order and brings it into view. */
  selectNextNote(step: 1 | -1): void
  clearSelection(): void
  setNoteColor(color: NoteColor): void
  setShapeColor(color: ShapeColor): void
  nudge(dx: number, dy: number): void
  addShape(kind: ShapeTool): void
  connectSelection(): void
  zoomIn(): void
  zoomOut(): void
  zoomTo100(): void
  zoomToFit(): void
  zoomToSelection(): void
  zoomToZone(zoneId: string): void
  nextZone(): void
  toggleSnap(): void
  setTool(tool: CanvasTool): void
}

/** The facts actions decide on (enabled, pressed). */
export interface ActionState {
  canEdit: boolean
  isFacilitator: boolean
  /** Selected notes and shapes. */
  selectionCount: number
  selectedNotes: number
  /** Selected notes this person may change or remove (a participant: their own, see notePermissions). */
  changeableNotes: number
  selectedShapes: number
  /** Exactly two items that are not connectors: they can be joined by an arrow. */
  connectable: boolean
  hasContent: boolean
  zones: readonly { id: string; title: string }[]
  snap: boolean
  tool: CanvasTool
  /** The colour all selected notes share, if they do (shown as pressed). */
  noteColor: NoteColor | null
  shapeColor: ShapeColor | null
}

export interface UndoCommands {
  canUndo: boolean
  canRedo: boolean
  undo: () => void
  redo: () => void
}

export interface ActionContext {
  state: ActionState
  canvas: CanvasCommands
  ui: { openCommandMenu(): void; openShortcutSheet(): void }
  /** Per-person undo, when the board provides it. */
  undo?: UndoCommands
  /** The facilitator's session commands (rounds, timer, voting, reveal), when a session runs. */
  session?: SessionCommands | null
  /** Set when the action runs from the browser's own copy/cut/paste event. */
  clipboardEvent?: ClipboardEvent
}

/** A label part: plain text, or an i18n key to translate first. */
export type LabelValue = string | { key: string }

export interface Action {
  id: string
  group: ActionGroup
  labelKey: string
  labelValues?: Record<string, LabelValue>
  /** Key combinations, e.g. "Mod+D", "Shift+F", "?"; the first is the one shown. */
  shortcuts?: readonly string[]
  /**
   * Copy, cut and paste run from the browser's clipboard events (which carry the clipboard without
   * a permission prompt), not from keydown; their shortcuts are shown, not dispatched.
   */
  clipboard?: 'copy' | 'cut' | 'paste'
  /** Not offered in the command menu (e.g. arrow-key nudges). */
  hiddenInMenu?: boolean
  enabled(ctx: ActionContext): boolean
  perform(ctx: ActionContext): void
  /** For toggles (snap to grid, tools): whether it is on. */
  pressed?(ctx: ActionContext): boolean
}
