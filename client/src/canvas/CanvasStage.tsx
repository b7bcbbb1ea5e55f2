import type Konva from 'konva'
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Rect as KonvaRect, Layer, Stage } from 'react-konva'
import type { NoteData, ShapeData, ZoneData } from '../../../shared/src/model'
import { cullToArea, visibleBoardRect } from './culling'
import { NoteShape } from './NoteShape'
import { type Resize, SelectionTransformer } from './SelectionTransformer'
import { ConnectorArrow } from './shapes/ConnectorArrow'
import { type ItemHandlers, ShapeNode } from './shapes/ShapeNode'
import type { Rect, Viewport } from './viewport'
import { ZoneShape } from './ZoneShape'
import { zoneEditButtonSpace } from './zones/ZoneEditButtons'

type KonvaEvent<E> = Konva.KonvaEventObject<E>

export interface StageHandlers {
  onWheel: (event: KonvaEvent<WheelEvent>) => void
  onStageDrag: (event: KonvaEvent<DragEvent>) => void
  onTouchStart: (event: KonvaEvent<TouchEvent>) => void
  onTouchMove: (event: KonvaEvent<TouchEvent>) => void
  onTouchEnd: (event: KonvaEvent<TouchEvent>) => void
  onMouseDown: (event: KonvaEvent<MouseEvent>) => void
  onClick: (event: KonvaEvent<MouseEvent | TouchEvent>) => void
  onDblClick: (event: KonvaEvent<MouseEvent | TouchEvent>) => void
}

/** The stage's handlers: pan/zoom gestures and pointer tools share the touch events. */
export function stageHandlers(
  gestures: Pick<StageHandlers, 'onWheel' | 'onStageDrag' | 'onTouchMove'> & { onTouchEnd: () => void },
  pointer: Pick<StageHandlers, 'onMouseDown' | 'onTouchStart' | 'onTouchMove'> & { onTouchEnd: () => void },
  clicks: Pick<StageHandlers, 'onClick' | 'onDblClick'>,
): StageHandlers {
  return {
    onWheel: gestures.onWheel,
    onStageDrag: gestures.onStageDrag,
    onMouseDown: pointer.onMouseDown,
    onTouchStart: pointer.onTouchStart,
    onTouchMove: (event) => {
      pointer.onTouchMove(event)
      gestures.onTouchMove(event)
    },
    onTouchEnd: () => {
      pointer.onTouchEnd()
      gestures.onTouchEnd()
    },
    ...clicks,
  }
}

interface CanvasStageProps {
  stageRef: RefObject<Konva.Stage | null>
  size: { width: number; height: number }
  viewport: Viewport
  zones: readonly ZoneData[]
  notes: readonly NoteData[]
  shapes: readonly ShapeData[]
  selection: readonly string[]
  editingId: string | null
  /** Positions of items being dragged right now (arrows follow them). */
  livePositions: ReadonlyMap<string, { x: number; y: number }> | null
  marquee: Rect | null
  typing: ReadonlyMap<string, string>
  stageDraggable: boolean
  notesDraggable: boolean
  shapesEditable: boolean
  onEditZone?: (zoneId: string) => void
  onResized: (resizes: Resize[]) => void
  item: ItemHandlers
  stage: StageHandlers
}

/** Notes (and shapes) in stacking order: by z, then oldest first. */
function byZ<T extends { z: number; createdAt: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.z - b.z || a.createdAt - b.createdAt)
}

/**
 * The Konva stage: zones at the bottom, then the facilitators' rectangles and ellipses, the notes,
 * arrows and text labels, with the selection's resize handles and the selection box on top.
 */
