import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  createNote,
  createShape,
  NOTE_DEFAULT_SIZE,
  type NoteData,
  SHAPE_DEFAULTS,
  type ShapeData,
  setNoteText,
  updateNote,
  updateShape,
  type ZoneData,
} from '../../../shared/src/model'
import type { CanvasCommands, CanvasTool, ShapeTool } from '../actions/types'
import { localCommand } from '../sync/localOrigin'
import { buildPayload, payloadSize } from './items/clipboardPayload'
import { type Author, bringToFront, deleteItems, insertPayload, moveItems, topZ } from './items/itemWrites'
import { placeNewNote } from './items/placement'
import { readClipboard, writeClipboard } from './items/systemClipboard'
import { nextNote, revealNote } from './noteCycle'
import type { ViewportControls } from './useViewportControls'
import { boundsOf, type Point, toBoardPoint } from './viewport'

const DUPLICATE_OFFSET = 24

export interface CommandInputs {
  doc: Y.Doc
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  zones: readonly ZoneData[]
  author: Author
  canEdit: boolean
  isFacilitator: boolean
  /** Zones this person may not put a note in (locked ones; see items/placement.ts). */
  closed: ReadonlySet<string>
  selection: readonly string[]
  selectMany: (ids: readonly string[]) => void
  clearSelection: () => void
  view: ViewportControls
  size: { width: number; height: number }
  addNoteAtCentre: () => void
  startEdit: (id: string, options?: { fresh?: boolean }) => void
  setSnap: (update: (on: boolean) => boolean) => void
  setTool: (tool: CanvasTool) => void
  /** A short message for the status line (and screen readers). */
  announce: (message: string) => void
  /** Index of the zone "next zone" went to last. */
  zoneCursor: { current: number }
}

