import * as Y from 'yjs'
import { newObjectId } from '../ids'
import { type RecordMap, readNumber, readString, zonesRoot } from './schema'

/** A question zone: a titled area of the board where notes for one question go. */
export interface ZoneData {
  id: string
  title: string
  prompt: string
  x: number
  y: number
  width: number
  height: number
  color: string
  order: number
}

export type NewZone = Omit<ZoneData, 'id' | 'color' | 'order' | 'prompt'> &
  Partial<Pick<ZoneData, 'id' | 'color' | 'order' | 'prompt'>>

export const DEFAULT_ZONE_COLOR = '#f4f1ea'

export function createZone(doc: Y.Doc, input: NewZone): string {
  const id = input.id ?? newObjectId()
  const zone = new Y.Map<unknown>()
  doc.transact(() => {
    zone.set('title', input.title)
    zone.set('prompt', input.prompt ?? '')
    zone.set('x', input.x)
    zone.set('y', input.y)
    zone.set('width', input.width)
    zone.set('height', input.height)
    zone.set('color', input.color ?? DEFAULT_ZONE_COLOR)
    zone.set('order', input.order ?? zonesRoot(doc).size)
    zonesRoot(doc).set(id, zone)
  })
  return id
}

export function readZone(id: string, zone: RecordMap): ZoneData {
  return {
    id,
    title: readString(zone, 'title', ''),
    prompt: readString(zone, 'prompt', ''),
    x: readNumber(zone, 'x', 0),
    y: readNumber(zone, 'y', 0),
    width: Math.max(1, readNumber(zone, 'width', 400)),
    height: Math.max(1, readNumber(zone, 'height', 300)),
    color: readString(zone, 'color', DEFAULT_ZONE_COLOR),
    order: readNumber(zone, 'order', 0),
  }
}

/** All zones in their reading order. */
export function listZones(doc: Y.Doc): ZoneData[] {
  const zones: ZoneData[] = []
  zonesRoot(doc).forEach((zone, id) => {
    if (zone instanceof Y.Map) zones.push(readZone(id, zone))
  })
  return zones.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

export type ZonePatch = Partial<Omit<ZoneData, 'id'>>

export function updateZone(doc: Y.Doc, id: string, patch: ZonePatch): void {
  const zone = zonesRoot(doc).get(id)
  if (!(zone instanceof Y.Map)) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && zone.get(key) !== value) zone.set(key, value)
    }
  })
}

export function deleteZone(doc: Y.Doc, id: string): void {
  zonesRoot(doc).delete(id)
}

/**
 * The zone a point lies in. Where zones nest or overlap, the smallest one wins: that is the one a
 * person aims at when dropping a note.
 */
export function zoneAtPoint(zones: readonly ZoneData[], x: number, y: number): ZoneData | null {
  let best: ZoneData | null = null
  for (const zone of zones) {
    const inside = x >= zone.x && x <= zone.x + zone.width && y >= zone.y && y <= zone.y + zone.height
    if (inside && (!best || zone.width * zone.height < best.width * best.height)) best = zone
  }
  return best
}

export function observeZones(doc: Y.Doc, listener: () => void): () => void {
  const root = zonesRoot(doc)
  root.observeDeep(listener)
  return () => root.unobserveDeep(listener)
}
