import * as Y from 'yjs'

/**
 * What a record (a value of a root map: a note, zone, shape, …) looks like to anyone who reads it,
 * before and after one transaction. The write policy compares these views instead of reading the
 * update's encoding: whichever content kind (ContentAny, ContentJSON, ContentString, ContentType,
 * ContentDeleted, …), client id or replace/delete form an update uses, what it changes shows up
 * here, because this reads the document the way the Yjs API (and so every client) reads it.
 */

/** Any Yjs shared type (maps, texts, arrays, untyped roots). */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type
export type AnyType = Y.AbstractType<any>

/** Which items count as present: now (not deleted), or as they were before a transaction. */
export type Visible = (item: Y.Item) => boolean

export const visibleNow: Visible = (item) => !item.deleted

/** Present before `transaction`: existed already, and not deleted or deleted by this transaction. */
export function visibleBefore(transaction: Y.Transaction): Visible {
  return (item) =>
    item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0) &&
    (!item.deleted || Y.isDeleted(transaction.deleteSet, item.id))
}

/** A Yjs type as plain data: its identity (a replaced record is another record), fields and sequence. */
export interface TypeView {
  id: string | null
  kind: string
  fields: Map<string, unknown>
  sequence: unknown[]
}

/** The item that holds `key` of a map: the newest visible one (older ones sit to its left). */
function entry(type: AnyType, key: string, visible: Visible): Y.Item | null {
  for (let item = type._map.get(key) ?? null; item !== null; item = item.left) {
    if (visible(item)) return item
  }
  return null
}

/** The value a map key reads as: the last element of the item's content (Y.Map.get does the same). */
function itemValue(item: Y.Item, visible: Visible): unknown {
  const content = item.content.getContent()
  return viewOf(content[content.length - 1], visible)
}

export function viewOf(value: unknown, visible: Visible): unknown {
  if (value instanceof Y.AbstractType) return typeView(value, visible)
  if (value instanceof Y.Doc) return { subdocument: value.guid }
  if (value instanceof Uint8Array) return { binary: Buffer.from(value).toString('base64') }
  return value
}

function typeView(type: AnyType, visible: Visible): TypeView {
  const fields = new Map<string, unknown>()
  for (const key of type._map.keys()) {
    const item = entry(type, key, visible)
    if (item) fields.set(key, itemValue(item, visible))
  }
  const sequence: unknown[] = []
  for (let item = type._start; item !== null; item = item.right) {
    if (!visible(item)) continue
    const content = item.content
    const last = sequence[sequence.length - 1]
    // Joined, so a text reads the same however its characters are split over items.
    if (content instanceof Y.ContentString) {
      if (typeof last === 'string') sequence[sequence.length - 1] = last + content.str
      else sequence.push(content.str)
    } else if (content instanceof Y.ContentFormat) {
      sequence.push({ format: content.key, value: content.value })
    } else if (item.countable) {
      for (const value of content.getContent()) sequence.push(viewOf(value, visible))
    }
  }
  const id = type._item ? `${type._item.id.client}:${type._item.id.clock}` : null
  return { id, kind: type.constructor.name, fields, sequence }
}

/** The record under `key` of a root map as `visible` sees it; undefined when there is none. */
export function recordView(root: AnyType, key: string, visible: Visible): unknown {
  const item = entry(root, key, visible)
  return item ? itemValue(item, visible) : undefined
}

/** A field of a record view (undefined when the record is absent or not a map). */
export function fieldOf(view: unknown, key: string): unknown {
  return isTypeView(view) ? view.fields.get(key) : undefined
}

export function isTypeView(view: unknown): view is TypeView {
  return typeof view === 'object' && view !== null && 'fields' in view && view.fields instanceof Map
}

/**
 * The records a transaction changed, per root name: every changed type is traced up to the value
 * of a root map it lies in. Items outside any map key (a root's or record's sequence part, which
 * Y.Map never reads) change nothing anyone sees, and so are not listed.
 */
export function changedRecords(transaction: Y.Transaction): Map<string, Set<string>> {
  const rootNames = new Map<AnyType, string>()
  for (const [name, type] of transaction.doc.share) rootNames.set(type, name)
  const changed = new Map<string, Set<string>>()
  const add = (root: AnyType, key: string | null) => {
    const name = rootNames.get(root)
    if (name === undefined || key === null) return
    const keys = changed.get(name) ?? new Set<string>()
    keys.add(key)
    changed.set(name, keys)
  }
  for (const [type, keys] of transaction.changed) {
    if (type._item === null) {
      for (const key of keys) add(type, key)
      continue
    }
    // Up to the item that is a value of a root: its key names the record.
    let item: Y.Item = type._item
    while (item.parent instanceof Y.AbstractType && item.parent._item !== null) item = item.parent._item
    if (item.parent instanceof Y.AbstractType) add(item.parent, item.parentSub)
  }
  return changed
}
