import type Konva from 'konva'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Layer, Stage } from 'react-konva'
import type * as Y from 'yjs'
import { getNoteText, type NoteData, type ZoneData } from '../../../shared/src/model'
import type { CanvasPresence } from '../presence/canvasPresence'
import { CanvasToolbar } from './CanvasToolbar'
import { NoteEditor } from './NoteEditor'
import { NoteShape } from './NoteShape'
import { NoteToolbar } from './NoteToolbar'
import { useBoardShortcuts } from './useBoardShortcuts'
import { useElementSize } from './useElementSize'
import { type Author, useNoteActions } from './useNoteActions'
import { useViewportGestures } from './useViewportGestures'
import { boundsOf, fitViewport, INITIAL_VIEWPORT, toBoardPoint, type Viewport, zoomAt } from './viewport'
import { ZoneShape } from './ZoneShape'
import { ZoneEditButtons, zoneEditButtonSpace } from './zones/ZoneEditButtons'
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
  /** Facilitators may change zone titles and questions. */
  canEditZones?: boolean
}

const BUTTON_ZOOM_STEP = 1.25
const GRID_SIZE = 24
/** Below this the first view is unreadable on a phone; people can still zoom out themselves. */
const FIRST_VIEW_MIN_SCALE = 0.5

export function BoardCanvas({
  doc,
  notes,
  zones,
  canEdit,
  author,
  contentLoaded,
  presence,
  canEditZones = false,
}: BoardCanvasProps) {
  const { t } = useTranslation()
  const [containerRef, size] = useElementSize<HTMLDivElement>()
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [editingZoneId, setEditingZoneId] = useState<string | null>(null)
  // Notes this person just created: if they leave them empty, they are cleaned up again.
  const freshNotes = useRef(new Set<string>())
  const gestures = useViewportGestures(setViewport)
  const { addNoteAt, moveNote, setColor, removeNote } = useNoteActions(doc, notes, zones, author)

  const fitToContent = useCallback(
    (minScale?: number) => setViewport(fitViewport(boundsOf([...zones, ...notes]), size, minScale)),
    [zones, notes, size],
  )

  // Show the whole board once, when it first arrives; after that the person controls the view.
  const fitted = useRef(false)
  useEffect(() => {
    if (fitted.current || !contentLoaded || size.width === 0) return
    fitted.current = true
    fitToContent(FIRST_VIEW_MIN_SCALE)
  }, [contentLoaded, size.width, fitToContent])

  // Presence: others see our viewport and selection; following someone moves our stage.
  useEffect(() => presence?.viewportChanged(viewport, size), [presence, viewport, size])
  useEffect(() => presence?.selectionChanged(selectedId ? [selectedId] : []), [presence, selectedId])
  useEffect(() => presence?.onFollow(setViewport), [presence])

  const selected = notes.find((n) => n.id === selectedId) ?? null
  const editing = notes.find((n) => n.id === editingId) ?? null
  const editingText = useMemo(() => (editingId ? getNoteText(doc, editingId) : null), [doc, editingId])

  // A note removed by someone else (or by us) cannot stay selected or open.
  useEffect(() => {
    if (selectedId && !selected) setSelectedId(null)
    if (editingId && !editing) setEditingId(null)
  }, [selectedId, selected, editingId, editing])

  const startEdit = useCallback(
    (id: string) => {
      if (!canEdit) return
      setSelectedId(id)
      setEditingId(id)
    },
    [canEdit],
  )

  const createAndEdit = useCallback(
    (center: { x: number; y: number }, avoidOthers: boolean) => {
      const id = addNoteAt(center, { avoidOthers })
      freshNotes.current.add(id)
      startEdit(id)
    },
    [addNoteAt, startEdit],
  )

  const addAtViewportCentre = useCallback(() => {
    createAndEdit(toBoardPoint(viewport, { x: size.width / 2, y: size.height / 2 }), true)
  }, [createAndEdit, viewport, size])

  const stopEditing = useCallback(() => {
    const id = editingId
    setEditingId(null)
    if (id && freshNotes.current.delete(id) && !getNoteText(doc, id)?.toString().trim()) {
      removeNote(id)
      setSelectedId(null)
    }
  }, [editingId, doc, removeNote])

  const deleteSelected = useCallback(() => {
    if (!selectedId || !canEdit) return
    removeNote(selectedId)
    setSelectedId(null)
    setEditingId(null)
  }, [selectedId, canEdit, removeNote])

  useBoardShortcuts({
    onAddNote: canEdit ? addAtViewportCentre : undefined,
    onEditSelected: selectedId ? () => startEdit(selectedId) : undefined,
    onDeleteSelected: canEdit && selectedId ? deleteSelected : undefined,
    onEscape: () => setSelectedId(null),
  })

  const onStageClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (event.target === event.target.getStage()) setSelectedId(null)
  }

  const onStageDoubleClick = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const stage = event.target.getStage()
    if (!canEdit || !stage || event.target !== stage) return
    const point = stage.getRelativePointerPosition()
    if (point) createAndEdit(point, false)
  }

  const zoomBy = (factor: number) =>
    setViewport((view) => zoomAt(view, { x: size.width / 2, y: size.height / 2 }, factor))

  // The selected note is drawn last so it is on top while it is dragged.
  const ordered = selected ? [...notes.filter((n) => n.id !== selected.id), selected] : notes

  return (
    <div
      className="canvas-area"
      ref={containerRef}
      // The dot grid moves and scales with the board, so panning and zooming feel physical.
      style={{
        backgroundPosition: `${viewport.x}px ${viewport.y}px`,
        backgroundSize: `${GRID_SIZE * viewport.scale}px ${GRID_SIZE * viewport.scale}px`,
      }}
    >
      <div className="canvas-stage" role="img" aria-label={t('board.canvasLabel')}>
        <Stage
          width={size.width}
          height={size.height}
          x={viewport.x}
          y={viewport.y}
          scaleX={viewport.scale}
          scaleY={viewport.scale}
          draggable
          onDragMove={gestures.onStageDrag}
          onDragEnd={gestures.onStageDrag}
          onWheel={gestures.onWheel}
          onTouchMove={gestures.onTouchMove}
          onTouchEnd={gestures.onTouchEnd}
          onClick={onStageClick}
          onTap={onStageClick}
          onDblClick={onStageDoubleClick}
          onDblTap={onStageDoubleClick}
        >
          <Layer listening={canEditZones}>
            {zones.map((zone) => (
              <ZoneShape
                key={zone.id}
                zone={zone}
                onEdit={canEditZones ? setEditingZoneId : undefined}
                reserveRight={canEditZones ? zoneEditButtonSpace(zone, viewport) / viewport.scale : 0}
              />
            ))}
          </Layer>
          <Layer>
            {ordered.map((note) => (
              <NoteShape
                key={note.id}
                note={note}
                selected={note.id === selectedId}
                editing={note.id === editingId}
                editable={canEdit}
                onSelect={setSelectedId}
                onStartEdit={startEdit}
                onMoved={moveNote}
              />
            ))}
          </Layer>
        </Stage>
      </div>
      {presence?.overlay({ viewport, notes })}
      {canEditZones && !editing && (
        <ZoneEditButtons zones={zones} viewport={viewport} area={size} onEdit={setEditingZoneId} />
      )}
      <ZoneEditDialog
        doc={doc}
        zone={zones.find((zone) => zone.id === editingZoneId) ?? null}
        onClose={() => setEditingZoneId(null)}
      />
      {canEdit && selected && !editing && (
        <NoteToolbar
          note={selected}
          viewport={viewport}
          area={size}
          onColor={(color) => setColor(selected.id, color)}
          onEdit={() => startEdit(selected.id)}
          onDelete={deleteSelected}
        />
      )}
      {editing && editingText && (
        <NoteEditor
          key={editing.id}
          note={editing}
          text={editingText}
          viewport={viewport}
          onClose={stopEditing}
        />
      )}
      <CanvasToolbar
        canAddNotes={canEdit}
        zoomPercent={Math.round(viewport.scale * 100)}
        onAddNote={addAtViewportCentre}
        onZoomIn={() => zoomBy(BUTTON_ZOOM_STEP)}
        onZoomOut={() => zoomBy(1 / BUTTON_ZOOM_STEP)}
        onFit={() => fitToContent()}
      />
    </div>
  )
}
