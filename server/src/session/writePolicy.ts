import * as Y from 'yjs'
import { isInputClosed, lockedIds } from '../../../shared/src/model/facilitation'
import {
  AUTHOR_NOTE_FIELDS,
  MOVABLE_NOTE_FIELDS,
  readNotesOpen,
} from '../../../shared/src/model/notePermissions'
import { metaRoot, notesRoot, type RecordMap, shapesRoot, zonesRoot } from '../../../shared/src/model/schema'
import type { DecodedUpdate } from '../sync/updateChecks'

const FACILITATORS_LAYOUT = 'zones and the board title are for facilitators'
const FACILITATORS_SHAPES = 'shapes, labels and arrows are for facilitators'
const LOCKED = 'this object is locked'
const LOCKED_ZONE = 'this zone is locked'
const OTHERS_NOTE = "this is someone else's note"
const AUTHOR = 'a note carries the name of the person who wrote it'
const REACTIONS_OPEN: ReadonlySet<string> = new Set(['reactions'])
/** Another's note: reactions, and moving and grouping it, stay open. */
const OTHERS_OPEN: ReadonlySet<string> = new Set([...REACTIONS_OPEN, ...MOVABLE_NOTE_FIELDS])

/** Who sends the update: a new note must carry this person's id and name. */
export interface Writer {
  participantId: string
  name: string
}

/** Item ids per client as [start, end) ranges, each with why it may not be touched. */
type IdRanges = Map<number, { start: number; end: number; reason: string }[]>

function addItem(ranges: IdRanges, item: Y.Item | null, reason: string): void {
  if (!item) return
  const list = ranges.get(item.id.client) ?? []
  list.push({ start: item.id.clock, end: item.id.clock + item.length, reason })
  ranges.set(item.id.client, list)
}

/**
 * Sorted, the ranges can be searched: a reconnecting client's sync step 2 carries its whole
 * delete set, and a locked zone can hold hundreds of notes, so a scan per range would multiply.
 * Items never overlap, so sorted by start the ends are sorted too.
 */
function sortRanges(ranges: IdRanges): IdRanges {
  for (const list of ranges.values()) list.sort((a, b) => a.start - b.start)
  return ranges
}

/** Index of the first (sorted) range that ends after `clock`. */
function firstEndingAfter(list: { end: number }[], clock: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((list[middle]?.end ?? 0) <= clock) low = middle + 1
    else high = middle
  }
  return low
}

function find(ranges: IdRanges, id: { client: number; clock: number } | null): string | null {
  if (!id) return null
  const list = ranges.get(id.client) ?? []
  const hit = list[firstEndingAfter(list, id.clock)]
  return hit && hit.start <= id.clock ? hit.reason : null
}

/** Why deleting [clock, clock + len) of `client` is refused: a protected item not deletable. */
function deletionRefusal(into: Protected, client: number, clock: number, len: number): string | null {
  const list = into.items.get(client) ?? []
  for (let i = firstEndingAfter(list, clock); i < list.length; i++) {
    const range = list[i]
    if (!range || range.start >= clock + len) break
    if (find(into.deletable, { client, clock: range.start }) === null) return range.reason
  }
  return null
}

function deletes(ds: DecodedUpdate['ds'], id: Y.ID): boolean {
  return (ds.clients.get(id.client) ?? []).some(
    ({ clock, len }) => id.clock >= clock && id.clock < clock + len,
  )
}

interface Protected {
  /** May not be referenced (as origin or right origin) or deleted. */
  items: IdRanges
  /** May not receive new children (fields, characters). */
  containers: IdRanges
  /** Protected items that this very update may delete anyway (arrows of a deleted note). */
  deletable: IdRanges
}

/**
 * A record's own item, its current field items, and every character of a text inside it.
 * Reactions stay open (people may react to a locked note), and the `open` fields of another's note.
 */
function protectRecord(
  record: Y.Map<unknown>,
  into: Protected,
  reason: string,
  open: ReadonlySet<string> = REACTIONS_OPEN,
): void {
  addItem(into.items, record._item, reason)
  addItem(into.containers, record._item, reason)
  for (const [key, field] of record._map) {
    if (open.has(key)) continue
    addItem(into.items, field, reason)
    const value = field.content.getContent()[0]
    if (value instanceof Y.Text) {
      addItem(into.containers, value._item, reason)
      for (let char = value._start; char !== null; char = char.right) addItem(into.items, char, reason)
    }
  }
}

