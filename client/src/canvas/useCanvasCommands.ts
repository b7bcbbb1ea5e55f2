import { useTranslation } from 'react-i18next'
import {
  createShape,
  type NoteData,
  SHAPE_DEFAULTS,
  type ShapeData,
  updateShape,
  type ZoneData,
} from '../../../shared/src/model'
import type { CanvasCommands, CanvasTool, ShapeTool } from '../actions/types'
import type { BoardEditor } from '../board/editor/BoardEditor'
import type { Author } from '../board/ops/BoardOps'
import { insertPayload } from '../board/ops/clipboardOps'
import { confirmDeleteText } from '../board/ops/confirmDelete'
import { localCommand } from '../sync/localOrigin'
import { buildPayload, payloadSize } from './items/clipboardPayload'
import { readClipboard, writeClipboard } from './items/systemClipboard'
import { nextNote, revealNote } from './noteCycle'
import type { ViewportControls } from './useViewportControls'
import { boundsOf, type Point, toBoardPoint } from './viewport'

const DUPLICATE_OFFSET = 24

export interface CommandInputs {
  editor: BoardEditor
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  zones: readonly ZoneData[]
  author: Author
  isFacilitator: boolean
  selection: readonly string[]
  /** Ids this person may not change (locked): never selected by "select all", never deleted or moved. */
  locked: ReadonlySet<string>
  view: ViewportControls
  size: { width: number; height: number }
  startEdit: (id: string, options?: { fresh?: boolean }) => void
  setSnap: (update: (on: boolean) => boolean) => void
  setTool: (tool: CanvasTool) => void
  /** A short message for the status line (and screen readers). */
  announce: (message: string) => void
  /** Index of the zone "next zone" went to last. */
  zoneCursor: { current: number }
}

/**
 * The canvas's commands, as the actions call them: note writes go through the editor's board
 * operations, view changes through the editor. Rebuilt on every render (cheap closures).
 */
export function useCanvasCommands(input: CommandInputs): CanvasCommands {
  const { t } = useTranslation()
  const { editor, notes, shapes, zones, author, selection, view, size } = input
  const { doc, ops } = editor
  const noteIds = new Set(notes.map((note) => note.id))
  const centre = (): Point => toBoardPoint(view.viewport, { x: size.width / 2, y: size.height / 2 })
  // Participants change notes only; shapes are the facilitators' annotations.
  // A lock can arrive between selecting and acting: locked items are left out here too.
  const editable = () =>
    selection.filter((id) => (noteIds.has(id) || input.isFacilitator) && !input.locked.has(id))

  /** Adds a payload and selects it; a note moved out of a closed zone is said, not hidden. */
  const insert = (
    payload: NonNullable<ReturnType<typeof buildPayload>>,
    origin: Point,
    done?: (count: number) => string,
  ) => {
    const { ids, movedOut } = insertPayload(ops, payload, origin, {
      author,
      mayAddShapes: input.isFacilitator,
    })
    editor.selectMany(ids)
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
    // Someone else's note, or one with dots: asked first (issue 14, notes that vanished).
    if (ops.needsConfirmation(ids) && !window.confirm(confirmDeleteText(t, ids.length))) return
    ops.deleteItems(ids)
    editor.clearSelection()
  }

  const zoomToZone = (zoneId: string) => {
    const zone = zones.find((candidate) => candidate.id === zoneId)
    if (zone) view.zoomToRect(zone)
  }

  return {
    addNote: () => editor.addNoteFromButton(),
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
          const { id, movedOut } = ops.addNote({ at, text: content.text })
          editor.selectMany([id])
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
    bringToFront: () => ops.bringToFront(editable()),
    selectNextNote: (step) => {
      const note = nextNote(notes, zones, selection, step)
      if (!note) return
      editor.selectMany([note.id])
      view.setViewport((current) => revealNote(current, note, size))
      const text = note.text.trim() || t('list.emptyNote')
      input.announce(
        t('canvas.noteSelected', { text: text.slice(0, 120), name: note.authorName || t('list.anonymous') }),
      )
    },
    selectAll: () =>
      editor.selectMany(
        [...notes.map((n) => n.id), ...shapes.map((s) => s.id)].filter((id) => !input.locked.has(id)),
      ),
    clearSelection: editor.clearSelection,
    setNoteColor: (color) =>
      ops.setColor(
        selection.filter((id) => noteIds.has(id)),
        color,
      ),
    setShapeColor: (color) =>
      localCommand(doc, () => {
        for (const shape of shapes) if (selection.includes(shape.id)) updateShape(doc, shape.id, { color })
      }),
    nudge: (dx, dy) => {
      const ids = new Set(editable())
      const moves = [...notes, ...shapes]
        .filter((item) => ids.has(item.id) && !('kind' in item && item.kind === 'connector'))
        .map((item) => ({ id: item.id, x: item.x + dx, y: item.y + dy }))
      if (!ops.moveItems(moves)) input.announce(t('canvas.zoneLockedMoveRefused'))
    },
    addShape: (kind: ShapeTool) => {
      const box = kind === 'text' ? SHAPE_DEFAULTS.text : SHAPE_DEFAULTS.box
      const at = centre()
      const id = localCommand(doc, () =>
        createShape(doc, {
          kind,
          x: Math.round(at.x - box.width / 2),
          y: Math.round(at.y - box.height / 2),
          z: shapes.reduce((max, shape) => Math.max(max, shape.z), 0) + 1,
          authorId: author.id,
          ...(kind === 'text' ? { text: '' } : {}),
        }),
      )
      editor.selectMany([id])
      if (kind === 'text') input.startEdit(id, { fresh: true })
    },
    connectSelection: () => {
      const [fromId, toId] = selection
      if (selection.length !== 2 || !fromId || !toId) return
      const id = localCommand(doc, () =>
        createShape(doc, { kind: 'connector', fromId, toId, authorId: author.id }),
      )
      editor.selectMany([id])
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
