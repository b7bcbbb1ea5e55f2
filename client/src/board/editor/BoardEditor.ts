import type * as Y from 'yjs'
import { type NoteColor, type Rect, readVoteResults, type TidyOrder } from '../../../../shared/src/model'
import type { CanvasTool } from '../../actions/types'
import { clampScale, INITIAL_VIEWPORT, type Point, toBoardPoint, type Viewport } from '../../canvas/viewport'
import { BoardOps, type OpsContext } from '../ops/BoardOps'
import { chooseZoneForNewNote, type ZoneChoiceContext } from './zoneChoice'

/**
 * The board's editor (in the spirit of tldraw's `Editor`, without its size): one object per open
 * board that owns what the person is doing — the visible part of the board, the selection, the
 * tool, which note is open for typing, the question picker — and the board operations (`ops`, the
 * only writer of notes). The canvas renders it; the session, presence, list view and menus call it
 * instead of reaching into canvas hooks. React reads it through `useEditorState` (editorContext).
 */

type Size = { width: number; height: number }

export interface EditorState {
  viewport: Viewport
  /** The canvas's size on screen; null while no canvas is shown (list view). */
  size: Size | null
  /** Selected notes and shapes. */
  selection: readonly string[]
  tool: CanvasTool
  /** The note (or label) open for typing. */
  editingId: string | null
  /** "+ Briefje" asks which question the note is for. */
  zonePicker: { purpose: 'note' | 'draft' } | null
  /** A draft or group that was just made, whose field should take the focus once shown. */
  focusRequest: { kind: 'draft' | 'groupName'; id: string } | null
}

export interface EditorContext extends OpsContext, ZoneChoiceContext {}

/** Zooming to one zone or a selection may enlarge up to this, not further. */
const FOCUS_MAX_SCALE = 1.5
/** Note text is 24 px at 100 %: at this zoom it is 16 CSS px or more on screen while typing. */
const TYPING_MIN_SCALE = 0.7
/** Narrower than this, the screen is a phone's (its keyboard takes the lower part while typing). */
const PHONE_WIDTH = 600

export class BoardEditor {
  readonly ops: BoardOps
  private state: EditorState = {
    viewport: INITIAL_VIEWPORT,
    size: null,
    selection: [],
    tool: 'pan',
    editingId: null,
    zonePicker: null,
    focusRequest: null,
  }
  private readonly listeners = new Set<() => void>()
  private version = 0
  /** Items made just now and opened for typing: removed again if left empty. */
  private readonly fresh = new Set<string>()
  /** Adds a private draft (set by the session while private writing runs). */
  private draftWriter: ((zoneId: string | null) => void) | null = null

  constructor(
    readonly doc: Y.Doc,
    private context: EditorContext,
  ) {
    this.ops = new BoardOps(doc, () => this.context)
  }

  /** Who is editing and what the session allows; the board page sets it on every render. */
  configure(context: EditorContext): void {
    this.context = context
  }

  /** The current round's questions (the canvas opens on the first of them on a phone). */
  get roundZoneIds(): readonly string[] {
    return this.context.roundZoneIds
  }

  getState = (): EditorState => this.state

  /** Changes so far: a cheap snapshot for `useSyncExternalStore` over the whole state. */
  getVersion = (): number => this.version

  get viewport(): Viewport {
    return this.state.viewport
  }

  get size(): Size | null {
    return this.state.size
  }