/**
 * An arrow whose note this update deletes: the client removes a note's arrows with it (the
 * arrow is not drawn without both ends), so a participant deleting their own note may remove
 * the facilitator's arrow to it in the same update, and only then.
 */
function losesEnd(shape: Y.Map<unknown>, content: Y.Doc, decoded: DecodedUpdate): boolean {
  if (shape.get('kind') !== 'connector') return false
  return [shape.get('fromId'), shape.get('toId')].some((end) => {
    const note = typeof end === 'string' ? notesRoot(content).get(end) : undefined
    return note instanceof Y.Map && note._item !== null && deletes(decoded.ds, note._item.id)
  })
}

/**
 * Everything a participant may not touch: zones and the board meta (facilitators' layout),
 * shapes, labels and arrows (facilitators' annotations), the objects a facilitator locked, and
 * every note in a locked zone (the client treats a locked zone as locked with all that is in it).
 */
function protectedItems(
  content: Y.Doc,
  locked: ReadonlySet<string>,
  lockedZones: ReadonlySet<string>,
  decoded: DecodedUpdate,
  owner: { writer: Writer; notesOpen: boolean },
): Protected {
  const into: Protected = { items: new Map(), containers: new Map(), deletable: new Map() }
  zonesRoot(content).forEach((zone) => {
    if (zone instanceof Y.Map) protectRecord(zone, into, FACILITATORS_LAYOUT)
  })
  for (const field of metaRoot(content)._map.values()) addItem(into.items, field, FACILITATORS_LAYOUT)
  shapesRoot(content).forEach((shape) => {
    if (!(shape instanceof Y.Map)) return
    protectRecord(shape, into, FACILITATORS_SHAPES)
    if (losesEnd(shape, content, decoded)) {
      protectRecord(shape, { items: into.deletable, containers: new Map(), deletable: new Map() }, '')
    }
  })
  // Only with a locked zone: this walks every note, and participants send many small updates.
  if (lockedZones.size > 0) {
    notesRoot(content).forEach((note) => {
      const zoneId = note instanceof Y.Map ? note.get('zoneId') : null
      if (typeof zoneId === 'string' && lockedZones.has(zoneId)) protectRecord(note, into, LOCKED_ZONE)
    })
  }
  for (const id of locked) {
    const record = notesRoot(content).get(id)
    if (record instanceof Y.Map) protectRecord(record, into, LOCKED)
  }
  // After the locks: for an item protected twice, the first reason added is the one given.
  protectNotesOfOthers(content, into, owner, decoded)
  sortRanges(into.items)
  sortRanges(into.containers)
  sortRanges(into.deletable)
  return into
}

/** The item holding `id` in the stored document, or null when it is new (in this update) or unknown. */
function storedItem(content: Y.Doc, id: Y.ID | null): Y.Item | null {
  if (!id || id.clock >= Y.getState(content.store, id.client)) return null
  const struct = Y.getItem(content.store, id)
  return struct instanceof Y.Item ? struct : null
}

/**
 * The note an item would replace: a value for an existing key of the notes root. With an origin
 * Yjs names the old value's item (checked like any origin), but a hand-made item without one can
 * still win the key by its client id and delete the old note while integrating, without a deletion
 * in the update: so the key itself is checked.
 */
function replacedRecord(struct: Y.Item, notes: Y.Map<RecordMap>): Y.Map<unknown> | null {
  if ((struct.parent as unknown) !== 'notes' || typeof struct.parentSub !== 'string') return null
  const existing = notes.get(struct.parentSub)
  return existing instanceof Y.Map ? existing : null
}

/** The note record (a value of the notes root) that an item is part of, or null. */
function noteOf(notes: object, item: Y.Item | null): Y.Map<unknown> | null {
  let current = item
  while (current) {
    if (current.parent === notes) {
      return current.content instanceof Y.ContentType && current.content.type instanceof Y.Map
        ? current.content.type
        : null
    }
    const parent = current.parent
    current = parent instanceof Y.AbstractType ? parent._item : null
  }
  return null
}

/**
 * The stored notes an update refers to: through its new items' parents and neighbours and through
 * its deletions. Only these can be changed by it, so only these are protected (walking every note
 * took 14 ms per update with 500 notes).
 */
