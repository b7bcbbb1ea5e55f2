import type Konva from 'konva'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { getNoteText, type NoteData, type ShapeData, type ZoneData } from '../../../shared/src/model'
import { ActionsProvider } from '../actions/ActionsContext'
import { setActionDialog } from '../actions/actionUi'
import { CommandMenu } from '../actions/CommandMenu'
import { boardActions } from '../actions/registry'
import { ShortcutSheet } from '../actions/ShortcutSheet'
import type { ActionContext, UndoCommands } from '../actions/types'
import { useActionDispatch } from '../actions/useActionDispatch'
import { useEditor, useEditorState } from '../board/editor/editorContext'
import type { Author } from '../board/ops/BoardOps'
import { useShapes } from '../board/useBoardData'
import type { CanvasPresence } from '../presence/canvasPresence'
import { useSessionCommands } from '../session/sessionCommands'
import { actionState } from './actionState'
import { CanvasStage, stageHandlers } from './CanvasStage'
import { CanvasStatus } from './CanvasStatus'
import { CanvasToolbar } from './CanvasToolbar'
import { NoteEditor } from './NoteEditor'
import { SelectionToolbar } from './SelectionToolbar'
import type { Resize } from './SelectionTransformer'
import { ShapeTextEditor } from './shapes/ShapeTextEditor'
import { useCanvasCommands } from './useCanvasCommands'
import { useElementSize } from './useElementSize'
import { useHeldKeys } from './useHeldKeys'
import { GRID_SIZE, useItemDrag } from './useItemDrag'
import { useItemEditing } from './useItemEditing'
import { usePointerTools } from './usePointerTools'
import { useTouchNoteGestures } from './useTouchNoteGestures'
import { typingLabels, useAnnounceEditing, useTypingPeers } from './useTypingPresence'
import { useViewportControls } from './useViewportControls'
import { useViewportGestures } from './useViewportGestures'
import { boundsOf } from './viewport'
import { ZoneEditButtons } from './zones/ZoneEditButtons'
import { ZoneEditDialog } from './zones/ZoneEditDialog'

interface BoardCanvasProps {
  doc: Y.Doc
  notes: NoteData[]
  zones: ZoneData[]
  canEdit: boolean
  author: Author
  /** True once the board content has arrived; the first time, the view is fitted to it. */
  contentLoaded: boolean
  /** Live cursors, selections and following (optional: the canvas works without). */
  presence?: CanvasPresence
  /** Facilitators edit zone questions and add text labels, shapes and arrows. */
  isFacilitator?: boolean
  /** The room's awareness: who is typing in which note (field `editing`). */
  awareness?: Awareness
  /** Per-person undo, shown in the command menu and the shortcut sheet when given. */
  undo?: UndoCommands
  /** Ids this person may not change (a facilitator locked them): not selectable, draggable or editable. */
  locked?: ReadonlySet<string>
}

const isBox = (shape: ShapeData) => shape.kind !== 'connector'
const NOTHING: ReadonlySet<string> = new Set()

