import type * as Y from 'yjs'
import {
  clampIntoZone,
  createNote,
  currentRoundId,
  deleteConnectorsOf,
  deleteNote,
  deleteShape,
  findFreeSpot,
  fitZonesToNotes,
  getNote,
  getNoteText,
  listNotes,
  listShapes,
  listZones,
  NOTE_DEFAULT_SIZE,
  NOTE_MAX_TEXT_LENGTH,
  type NoteColor,
  overlaps,
  type Point,
  placeNoteInZone,
  type Rect,
  readGeometry,
  type Size,
  spotForZone,
  type TidyOrder,
  tidyZone,
  updateNote,
  updateShape,
  zoneAtPoint,
} from '../../../../shared/src/model'
import { mayChangeNote, readNotesOpen } from '../../../../shared/src/model/notePermissions'
import { readVoteResults } from '../../../../shared/src/model/session'
import { localCommand, localEdit } from '../../sync/localOrigin'
import { applyFormEdit } from './textMerge'

/**
 * The one writer of the board's notes. Canvas, list view, keyboard commands, paste, duplicate and
 * the session's grouping all create, place, move, re-zone and delete notes through these methods;
 * nothing else writes a note's place or zone. Each method is one undo step (`localCommand`) and
 * keeps the board's rule (shared/src/model/placement): a note's zone and its place agree, a
 * question's notes lie in its flow without covering each other, a full question grows. Notes are
 * stamped with the running round and created with their reactions map.
 */

export interface Author {
  id: string
  name: string
}

export interface OpsContext {
  author: Author
  isFacilitator: boolean
  /** Zones this person may not put a note in (locked ones; facilitators: none). */
  closed: ReadonlySet<string>
  /** The control document (running round), once connected. */
  control: Y.Doc | null
}

export interface Move {
  id: string
  x: number
  y: number
}

export interface Resize extends Move {
  width: number
  height: number
  /** How much the box grew (text labels scale their letters by it). */
  scale: number
}

const GRID = 24

interface PlannedMove {
  id: string
  x: number
  y: number
  zoneId?: string | null
  shape: boolean
}

export interface AddedNote {
  id: string
  zoneId: string | null
  /** The wanted zone was closed: the note went outside every question instead. */
  movedOut: boolean
}

export class BoardOps {
  constructor(
    readonly doc: Y.Doc,
    private readonly context: () => OpsContext,
  ) {}

  /** The round running now, which new notes belong to. */
  runningRound(): string | null {
    const control = this.context().control
    return control ? currentRoundId(control) : null
  }

  /** Where a note is now (the editor brings a new note on screen). */
  noteRect(id: string): Rect | null {
    const note = getNote(this.doc, id)
    return note ? { x: note.x, y: note.y, width: note.width, height: note.height } : null
  }

  /** True for a note whose text is empty or only spaces (a note left as it was made). */
  isEmptyNote(id: string): boolean {
    const text = getNoteText(this.doc, id)
    return text !== null && text.toString().trim() === ''
  }

  /**
   * May this person change this note's text, colour or size, or delete it? A participant only
   * their own notes, unless a facilitator opened every note (shared/src/model/notePermissions.ts;
   * the server refuses the rest). Moving and grouping stay open. Shapes: true (other rules).
   */
  mayChange(id: string): boolean {
    const note = getNote(this.doc, id)
    if (!note) return true
    const { author, isFacilitator, control } = this.context()
    const person = {
      id: author.id,
      role: isFacilitator ? ('facilitator' as const) : ('participant' as const),
    }
    return mayChangeNote(note, person, control ? readNotesOpen(control) : false)
  }

  /** Deleting these asks first: a note by someone else, or one that got dots. */
  needsConfirmation(ids: readonly string[]): boolean {
    const { author, control } = this.context()
    const dots = control ? readVoteResults(control) : {}
    return ids.some((id) => {
      const note = getNote(this.doc, id)
      return note !== null && (note.authorId !== author.id || (dots[id] ?? 0) > 0)
    })
  }

  isClosed(zoneId: string | null): boolean {
    return zoneId !== null && this.context().closed.has(zoneId)
  }