export function CanvasStage(props: CanvasStageProps) {
  const { t } = useTranslation()
  const { viewport, notes, shapes, selection, livePositions, item } = props
  const boxes = new Map<string, Rect & { ellipse?: boolean }>()
  const noteIds = new Set<string>()
  for (const note of notes) {
    noteIds.add(note.id)
    boxes.set(note.id, { ...note, ...livePositions?.get(note.id) })
  }
  for (const shape of shapes) {
    if (shape.kind !== 'connector') {
      boxes.set(shape.id, { ...shape, ...livePositions?.get(shape.id), ellipse: shape.kind === 'ellipse' })
    }
  }
  const selected = new Set(selection)
  const transformable = selection.filter((id) => {
    // Sets, not a search per selected item: with everything selected that was 2,000 × 2,000.
    if (noteIds.has(id)) return props.notesDraggable
    return props.shapesEditable && boxes.has(id)
  })
  const sizes = new Map<string, { width: number; height: number }>()
  for (const id of transformable) {
    const box = boxes.get(id)
    if (box) sizes.set(id, { width: box.width, height: box.height })
  }
  const keepRatio = shapes.some((shape) => selected.has(shape.id) && shape.kind === 'text')
  // Only what is on screen gets Konva nodes; selected, edited and dragged items always do.
  const area = visibleBoardRect(viewport, props.size)
  const keep = new Set(selection)
  if (props.editingId) keep.add(props.editingId)
  for (const id of livePositions?.keys() ?? []) keep.add(id)
  const visibleNotes = cullToArea(notes, area, keep)
  const visibleZones = cullToArea(props.zones, area)

  return (
    <div className="canvas-stage" role="img" aria-label={t('board.canvasLabel')}>
      <Stage
        ref={props.stageRef}
        width={props.size.width}
        height={props.size.height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        draggable={props.stageDraggable}
        onDragMove={props.stage.onStageDrag}
        onDragEnd={props.stage.onStageDrag}
        onWheel={props.stage.onWheel}
        onMouseDown={props.stage.onMouseDown}
        onTouchStart={props.stage.onTouchStart}
        onTouchMove={props.stage.onTouchMove}
        onTouchEnd={props.stage.onTouchEnd}
        onClick={props.stage.onClick}
        onTap={props.stage.onClick}
        onDblClick={props.stage.onDblClick}
        onDblTap={props.stage.onDblClick}
      >
        <Layer listening={Boolean(props.onEditZone)}>
          {visibleZones.map((zone) => (
            <ZoneShape
              key={zone.id}
              zone={zone}
              onEdit={props.onEditZone}
              reserveRight={props.onEditZone ? zoneEditButtonSpace(zone, viewport) / viewport.scale : 0}
            />
          ))}
        </Layer>
        <Layer>
          {shapes.map((shape) => {
            if (shape.kind === 'connector' || shape.kind === 'text') return null
            const live = livePositions?.get(shape.id)
            return (
              <ShapeNode
                key={shape.id}
                shape={live ? { ...shape, ...live } : shape}
                draggable={props.shapesEditable}
                editing={shape.id === props.editingId}
                {...item}
              />
            )
          })}
          {byZ(visibleNotes).map((note) => {
            const typing = props.typing.get(note.id)
            return (
              <NoteShape
                key={note.id}
                note={note}
                selected={selected.has(note.id)}
                editing={note.id === props.editingId}
                draggable={props.notesDraggable}
                typing={typing ? { text: typing, scale: Math.min(4, 1 / viewport.scale) } : undefined}
                {...item}
              />
            )
          })}
          {/* Arrows and text labels above the notes, so they are never hidden under them. */}
          {shapes.map((shape) => {
            const from = shape.fromId ? boxes.get(shape.fromId) : undefined
            const to = shape.toId ? boxes.get(shape.toId) : undefined
            if (shape.kind !== 'connector' || !from || !to) return null
            return (
              <ConnectorArrow
                key={shape.id}
                shape={shape}
                from={from}
                to={to}
                selected={selected.has(shape.id)}
                selectable={props.shapesEditable}
                onSelect={item.onSelect}
              />
            )
          })}
          {shapes.map((shape) => {
            if (shape.kind !== 'text') return null
            const live = livePositions?.get(shape.id)
            return (
              <ShapeNode
                key={shape.id}
                shape={live ? { ...shape, ...live } : shape}
                draggable={props.shapesEditable}
                editing={shape.id === props.editingId}
                {...item}
              />
            )
          })}
          <SelectionTransformer
            stageRef={props.stageRef}
            ids={transformable}
            sizes={sizes}
            keepRatio={keepRatio}
            enabled={props.editingId === null}
            scale={viewport.scale}
            onResized={props.onResized}
          />
          {props.marquee && (
            <KonvaRect
              {...props.marquee}
              fill="rgba(11, 87, 208, 0.08)"
              stroke="#0b57d0"
              strokeWidth={1 / viewport.scale}
              dash={[6 / viewport.scale, 4 / viewport.scale]}
              listening={false}
            />
          )}
        </Layer>
      </Stage>
    </div>
  )
}