/** The canvas's commands, as the actions call them. Rebuilt on every render (cheap closures). */
export function useCanvasCommands(input: CommandInputs): CanvasCommands {
  const { t } = useTranslation()
  const { doc, notes, shapes, zones, author, selection, view, size } = input
  const noteIds = new Set(notes.map((note) => note.id))
  const centre = (): Point => toBoardPoint(view.viewport, { x: size.width / 2, y: size.height / 2 })
  // Participants change notes only; shapes are the facilitators' annotations.
  const editable = () => selection.filter((id) => noteIds.has(id) || input.isFacilitator)

  /** Adds a payload and selects it; a note moved out of a closed zone is said, not hidden. */
  const insert = (
    payload: NonNullable<ReturnType<typeof buildPayload>>,
    origin: Point,
    done?: (count: number) => string,
  ) => {
    let movedOut = 0
    const ids = insertPayload(doc, payload, origin, {
      author,
      zones,
      mayAddShapes: input.isFacilitator,
      noteZ: topZ(notes),
      shapeZ: topZ(shapes) + 1,
      closed: input.closed,
      notes,
      onMovedOut: (count) => {
        movedOut = count
      },
    })
    input.selectMany(ids)
    if (movedOut > 0) input.announce(t('canvas.zoneLockedMovedOut', { count: movedOut }))
    else if (done) input.announce(done(ids.length))
    return ids
  }

  const copy = (event?: ClipboardEvent) => {
    const payload = buildPayload(selection, notes, shapes)
    if (!payload) return false
    void writeClipboard(payload, event)
    input.announce(t('canvas.copied', { count: payload.notes.length + payload.shapes.length }))
    return true
  }

  const remove = (ids: readonly string[]) => {
    deleteItems(doc, ids, { notes: noteIds })
    input.clearSelection()
  }

  const zoomToZone = (zoneId: string) => {
    const zone = zones.find((candidate) => candidate.id === zoneId)
    if (zone) view.zoomToRect(zone)
  }

  return {
    addNote: input.addNoteAtCentre,
    editSelection: () => {
      const [id] = selection
      if (selection.length === 1 && id) input.startEdit(id)
    },
    deleteSelection: () => remove(editable()),
    duplicateSelection: () => {
      const payload = buildPayload(editable(), notes, shapes)
      if (payload)
        insert(payload, { x: payload.origin.x + DUPLICATE_OFFSET, y: payload.origin.y + DUPLICATE_OFFSET })
    },
    copySelection: (event) => void copy(event),
    cutSelection: (event) => {
      if (copy(event)) remove(editable())
    },
    paste: (event) => {
      void readClipboard(event).then((content) => {
        if (!content) return input.announce(t('canvas.nothingToPaste'))
        const at = centre()
        if (content.kind === 'text') {
          const wanted = {
            x: Math.round(at.x - NOTE_DEFAULT_SIZE.width / 2),
            y: Math.round(at.y - NOTE_DEFAULT_SIZE.height / 2),
          }
          const { x, y, zoneId, movedOut } = placeNewNote(wanted, NOTE_DEFAULT_SIZE, {
            zones,
            notes,
            closed: input.closed,
          })
          const id = localCommand(doc, () => {
            const created = createNote(doc, {
              x,
              y,
              authorId: author.id,
              authorName: author.name,
              zoneId,
            })
            setNoteText(doc, created, content.text)
            return created
          })
          input.selectMany([id])
          if (movedOut) input.announce(t('canvas.zoneLockedMovedOut', { count: 1 }))
          return
        }
        const groupSize = payloadSize(content.payload)
        const origin = {
          x: Math.round(at.x - groupSize.width / 2),
          y: Math.round(at.y - groupSize.height / 2),
        }
        insert(content.payload, origin, (count) => t('canvas.pasted', { count }))
      })
    },
    bringToFront: () => bringToFront(doc, editable(), { notes, shapes }),
    selectNextNote: (step) => {
      const note = nextNote(notes, zones, selection, step)
      if (!note) return
      input.selectMany([note.id])
      view.setViewport((current) => revealNote(current, note, size))
      const text = note.text.trim() || t('list.emptyNote')
      input.announce(
        t('canvas.noteSelected', { text: text.slice(0, 120), name: note.authorName || t('list.anonymous') }),
      )
    },
    selectAll: () => input.selectMany([...notes.map((n) => n.id), ...shapes.map((s) => s.id)]),
    clearSelection: input.clearSelection,
    setNoteColor: (color) =>
      localCommand(doc, () => {
        for (const id of selection) if (noteIds.has(id)) updateNote(doc, id, { color })
      }),
    setShapeColor: (color) =>
      localCommand(doc, () => {
        for (const shape of shapes) if (selection.includes(shape.id)) updateShape(doc, shape.id, { color })
      }),
    nudge: (dx, dy) => {
      const ids = new Set(editable())
      const moves = [...notes, ...shapes]
        .filter((item) => ids.has(item.id) && !('kind' in item && item.kind === 'connector'))
        .map((item) => ({ id: item.id, x: item.x + dx, y: item.y + dy }))
      if (!moveItems(doc, moves, { notes, shapes, zones, closed: input.closed }))
        input.announce(t('canvas.zoneLockedMoveRefused'))
    },
    addShape: (kind: ShapeTool) => {
      const box = kind === 'text' ? SHAPE_DEFAULTS.text : SHAPE_DEFAULTS.box
      const at = centre()
      const id = localCommand(doc, () =>
        createShape(doc, {
          kind,
          x: Math.round(at.x - box.width / 2),
          y: Math.round(at.y - box.height / 2),
          z: topZ(shapes) + 1,
          authorId: author.id,
          ...(kind === 'text' ? { text: '' } : {}),
        }),
      )
      input.selectMany([id])
      if (kind === 'text') input.startEdit(id, { fresh: true })
    },
    connectSelection: () => {
      const [fromId, toId] = selection
      if (selection.length !== 2 || !fromId || !toId) return
      const id = localCommand(doc, () =>
        createShape(doc, { kind: 'connector', fromId, toId, authorId: author.id }),
      )
      input.selectMany([id])
    },
    zoomIn: view.zoomIn,
    zoomOut: view.zoomOut,
    zoomTo100: view.zoomTo100,
    zoomToFit: view.zoomToFit,
    zoomToSelection: () => {
      const chosen = [...notes, ...shapes.filter((s) => s.kind !== 'connector')].filter((item) =>
        selection.includes(item.id),
      )
      const bounds = boundsOf(chosen)
      if (bounds) view.zoomToRect(bounds)
    },
    zoomToZone,
    nextZone: () => {
      if (zones.length === 0) return
      input.zoneCursor.current = (input.zoneCursor.current + 1) % zones.length
      const zone = zones[input.zoneCursor.current]
      if (zone) {
        zoomToZone(zone.id)
        input.announce(zone.title)
      }
    },
    toggleSnap: () => input.setSnap((on) => !on),
    setTool: input.setTool,
  }
}