  /**
   * A new note. With `zoneId` (null: no question) it takes that question's next free slot; with
   * `at` (a double-click, a long press) it goes where the person pointed, kept inside the zone
   * there and off its other notes. A closed zone is never written: the note goes outside instead.
   */
  addNote(input: {
    zoneId?: string | null
    at?: Point
    /** For a note in no question: a free spot near here (the middle of the screen) if that is outside every zone. */
    near?: Point
    text?: string
    color?: NoteColor
    /**
     * A begeleider writes this note for someone without a phone: their name is the author, the
     * note belongs to nobody (no participant may change it) and says "ingebracht door begeleider".
     */
    onBehalfOf?: string
  }): AddedNote {
    const { author, isFacilitator } = this.context()
    const onBehalfOf = isFacilitator ? input.onBehalfOf?.trim().slice(0, 60) : undefined
    const size = NOTE_DEFAULT_SIZE
    const geometry = readGeometry(this.doc)
    let zoneId = input.at
      ? (zoneAtPoint(geometry.zones, input.at.x, input.at.y)?.id ?? null)
      : (input.zoneId ?? null)
    const movedOut = this.isClosed(zoneId)
    if (movedOut) zoneId = null
    let spot: Point
    const zone = geometry.zones.find((candidate) => candidate.id === zoneId)
    if (input.at && !movedOut) {
      const wanted = {
        x: Math.round(input.at.x - size.width / 2),
        y: Math.round(input.at.y - size.height / 2),
        ...size,
      }
      spot = zone ? clampIntoZone(zone, wanted) : wanted
      const taken = geometry.notes.some(
        (note) => note.zoneId === zoneId && overlaps(note, { ...spot, ...size }),
      )
      if (zone && taken) spot = spotForZone(zoneId, geometry.zones, geometry.notes, size)
    } else {
      spot = spotForZone(zoneId, geometry.zones, geometry.notes, size)
      if (zoneId === null && input.near) {
        const nearby = findFreeSpot(input.near, size, geometry.notes, geometry.zones)
        const centre = { x: nearby.x + size.width / 2, y: nearby.y + size.height / 2 }
        if (!zoneAtPoint(geometry.zones, centre.x, centre.y)) spot = nearby
      }
    }
    const z = geometry.notes.reduce((max, note) => Math.max(max, note.z), 0)
    const id = localCommand(this.doc, () => {
      const created = createNote(this.doc, {
        ...spot,
        zoneId,
        ...(onBehalfOf
          ? { authorId: '', authorName: onBehalfOf, enteredBy: author.id }
          : { authorId: author.id, authorName: author.name }),
        roundId: this.runningRound(),
        ...(input.color ? { color: input.color } : {}),
        ...(z > 0 ? { z } : {}),
      })
      const text = input.text?.slice(0, NOTE_MAX_TEXT_LENGTH)
      if (text) getNoteText(this.doc, created)?.insert(0, text)
      this.fitZones(zoneId)
      return created
    })
    return { id, zoneId, movedOut }
  }

  /** Moves notes to another question (null: none), each to that question's next free slot. */
  moveToZone(ids: readonly string[], zoneId: string | null): boolean {
    if (this.isClosed(zoneId)) return false
    const geometry = readGeometry(this.doc)
    if (ids.some((id) => this.isClosed(geometry.notes.find((note) => note.id === id)?.zoneId ?? null)))
      return false
    localCommand(this.doc, () => {
      for (const id of ids) placeNoteInZone(this.doc, id, zoneId, geometry)
      this.fitZones(zoneId)
    })
    return true
  }

  /**
   * Drags and nudges: notes and shapes to new places. A note belongs to the zone its centre lands
   * in and is kept wholly inside it. Refused as a whole (false) when a note would enter or leave
   * a closed zone, so a group keeps its shape and the caller can say why.
   */
  moveItems(moves: readonly Move[]): boolean {
    return localCommand(this.doc, () => this.moveItemsWithinStep(moves))
  }

  /** `moveItems` joining the current undo step (the tidying right after a drop). */
  moveItemsWithinStep(moves: readonly Move[]): boolean {
    const planned = this.planMoves(moves)
    if (!planned) return false
    localEdit(this.doc, () => this.applyMoves(planned))
    return true
  }

  /**
   * Where each moved note ends up and in which zone, or null when one would enter or leave a
   * closed zone. `width`/`height` are a resize's new size (the note's own otherwise).
   */
  private planMoves(moves: readonly (Move & Partial<Size>)[]): PlannedMove[] | null {
    const { zones, notes } = readGeometry(this.doc)
    const byId = new Map(notes.map((note) => [note.id, note]))
    const shapeIds = new Set(listShapes(this.doc).map((shape) => shape.id))
    const planned: PlannedMove[] = []
    for (const move of moves) {
      const note = byId.get(move.id)
      const position = { x: Math.round(move.x), y: Math.round(move.y) }
      if (!note) {
        if (shapeIds.has(move.id)) planned.push({ id: move.id, ...position, shape: true })
        continue
      }
      const box = { ...position, width: move.width ?? note.width, height: move.height ?? note.height }
      const zone = zoneAtPoint(zones, box.x + box.width / 2, box.y + box.height / 2)
      const zoneId = zone?.id ?? null
      if (this.isClosed(zoneId) || (zoneId !== note.zoneId && this.isClosed(note.zoneId))) return null
      planned.push({ id: note.id, ...(zone ? clampIntoZone(zone, box) : position), zoneId, shape: false })
    }
    return planned
  }

