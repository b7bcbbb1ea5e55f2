import * as Y from 'yjs'
import { notesRoot } from '../../../shared/src/model/schema'

/**
 * Limits per board (issue 16, F2). Every write path checks them: a socket's update before it is
 * stored (`updateLimitRefusal`), a server action (`RoomManager.change`) and an imported backup
 * (`docLimitRefusal`, in the heavy-work pool). Defaults come from config.ts (BOARD_MAX_* variables).
 */
export interface BoardLimits {
  /** Stored bytes per room (snapshot plus log); the content room of a 20,000-note board is ~20 MB. */
  maxRoomBytes: number
  /** Notes per board (the content room's `notes` map, and a drafts room's). */
  maxNotes: number
  /** Characters per text (a note's Y.Text, or any string value). */
  maxTextLength: number
  /** Depth of nested Yjs types and of JSON values inside them. */
  maxDepth: number
}

/** A server action refused by a limit; `status` makes the HTTP error handler answer 413. */
export class BoardLimitError extends Error {
  readonly status = 413
}

/** The root types the schema names (shared/src/model/schema.ts); anything else is refused. */
export const KNOWN_ROOTS: ReadonlySet<string> = new Set([
  'notes',
  'zones',
  'shapes',
  'clusters',
  'meta',
  'session',
  'ballots',
  'voteInfo',
  'trash',
])

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are invariant in their event type
type AnyType = Y.AbstractType<any>
type Parent = AnyType | string | null

/** Depth of a JSON value (objects and arrays), walked without recursion. */
function jsonDepth(value: unknown, stopAbove: number): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number]
    if (item === null || typeof item !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > stopAbove) return deepest
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

function typeDepth(type: AnyType): number {
  let depth = 1
  for (let item = type._item; item; item = (item.parent as AnyType)._item) depth++
  return depth
}

/** Why the values an item brings are too long or too deep, or null. */
function contentRefusal(item: Y.Item, limits: BoardLimits): string | null {
  const content = item.content
  const values: unknown[] =
    content instanceof Y.ContentAny || content instanceof Y.ContentJSON
      ? (content as { arr: unknown[] }).arr
      : content instanceof Y.ContentEmbed
        ? [(content as { embed: unknown }).embed]
        : []
  for (const value of values) {
    if (typeof value === 'string' && value.length > limits.maxTextLength) return 'text too long'
    if (jsonDepth(value, limits.maxDepth) > limits.maxDepth) return 'value nested too deeply'
  }
  if (content instanceof Y.ContentString && content.str.length > limits.maxTextLength) return 'text too long'
  return null
}

/**
 * Why storing this update would cross a board limit, or null. Looks only at what the update brings
 * (new items, their parents in the document or in the update itself), so it costs the update's size,
 * not the board's. Yjs positions an item by its neighbours when its parent is not written out.
 */
export function updateLimitRefusal(
  decoded: DecodedUpdate,
  doc: Y.Doc,
  storedBytes: number,
  updateBytes: number,
  limits: BoardLimits,
): string | null {
  if (storedBytes + updateBytes > limits.maxRoomBytes) return 'board is full'
  const brought = new Map<string, Y.Item>()
  for (const struct of decoded.structs)
    if (struct instanceof Y.Item) brought.set(`${struct.id.client}:${struct.id.clock}`, struct)
  const depthOf = new Map<Y.Item, number>()
  const existing = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null
    const found = Y.getItem(doc.store, id)
    return found instanceof Y.Item ? found : null
  }
  /** The item's parent: a type in the document, a root name, or an item of this update. */
  const parentOf = (item: Y.Item): Parent | Y.Item => {
    for (let guard = 0, current: Y.Item | null = item; current && guard < brought.size + 1; guard++) {
      const parent = current.parent as unknown
      if (typeof parent === 'string') return parent
      if (parent instanceof Y.ID) {
        const known = existing(parent)
        if (known) return (known.content as Y.ContentType).type
        return brought.get(`${parent.client}:${parent.clock}`) ?? null
      }
      if (parent instanceof Y.AbstractType) return parent
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin
      if (!neighbour) return null
      const known = existing(neighbour)
      if (known) return known.parent as AnyType
      current = brought.get(`${neighbour.client}:${neighbour.clock}`) ?? null
    }
    return null
  }
  const insertedText = new Map<Y.Text, number>()
  let newNotes = 0
  for (const item of brought.values()) {
    const refusal = contentRefusal(item, limits)
    if (refusal) return refusal
    const parent = parentOf(item)
    if (typeof parent === 'string' && !KNOWN_ROOTS.has(parent)) return `unknown root type "${parent}"`
    if (parent instanceof Y.AbstractType) {
      if (item.content instanceof Y.ContentString && parent instanceof Y.Text) {
        insertedText.set(parent, (insertedText.get(parent) ?? 0) + item.content.getLength())
      }
      if (parent === notesRoot(doc) && item.parentSub !== null) {
        const current = parent._map.get(item.parentSub)
        if (!current || current.deleted) newNotes++
      }
    }
    if (item.content instanceof Y.ContentType) {
      const parentDepth =
        parent instanceof Y.AbstractType
          ? typeDepth(parent)
          : parent instanceof Y.Item
            ? (depthOf.get(parent) ?? 1)
            : 0
      depthOf.set(item, parentDepth + 1)
      if (parentDepth + 1 > limits.maxDepth) return 'objects nested too deeply'
    }
  }
  for (const [text, inserted] of insertedText) {
    // An upper bound: text the same update deletes still counts, so a client replaces a long
    // text in two steps at worst. Honest clients type in small updates.
    if (text.length + inserted > limits.maxTextLength) return 'text too long'
  }
  if (newNotes > 0 && notesRoot(doc).size + newNotes > limits.maxNotes) return 'too many notes'
  return null
}

/** Why a whole document (an imported backup) crosses a limit, or null. Walks without recursion. */
export function docLimitRefusal(doc: Y.Doc, encodedBytes: number, limits: BoardLimits): string | null {
  if (encodedBytes > limits.maxRoomBytes) return 'board is too large'
  for (const name of doc.share.keys()) if (!KNOWN_ROOTS.has(name)) return `unknown root type "${name}"`
  if (notesRoot(doc).size > limits.maxNotes) return 'too many notes'
  const stack: Array<[AnyType, number]> = [...doc.share.values()].map((type) => [type, 1])
  while (stack.length > 0) {
    const [type, depth] = stack.pop() as [AnyType, number]
    if (depth > limits.maxDepth) return 'objects nested too deeply'
    if (type instanceof Y.Text && type.length > limits.maxTextLength) return 'text too long'
    const children: unknown[] =
      type instanceof Y.Map ? [...type.values()] : type instanceof Y.Array ? type.toArray() : []
    for (const child of children) {
      if (child instanceof Y.AbstractType) stack.push([child, depth + 1])
      else if (typeof child === 'string' && child.length > limits.maxTextLength) return 'text too long'
      else if (jsonDepth(child, limits.maxDepth) > limits.maxDepth) return 'value nested too deeply'
    }
  }
  return null
}