export function BoardCanvas(props: BoardCanvasProps) {
  const { t } = useTranslation()
  const { doc, notes, zones, canEdit, author, presence, awareness } = props
  const isFacilitator = Boolean(props.isFacilitator)
  const editor = useEditor()
  const [containerRef, size] = useElementSize<HTMLDivElement>()
  // The editor knows the canvas's size while it is shown (the list view has none).
  useEffect(() => editor.setSize(size), [editor, size])
  useEffect(() => () => editor.setSize(null), [editor])
  const stageRef = useRef<Konva.Stage>(null)
  const shapes = useShapes(doc)
  const content = useMemo(() => [...zones, ...notes, ...shapes.filter(isBox)], [zones, notes, shapes])
  const view = useViewportControls(editor, size, { content, zones }, props.contentLoaded)
  const { viewport, setViewport } = view
  const gestures = useViewportGestures(setViewport)
  const locked = props.locked
  // Locked items are not "there" for selecting, so a selected note that gets locked drops out too.
  const existing = useMemo(
    () => new Set([...notes, ...shapes].map((item) => item.id).filter((id) => !locked?.has(id))),
    [notes, shapes, locked],
  )
  const selectionIds = useEditorState(editor, (state) => state.selection)
  useEffect(() => editor.keepSelectable(existing), [editor, existing])
  const selection = {
    ids: selectionIds,
    select: editor.select,
    selectMany: editor.selectMany,
    clear: editor.clearSelection,
  }
  const tool = useEditorState(editor, (state) => state.tool)
  const setTool = editor.setTool
  const [snap, setSnap] = useState(false)
  const [editingZoneId, setEditingZoneId] = useState<string | null>(null)
  const [status, setStatus] = useState({ message: '', at: 0 })
  const zoneCursor = useRef(-1)
  const held = useHeldKeys()
  const announce = useCallback((message: string) => setStatus({ message, at: Date.now() }), [])
  const editing = useItemEditing(editor, { notes, shapes, canEdit, isFacilitator })
  /** A double-click or long press on the board: a new note there, open for typing. */
  const addNoteAt = (at: { x: number; y: number }) => {
    if (editor.addNoteAt(at).movedOut) announce(t('canvas.zoneLockedMovedOut', { count: 1 }))
  }
  const refuseMove = () => announce(t('canvas.zoneLockedMoveRefused'))

  const drag = useItemDrag({
    stageRef,
    selection: selection.ids,
    select: selection.select,
    snap,
    onDrop: (moves) => {
      const moved = editor.ops.moveItems(moves)
      if (!moved) refuseMove()
      return moved
    },
  })
  const selectedNow = useRef(selection.ids)
  selectedNow.current = selection.ids
  const touch = useTouchNoteGestures({
    setViewport,
    isSelected: (id) => selectedNow.current.includes(id),
    select: (id) => {
      if (!locked?.has(id)) selection.select(id, false)
    },
  })
  const itemHandlers = useMemo(
    () => ({
      onSelect: (id: string, additive: boolean) => {
        if (!locked?.has(id)) selection.select(id, additive)
      },
      onStartEdit: (id: string) => {
        if (!locked?.has(id)) editing.startEdit(id)
      },
      onDragStart: (id: string, event: Konva.KonvaEventObject<DragEvent>) => {
        // A finger on a note that is not selected pans the board instead (useTouchNoteGestures).
        if (touch.claimDrag(id) || locked?.has(id)) event.target.stopDrag()
        else drag.onDragStart(id, event)
      },
      onDragMove: drag.onDragMove,
      onDragEnd: drag.onDragEnd,
      onTouchStart: touch.onNoteTouchStart,
    }),
    [
      locked,
      selection.select,
      editing.startEdit,
      drag.onDragStart,
      drag.onDragMove,
      drag.onDragEnd,
      touch.claimDrag,
      touch.onNoteTouchStart,
    ],
  )

  const pointer = usePointerTools({
    stageRef,
    viewport,
    setViewport,
    tool,
    shiftHeld: held.shift,
    items: () => [...notes, ...shapes.filter(isBox)],
    onMarquee: (ids, additive) =>
      selection.selectMany(
        ids.filter((id) => !locked?.has(id)),
        additive,
      ),
    onLongPress: canEdit ? addNoteAt : undefined,
  })

  // Presence: others see our viewport, selection and which note we type in.
  useEffect(() => presence?.viewportChanged(viewport, size), [presence, viewport, size])
  const selectedNoteIds = useMemo(() => {
    const noteIds = new Set(notes.map((note) => note.id))
    return selection.ids.filter((id) => noteIds.has(id))
  }, [selection.ids, notes])
  useEffect(() => presence?.selectionChanged(selectedNoteIds), [presence, selectedNoteIds])
  useEffect(() => presence?.onFollow(editor.setViewport), [presence, editor])
  useAnnounceEditing(awareness, editing.editingNote?.id ?? null)
  const typingPeers = useTypingPeers(awareness)

  const commands = useCanvasCommands({
    editor,
    notes,
    shapes,
    zones,
    author,
    isFacilitator,
    selection: selection.ids,
    locked: locked ?? NOTHING,
    view,
    size,
    startEdit: editing.startEdit,
    setSnap,
    setTool,
    announce,
    zoneCursor,
  })
  const sessionCommands = useSessionCommands()
  const state = actionState({
    notes,
    shapes,
    zones,
    selection: selection.ids,
    canEdit,
    isFacilitator,
    snap,
    tool,
    mayChange: (id) => editor.ops.mayChange(id),
  })
  const ctx: ActionContext = {
    state,
    canvas: commands,
    ui: {
      openCommandMenu: () => setActionDialog('commands'),
      openShortcutSheet: () => setActionDialog('shortcuts'),
    },
    undo: props.undo,
    session: sessionCommands,
  }
  const actions = useMemo(() => boardActions(state.zones), [state.zones])
  useActionDispatch(actions, ctx)

  const onResized = (resizes: Resize[]) => {
    if (editor.ops.resizeItems(resizes, snap)) return
    refuseMove()
    // Nothing was written, so React will not move the nodes back from where the handles left them.
    const stored = new Map([...notes, ...shapes].map((item) => [item.id, item]))
    const ids = new Set(resizes.map((resize) => resize.id))
    for (const node of stageRef.current?.find((candidate: Konva.Node) => ids.has(candidate.id())) ?? []) {
      const item = stored.get(node.id())
      if (item) node.position({ x: item.x, y: item.y })
    }
  }

  const onStageClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (event.target === event.target.getStage()) selection.clear()
  }
  const onStageDoubleClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const stage = event.target.getStage()
    if (!canEdit || !stage || event.target !== stage) return
    const point = stage.getRelativePointerPosition()
    if (point) addNoteAt(point)
  }

  const selectedIds = new Set(selection.ids)
  const selectedItems = [...notes, ...shapes.filter(isBox)].filter((item) => selectedIds.has(item.id))
  const selectionBounds = boundsOf(selectedItems)
  const editingNoteId = editing.editingNote?.id ?? null
  const editingNoteText = useMemo(
    () => (editingNoteId ? getNoteText(doc, editingNoteId) : null),
    [doc, editingNoteId],
  )
  const isEditing = editing.editingId !== null
  /** Leaves the editor and puts keyboard focus on the board itself, where its shortcuts listen. */
  const closeEditor = (labelText?: string) => {
    editing.stopEditing(labelText)
    containerRef.current?.focus({ preventScroll: true })
  }

  return (
    <ActionsProvider value={{ actions, ctx }}>
      <div
        className={`canvas-area${snap ? ' snap-on' : ''}${held.space ? ' panning' : ''}`}
        ref={containerRef}
        // Focus comes back here (not to a zone or toolbar button) when a text editor closes, so the
        // next Enter edits the chosen note again and Escape clears the choice (see closeEditor).
        tabIndex={-1}
        // The dot grid moves and scales with the board, so panning and zooming feel physical.
        style={{
          backgroundPosition: `${viewport.x}px ${viewport.y}px`,
          backgroundSize: `${GRID_SIZE * viewport.scale}px ${GRID_SIZE * viewport.scale}px`,
        }}
      >
        <CanvasStage
          stageRef={stageRef}
          size={size}
          viewport={viewport}
          zones={zones}
          notes={notes}
          shapes={shapes}
          selection={selection.ids}
          editingId={editing.editingId}
          livePositions={drag.livePositions}
          marquee={pointer.marquee}
          typing={typingLabels(typingPeers, t)}
          stageDraggable={held.space || (tool === 'pan' && !held.shift)}
          notesDraggable={canEdit && !held.space}
          shapesEditable={canEdit && isFacilitator && !held.space}
          onEditZone={isFacilitator ? setEditingZoneId : undefined}
          onResized={onResized}
          item={itemHandlers}
          stage={stageHandlers(gestures, pointer, { onClick: onStageClick, onDblClick: onStageDoubleClick })}
        />
        {presence?.overlay({ viewport, notes })}
        {isFacilitator && !isEditing && (
          <ZoneEditButtons zones={zones} viewport={viewport} area={size} onEdit={setEditingZoneId} />
        )}
        {canEdit && selectionBounds && !isEditing && !drag.livePositions && (
          <SelectionToolbar
            bounds={selectionBounds}
            viewport={viewport}
            area={size}
            colors={{ notes: state.selectedNotes > 0, shapes: isFacilitator && state.selectedShapes > 0 }}
          />
        )}
        {editing.editingNote && editingNoteText && (
          <NoteEditor
            key={editing.editingNote.id}
            doc={doc}
            note={editing.editingNote}
            text={editingNoteText}
            viewport={viewport}
            onClose={() => closeEditor()}
          />
        )}
        {editing.editingShape && (
          <ShapeTextEditor
            key={editing.editingShape.id}
            doc={doc}
            shape={editing.editingShape}
            viewport={viewport}
            onClose={(text) => closeEditor(text)}
          />
        )}
        <CanvasToolbar zoomPercent={Math.round(viewport.scale * 100)} />
        <CanvasStatus message={status.message} at={status.at} />
        <ZoneEditDialog
          doc={doc}
          zone={zones.find((zone) => zone.id === editingZoneId) ?? null}
          onClose={() => setEditingZoneId(null)}
        />
        <CommandMenu />
        <ShortcutSheet />
      </div>
    </ActionsProvider>
  )
}