  private applyMoves(planned: readonly PlannedMove[]): void {
    for (const { id, x, y, zoneId, shape } of planned) {
      if (shape) updateShape(this.doc, id, { x, y })
      else updateNote(this.doc, id, { x, y, zoneId: zoneId ?? null })
    }
    this.fitZones(...planned.map((move) => move.zoneId ?? null))
  }

  /**
   * New boxes after dragging resize handles: place and size, for text labels also the letter size
   * (which grows with the box). With `snap`, sizes go to whole grid steps. Refused like a move.
   */
  resizeItems(resizes: readonly Resize[], snap: boolean): boolean {
    const shapes = new Map(listShapes(this.doc).map((shape) => [shape.id, shape]))
    const sized = (value: number) =>
      snap ? Math.max(GRID, Math.round(value / GRID) * GRID) : Math.round(value)
    const boxes = resizes
      .filter((resize) => this.mayChange(resize.id))
      .map((resize) => ({
        ...resize,
        width: sized(resize.width),
        height: sized(resize.height),
      }))
    const planned = this.planMoves(boxes)
    if (!planned) return false
    localCommand(this.doc, () => {
      for (const box of boxes) {
        const shape = shapes.get(box.id)
        const size = { width: box.width, height: box.height }
        if (!shape) updateNote(this.doc, box.id, size)
        else if (shape.kind === 'text')
          updateShape(this.doc, box.id, { ...size, fontSize: shape.fontSize * box.scale })
        else updateShape(this.doc, box.id, size)
      }
      this.applyMoves(planned)
    })
    return true
  }

  /** Removes notes and shapes, and the arrows that pointed at them (not others' notes: mayChange). */
  deleteItems(ids: readonly string[]): void {
    const notes = new Set(listNotes(this.doc).map((note) => note.id))
    localCommand(this.doc, () => {
      for (const id of ids.filter((candidate) => this.mayChange(candidate))) {
        if (notes.has(id)) deleteNote(this.doc, id)
        else deleteShape(this.doc, id)
        deleteConnectorsOf(this.doc, id)
      }
    })
  }

  /** A form's edit of a note's text, merged with what others typed meanwhile (textMerge.ts). */
  saveText(noteId: string, base: string, value: string): void {
    const text = getNoteText(this.doc, noteId)
    if (text && this.mayChange(noteId))
      localCommand(this.doc, () => applyFormEdit(text, base, value.slice(0, NOTE_MAX_TEXT_LENGTH)))
  }

  setColor(ids: readonly string[], color: NoteColor): void {
    localCommand(this.doc, () => {
      for (const id of ids.filter((candidate) => this.mayChange(candidate)))
        updateNote(this.doc, id, { color })
    })
  }

  /** Raises notes and shapes above all others, keeping their own order among themselves. */
  bringToFront(ids: readonly string[]): void {
    const chosen = new Set(ids)
    const notes = listNotes(this.doc)
    const shapes = listShapes(this.doc)
    let noteZ = notes.reduce((max, note) => Math.max(max, note.z), 0)
    let shapeZ = shapes.reduce((max, shape) => Math.max(max, shape.z), 0)
    localCommand(this.doc, () => {
      for (const note of notes.filter((n) => chosen.has(n.id)).sort((a, b) => a.z - b.z))
        updateNote(this.doc, note.id, { z: ++noteZ })
      for (const shape of shapes.filter((s) => chosen.has(s.id)).sort((a, b) => a.z - b.z))
        updateShape(this.doc, shape.id, { z: ++shapeZ })
    })
  }

  /** "Netjes zetten" (facilitators): the question's notes in rows, by votes or by time. */
  tidyZone(zoneId: string, order: TidyOrder, votes: ReadonlyMap<string, number>): number {
    if (!this.context().isFacilitator) return 0
    return localCommand(this.doc, () => tidyZone(this.doc, zoneId, order, votes))
  }

  /**
   * Grows zones their notes overflow. Zones are facilitators' to write; a participant's client
   * leaves it to the server, which grows the zone a moment later (server/src/session/placementGuard.ts).
   */
  fitZones(...zoneIds: (string | null)[]): void {
    if (!this.context().isFacilitator) return
    const known = new Set(listZones(this.doc).map((zone) => zone.id))
    const ids = new Set(zoneIds.filter((id): id is string => id !== null && known.has(id)))
    if (ids.size > 0) fitZonesToNotes(this.doc, ids)
  }
}