  get selection(): readonly string[] {
    return this.state.selection
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private update(patch: Partial<EditorState>): void {
    const next = { ...this.state, ...patch }
    if ((Object.keys(patch) as (keyof EditorState)[]).every((key) => Object.is(next[key], this.state[key])))
      return
    this.state = next
    this.version += 1
    for (const listener of this.listeners) listener()
  }

  // ── view ────────────────────────────────────────────────────────────────────────────────

  setViewport = (next: Viewport | ((current: Viewport) => Viewport)): void => {
    this.update({ viewport: typeof next === 'function' ? next(this.state.viewport) : next })
  }

  setSize(size: Size | null): void {
    const old = this.state.size
    if (size && old && size.width === old.width && size.height === old.height) return
    this.update({ size })
  }

  /** Moves the view; false when no canvas is shown (the list view). */
  moveTo(view: Viewport): boolean {
    if (!this.state.size) return false
    this.setViewport(view)
    return true
  }

  /** Shows a board rectangle as large as fits (up to 150 %), centred. */
  zoomToRect(rect: Rect, maxScale = FOCUS_MAX_SCALE): boolean {
    const size = this.state.size
    if (!size) return false
    const margin = 32
    const scale = clampScale(
      Math.min(
        maxScale,
        (size.width - 2 * margin) / Math.max(1, rect.width),
        (size.height - 2 * margin) / Math.max(1, rect.height),
      ),
    )
    return this.moveTo({
      scale,
      x: size.width / 2 - (rect.x + rect.width / 2) * scale,
      y: size.height / 2 - (rect.y + rect.height / 2) * scale,
    })
  }

  /**
   * Brings a note on screen to type in: readable (its text at least 16 CSS px), and in the upper
   * part of the screen, where a phone's keyboard does not cover it. Leaves a view that already
   * shows it readably alone.
   */
  showForTyping(rect: Rect): void {
    const size = this.state.size
    if (!size) return
    const { viewport } = this.state
    const fits = (scale: number) =>
      rect.width * scale <= size.width - 16 && rect.height * scale <= size.height / 2
    let scale = viewport.scale
    if (scale < TYPING_MIN_SCALE || !fits(scale))
      scale = fits(1) ? Math.max(TYPING_MIN_SCALE, Math.min(1, Math.max(scale, 1))) : TYPING_MIN_SCALE
    const screen = { x: rect.x * scale + viewport.x, y: rect.y * scale + viewport.y }
    // On a phone the keyboard covers the lower part of the screen while typing.
    const usable = size.width < PHONE_WIDTH ? size.height * 0.6 : size.height
    const visible =
      scale === viewport.scale &&
      screen.x >= 0 &&
      screen.y >= 0 &&
      screen.x + rect.width * scale <= size.width &&
      screen.y + rect.height * scale <= usable
    if (visible) return
    this.setViewport({
      scale,
      x: size.width / 2 - (rect.x + rect.width / 2) * scale,
      y: Math.min(size.height * 0.3, Math.max(8, size.height / 2 - rect.height * scale)) - rect.y * scale,
    })
  }

  /** The board point in the middle of the screen. */
  centreOnBoard(): Point {
    const size = this.state.size ?? { width: 0, height: 0 }
    return toBoardPoint(this.state.viewport, { x: size.width / 2, y: size.height / 2 })
  }

  // ── selection and tool ──────────────────────────────────────────────────────────────────

  /** Click: only this one; with Shift/Ctrl/Cmd: add it, or take it out again. */
  select = (id: string, additive: boolean): void => {
    const old = this.state.selection
    if (!additive) {
      if (!(old.length === 1 && old[0] === id)) this.update({ selection: [id] })
      return
    }
    this.update({ selection: old.includes(id) ? old.filter((other) => other !== id) : [...old, id] })
  }

  selectMany = (ids: readonly string[], additive = false): void => {
    this.update({ selection: additive ? [...new Set([...this.state.selection, ...ids])] : [...ids] })
  }

  clearSelection = (): void => {
    if (this.state.selection.length > 0) this.update({ selection: [] })
  }

  /** Drops ids of items that are gone (removed by someone else) or locked now. */
  keepSelectable(existing: ReadonlySet<string>): void {
    const { selection } = this.state
    if (selection.some((id) => !existing.has(id)))
      this.update({ selection: selection.filter((id) => existing.has(id)) })
  }

  setTool = (tool: CanvasTool): void => this.update({ tool })

  // ── typing ──────────────────────────────────────────────────────────────────────────────

  /** Opens the editor on a note or label; `fresh`: made just now, so removed again when left empty. */
  startEditing = (id: string, options: { fresh?: boolean } = {}): void => {
    // Another note still open (its field lost the focus): close it the usual way first.
    if (this.state.editingId && this.state.editingId !== id) this.stopEditing()
    if (options.fresh) this.fresh.add(id)
    this.update({ selection: [id], editingId: id })
  }

  /**
   * Closes the editor. A note made just now and left empty is removed again (a stray tap leaves
   * nothing behind); for a label the caller decides, as only it knows the label's final text.
   */
  stopEditing = (options: { cleanUp?: boolean } = {}): { id: string; fresh: boolean } | null => {
    const id = this.state.editingId
    if (!id) return null
    this.update({ editingId: null })
    const fresh = this.fresh.delete(id)
    if (fresh && options.cleanUp !== false && this.ops.isEmptyNote(id)) {
      this.ops.deleteItems([id])
      this.clearSelection()
    }
    return { id, fresh }
  }

  // ── new notes ───────────────────────────────────────────────────────────────────────────

  /** The session routes "+ Briefje" to the person's drafts while private writing runs. */
  setDraftWriter(writer: ((zoneId: string | null) => void) | null): void {
    this.draftWriter = writer
  }

  /**
   * "+ Briefje": a note in the round's question, or the question in view; when that is not clear,
   * the question picker opens and `chooseZone` finishes the job.
   */
  addNoteFromButton(color?: NoteColor): void {
    const purpose = this.draftWriter ? 'draft' : 'note'
    const choice = chooseZoneForNewNote(this.context, this.state.viewport, this.state.size, this.lastZoneId)
    if (choice.kind === 'ask') {
      this.pendingColor = color
      this.update({ zonePicker: { purpose } })
      return
    }
    this.addInZone(choice.zoneId, color)
  }

  private pendingColor: NoteColor | undefined

  /** The question picker's answer (null: no question), or undefined when it was closed. */
  chooseZone(zoneId: string | null | undefined): void {
    const color = this.pendingColor
    this.pendingColor = undefined
    this.update({ zonePicker: null })
    // After the dialog has closed and given the focus back to the button; else the new note's
    // field would take the focus first and lose it again at once.
    if (zoneId !== undefined) setTimeout(() => this.addInZone(zoneId, color), 0)
  }

  /** The question of this person's last new note (see chooseZoneForNewNote). */
  private lastZoneId: string | null = null

  private addInZone(zoneId: string | null, color?: NoteColor): void {
    this.lastZoneId = zoneId
    if (this.draftWriter) {
      this.draftWriter(zoneId)
      return
    }
    const near = this.state.size ? this.centreOnBoard() : undefined
    const added = this.ops.addNote({ zoneId, ...(near ? { near } : {}), ...(color ? { color } : {}) })
    this.openNewNote(added.id)
  }

  /** A double-click or long press on the board: a note there. */
  addNoteAt(at: Point): ReturnType<BoardOps['addNote']> {
    const added = this.ops.addNote({ at })
    this.openNewNote(added.id)
    return added
  }

  private openNewNote(id: string): void {
    this.startEditing(id, { fresh: true })
    const note = this.ops.noteRect(id)
    if (note) this.showForTyping(note)
  }

  /** "Netjes zetten": a question's notes in rows, by published votes or by time; one undo step. */
  tidyZone(zoneId: string, order: TidyOrder): number {
    const control = this.context.control
    const votes = new Map(Object.entries(control ? readVoteResults(control) : {}))
    return this.ops.tidyZone(zoneId, order, votes)
  }

  requestFocus(request: EditorState['focusRequest']): void {
    this.update({ focusRequest: request })
  }
}
