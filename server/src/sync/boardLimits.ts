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

/** An update's items, found by any id they cover (an origin may point into a merged string). */
function itemIndex(decoded: DecodedUpdate): (id: Y.ID) => Y.Item | null {
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = byClient.get(struct.id.client) ?? []
    list.push(struct)
    byClient.set(struct.id.client, list)
  }
  return (id) => {
    const list = byClient.get(id.client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const item = list[middle] as Y.Item
      if (id.clock < item.id.clock) high = middle - 1
      else if (id.clock >= item.id.clock + item.length) low = middle + 1
      else return item
    }
    return null
  }
}

/**
 * Why storing this update would cross a board limit, or null. Looks only at what the update brings
 * (new items, their parents in the document or in the update itself), so it costs the update's size,
 * not the board's. Yjs leaves out an item's parent when a neighbour (origin) implies it.
 */
export function updateLimitRefusal(
  decoded: DecodedUpdate,
  doc: Y.Doc,
  storedBytes: number,
  updateBytes: number,
  limits: BoardLimits,
): string | null {
  if (storedBytes + updateBytes > limits.maxRoomBytes) return 'board is full'
  const brought = itemIndex(decoded)
  const items = decoded.structs.filter((struct): struct is Y.Item => struct instanceof Y.Item)
  const existing = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null
    const found = Y.getItem(doc.store, id)
    return found instanceof Y.Item ? found : null
  }
  // The item's parent: a type in the document, a root's name, or an item of this update (whose
  // content is the parent type). Memoised along neighbour chains, so a long run stays linear.
  const parents = new Map<Y.Item, Parent | Y.Item>()
  const parentOf = (item: Y.Item): Parent | Y.Item => {
    const chain: Y.Item[] = []
    let result: Parent | Y.Item = null
    for (let current: Y.Item | null = item; current; ) {
      const known = parents.get(current)
      if (known !== undefined) {
        result = known
        break
      }
      chain.push(current)
      if (chain.length > items.length) break
      const parent = current.parent as unknown
      if (typeof parent === 'string' || parent instanceof Y.AbstractType) {
        result = parent as Parent
        break
      }
      if (parent instanceof Y.ID) {
        const inDoc = existing(parent)
        result = inDoc ? (inDoc.content as Y.ContentType).type : brought(parent)
        break
      }
      const neighbour: Y.ID | null = current.origin ?? current.rightOrigin
      const inDoc = neighbour ? existing(neighbour) : null
      if (inDoc) {
        result = inDoc.parent as AnyType
        break
      }
      current = neighbour ? brought(neighbour) : null
    }
    for (const visited of chain) parents.set(visited, result)
    return result
  }
  // Depth of the type an item of this update creates, memoised the same way.
  const depths = new Map<Y.Item, number>()
  const depthOf = (item: Y.Item): number => {
    const chain: Y.Item[] = []
    let depth = 0
    for (let current: Y.Item | null = item; current; ) {
      const known = depths.get(current)
      if (known !== undefined) {
        depth = known
        break
      }
      chain.push(current)
      if (chain.length > items.length) return Number.POSITIVE_INFINITY
      const parent = parentOf(current)
      if (parent instanceof Y.Item) current = parent
      else {
        depth = parent instanceof Y.AbstractType ? typeDepth(parent) : typeof parent === 'string' ? 1 : 0
        break
      }
    }
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i] as Y.Item, ++depth)
    return depths.get(item) ?? depth
  }
  const insertedText = new Map<Y.Text | Y.Item, number>()
  let newNotes = 0
  for (const item of items) {
    const refusal = contentRefusal(item, limits)
    if (refusal) return refusal
    const found = parentOf(item)
    if (typeof found === 'string' && !KNOWN_ROOTS.has(found)) return `unknown root type "${found}"`
    // A root's name: the type itself (the notes map is made if this document never had one).
    const parent =
      typeof found === 'string'
        ? found === 'notes'
          ? notesRoot(doc)
          : (doc.share.get(found) ?? null)
        : found
    const inText =
      parent instanceof Y.Text ||
      (parent instanceof Y.Item && (parent.content as Partial<Y.ContentType>).type instanceof Y.Text)
    if (item.content instanceof Y.ContentString && parent && inText)
      insertedText.set(
        parent as Y.Text | Y.Item,
        (insertedText.get(parent as Y.Text | Y.Item) ?? 0) + item.length,
      )
    if (parent === notesRoot(doc) && item.parentSub !== null) {
      const current = (parent as AnyType)._map.get(item.parentSub)
      if (!current || current.deleted) newNotes++
    }
    if (item.content instanceof Y.ContentType && depthOf(item) > limits.maxDepth)
      return 'objects nested too deeply'
  }
  for (const [text, inserted] of insertedText) {
    // An upper bound: text the same update deletes still counts, so a client replaces a long
    // text in two steps at worst. Honest clients type in small updates.
    const length = text instanceof Y.Text ? text.length : 0
    if (length + inserted > limits.maxTextLength) return 'text too long'
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