function touchedNotes(content: Y.Doc, decoded: DecodedUpdate): Set<Y.Map<unknown>> {
  const notes = notesRoot(content)
  const touched = new Set<Y.Map<unknown>>()
  const add = (item: Y.Item | null) => {
    const note = noteOf(notes, item)
    if (note) touched.add(note)
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    add(storedItem(content, struct.origin))
    add(storedItem(content, struct.rightOrigin))
    if (struct.parent instanceof Y.ID) add(storedItem(content, struct.parent))
    // A new value under an existing note's key: see replacedRecord.
    const replaced = replacedRecord(struct, notes)
    if (replaced) touched.add(replaced)
  }
  for (const [client, deletions] of decoded.ds.clients) {
    const structs = content.store.clients.get(client) ?? []
    for (const { clock, len } of deletions) {
      const state = Y.getState(content.store, client)
      if (clock >= state) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i]
        if (!struct || struct.id.clock >= clock + len) break
        if (struct instanceof Y.Item) add(struct)
      }
    }
  }
  return touched
}

/** Others' notes (by default) and every note's author fields, among the notes this update touches. */
function protectNotesOfOthers(
  content: Y.Doc,
  into: Protected,
  owner: { writer: Writer; notesOpen: boolean },
  decoded: DecodedUpdate,
): void {
  for (const note of touchedNotes(content, decoded)) {
    if (!note._item) continue
    if (!owner.notesOpen && note.get('authorId') !== owner.writer.participantId) {
      protectRecord(note, into, OTHERS_NOTE, OTHERS_OPEN)
      continue
    }
    // Deleting a note deletes its fields with it (Yjs puts them in the same delete set).
    if (deletes(decoded.ds, note._item.id)) continue
    for (const key of AUTHOR_NOTE_FIELDS) addItem(into.items, note._map.get(key) ?? null, AUTHOR)
  }
}

/**
 * `enteredBy` (a note a facilitator wrote for someone) is for facilitators only. A wrong authorId
 * or authorName on a new note is not refused but corrected after it is stored (noteAuthors.ts).
 */
function authorRefusal(struct: Y.Item): string | null {
  return struct.parentSub === 'enteredBy' ? AUTHOR : null
}

/** True when a new item's value is a locked zone's id: a note (or group) being put into it. */
function placesInto(struct: Y.Item, lockedZones: ReadonlySet<string>): boolean {
  if (lockedZones.size === 0 || !(struct.content instanceof Y.ContentAny)) return false
  return struct.content.getContent().some((value) => typeof value === 'string' && lockedZones.has(value))
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
  writer: Writer,
): string | null {
  if (isInputClosed(control, serverNow)) return 'input is closed'
  const locked = lockedIds(control)
  const lockedZones = new Set([...locked].filter((id) => zonesRoot(content).has(id)))
  const owner = { writer, notesOpen: readNotesOpen(control) }
  const protect = protectedItems(content, locked, lockedZones, decoded, owner)
  const { items, containers } = protect
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    // Decoded (not yet integrated) items name a root type by its string key.
    const parent = struct.parent as unknown
    if (parent === 'zones' || parent === 'meta') return FACILITATORS_LAYOUT
    if (parent === 'shapes') return FACILITATORS_SHAPES
    if (placesInto(struct, lockedZones)) return LOCKED_ZONE
    const replaced = replacedRecord(struct, notesRoot(content))
    const replacing = replaced?._item ? find(items, replaced._item.id) : null
    if (replacing !== null) return replacing
    const author = authorRefusal(struct)
    if (author !== null) return author
    const container = struct.parent instanceof Y.ID ? find(containers, struct.parent) : null
    if (container !== null && struct.parentSub === 'reactions') continue
    // A field of another's note written for the first time (a first group): moving stays open.
    if (container === OTHERS_NOTE && OTHERS_OPEN.has(struct.parentSub ?? '')) continue
    const refusal = container ?? find(items, struct.origin) ?? find(items, struct.rightOrigin)
    if (refusal !== null) return refusal
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) {
      const refusal = deletionRefusal(protect, client, clock, len)
      if (refusal !== null) return refusal
    }
  }
  return null
}

/**
 * Why a participant's write to their own drafts room must be refused: when input is closed
 * (time up in a round that locks input, or locked by a facilitator), drafts close too, so a
 * draft written after the bell never reaches the reveal.
 */
export function participantDraftRefusal(control: Y.Doc, serverNow: number): string | null {
  return isInputClosed(control, serverNow) ? 'input is closed' : null
}
