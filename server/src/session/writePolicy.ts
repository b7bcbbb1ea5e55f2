import * as Y from 'yjs'
import { isInputClosed, lockedIds } from '../../../shared/src/model/facilitation'
import { metaRoot, notesRoot, zonesRoot } from '../../../shared/src/model/schema'
import type { DecodedUpdate } from '../sync/updateChecks'

/** Item ids per client as [start, end) ranges. */
type IdRanges = Map<number, [number, number][]>

function addItem(ranges: IdRanges, item: Y.Item | null): void {
  if (!item) return
  const list = ranges.get(item.id.client) ?? []
  list.push([item.id.clock, item.id.clock + item.length])
  ranges.set(item.id.client, list)
}

function contains(ranges: IdRanges, id: { client: number; clock: number } | null): boolean {
  if (!id) return false
  return (ranges.get(id.client) ?? []).some(([start, end]) => id.clock >= start && id.clock < end)
}

function overlaps(ranges: IdRanges, client: number, clock: number, len: number): boolean {
  return (ranges.get(client) ?? []).some(([start, end]) => clock < end && clock + len > start)
}

/**
 * Everything a participant may not touch: zones and the board meta (facilitators' layout), and
 * the objects a facilitator locked. For a record: the map's own item, its current field items, and
 * every character of a text inside it. Reactions on a locked note stay allowed.
 */
function protectedItems(
  content: Y.Doc,
  locked: ReadonlySet<string>,
): { items: IdRanges; containers: IdRanges } {
  const items: IdRanges = new Map()
  const containers: IdRanges = new Map()
  const protectRecord = (record: Y.Map<unknown>) => {
    addItem(items, record._item)
    addItem(containers, record._item)
    for (const [key, field] of record._map) {
      if (key === 'reactions') continue
      addItem(items, field)
      const value = field.content.getContent()[0]
      if (value instanceof Y.Text) {
        addItem(containers, value._item)
        for (let char = value._start; char !== null; char = char.right) addItem(items, char)
      }
    }
  }
  zonesRoot(content).forEach((zone) => {
    if (zone instanceof Y.Map) protectRecord(zone)
  })
  for (const field of metaRoot(content)._map.values()) addItem(items, field)
  for (const id of locked) {
    const record = notesRoot(content).get(id) ?? zonesRoot(content).get(id)
    if (record instanceof Y.Map) protectRecord(record)
  }
  return { items, containers }
}

/**
 * Why a participant's update to the content document must be refused, or null when it is fine.
 * Checked on the decoded update, before it is stored: a refused update never reaches anyone.
 */
export function participantWriteRefusal(
  decoded: DecodedUpdate,
  content: Y.Doc,
  control: Y.Doc,
  serverNow: number,
): string | null {
  if (isInputClosed(control, serverNow)) return 'input is closed'
  const { items, containers } = protectedItems(content, lockedIds(control))
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    // Decoded (not yet integrated) items name a root type by its string key.
    const parent = struct.parent as unknown
    if (parent === 'zones' || parent === 'meta') return 'zones and the board title are for facilitators'
    const inside = struct.parent instanceof Y.ID && contains(containers, struct.parent)
    if (inside && struct.parentSub === 'reactions') continue
    if (inside || contains(items, struct.origin) || contains(items, struct.rightOrigin)) {
      return 'this object is locked'
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions)
      if (overlaps(items, client, clock, len)) return 'this object is locked'
  }
  return null
}
