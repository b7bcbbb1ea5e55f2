import {
  clampIntoZone,
  createNote,
  createShape,
  getNoteText,
  listShapes,
  NOTE_MAX_TEXT_LENGTH,
  overlaps,
  readGeometry,
  spotForZone,
  zoneAtPoint,
} from '../../../../shared/src/model'
import type { ClipboardPayload } from '../../canvas/items/clipboardPayload'
import { localCommand } from '../../sync/localOrigin'
import type { BoardOps } from './BoardOps'

/**
 * Paste and duplicate, through the same rules as every other new note: a pasted note in a question
 * keeps its place when that is free and inside the zone, else takes the question's next free slot
 * (a duplicate 24 px off its original would cover it); a note aimed at a closed zone goes outside
 * every question. Pasted notes are the paster's own and belong to the running round.
 */
export function insertPayload(
  ops: BoardOps,
  payload: ClipboardPayload,
  origin: { x: number; y: number },
  context: { author: { id: string; name: string }; mayAddShapes: boolean },
): { ids: string[]; movedOut: number } {
  const doc = ops.doc
  const dx = origin.x - payload.origin.x
  const dy = origin.y - payload.origin.y
  const newIds = new Map<string, string>()
  const geometry = readGeometry(doc)
  const taken = [...geometry.notes]
  const noteZ = taken.reduce((max, note) => Math.max(max, note.z), 0)
  const shapeZ = listShapes(doc).reduce((max, shape) => Math.max(max, shape.z), 0) + 1
  const roundId = ops.runningRound()
  let movedOut = 0
  const touchedZones = new Set<string | null>()
  localCommand(doc, () => {
    for (const note of payload.notes) {
      const wanted = {
        x: Math.round(note.x + dx),
        y: Math.round(note.y + dy),
        width: note.width,
        height: note.height,
      }
      let zoneId =
        zoneAtPoint(geometry.zones, wanted.x + note.width / 2, wanted.y + note.height / 2)?.id ?? null
      let spot: { x: number; y: number } = wanted
      if (ops.isClosed(zoneId)) {
        movedOut += 1
        zoneId = null
        spot = spotForZone(null, geometry.zones, taken, note)
      } else {
        const zone = geometry.zones.find((candidate) => candidate.id === zoneId)
        if (zone) spot = clampIntoZone(zone, wanted)
        const covered = taken.some(
          (other) =>
            other.zoneId === zoneId && overlaps(other, { ...spot, width: note.width, height: note.height }),
        )
        if (zone && covered) spot = spotForZone(zoneId, geometry.zones, taken, note)
      }
      touchedZones.add(zoneId)
      const id = createNote(doc, {
        ...spot,
        width: note.width,
        height: note.height,
        color: note.color,
        zoneId,
        authorId: context.author.id,
        authorName: context.author.name,
        roundId,
        ...(noteZ > 0 ? { z: noteZ } : {}),
      })
      if (note.text) getNoteText(doc, id)?.insert(0, note.text.slice(0, NOTE_MAX_TEXT_LENGTH))
      taken.push({
        ...note,
        ...spot,
        id,
        zoneId,
        text: note.text,
        authorId: '',
        authorName: '',
        createdAt: 0,
        z: 0,
      })
      newIds.set(note.ref, id)
    }
    ops.fitZones(...touchedZones)
    if (!context.mayAddShapes) return
    for (const shape of payload.shapes) {
      if (shape.kind === 'connector') continue
      const id = createShape(doc, {
        kind: shape.kind,
        x: Math.round(shape.x + dx),
        y: Math.round(shape.y + dy),
        width: shape.width,
        height: shape.height,
        text: shape.text,
        color: shape.color,
        fontSize: shape.fontSize,
        z: shapeZ,
        authorId: context.author.id,
      })
      newIds.set(shape.ref, id)
    }
    for (const shape of payload.shapes) {
      const fromId = shape.fromRef ? newIds.get(shape.fromRef) : undefined
      const toId = shape.toRef ? newIds.get(shape.toRef) : undefined
      if (shape.kind !== 'connector' || !fromId || !toId) continue
      newIds.set(
        shape.ref,
        createShape(doc, {
          kind: 'connector',
          fromId,
          toId,
          color: shape.color,
          authorId: context.author.id,
        }),
      )
    }
  })
  return { ids: [...newIds.values()], movedOut }
}
