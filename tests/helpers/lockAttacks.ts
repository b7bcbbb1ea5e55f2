import fc from 'fast-check'
import * as Y from 'yjs'
import { setLocked } from '../../shared/src/model/facilitation'
import { createNote } from '../../shared/src/model/notes'
import { addReaction } from '../../shared/src/model/reactions'
import { metaRoot, notesRoot, zonesRoot } from '../../shared/src/model/schema'
import { createZone } from '../../shared/src/model/zones'

/**
 * Generated updates against a board's protections (issue 16, F4), for the write policy's property
 * test (tests/property/lockEffects.test.ts) and the same attacks through the real server
 * (tests/integration/lockVariants.test.ts). The board: a locked zone `z` with Anna's note in it,
 * an open zone, Anna's locked note (restored once from the Prullenbak, so its key has an older
 * value), Anna's own note and Bram's note. Anna, a participant, is the writer.
 */

export const ANNA = { participantId: 'anna', name: 'Anna' }
const BRAM = 'bram'
/** One character, so that even a ContentString value can name it. */
export const LOCKED_ZONE = 'z'
export const OPEN_ZONE = 'open-zone'
export const NOTES = {
  locked: 'locked-note',
  inZone: 'note-in-locked-zone',
  own: 'own-note',
  others: 'bram-note',
}
export const FACILITATOR_CLIENT = 500

export interface Board {
  content: Y.Doc
  control: Y.Doc
  /** The board before the locked note was restored from the Prullenbak (a new value, same key). */
  older: Y.Doc
}

function note(doc: Y.Doc, id: string, authorId: string, zoneId: string, text: string): void {
  createNote(doc, { id, x: 40, y: 40, authorId, authorName: authorId, zoneId, text })
}

/**
 * Writes the board into `content` (as a facilitator would) and the locks into `control`; returns
 * a copy of the board from before the locked note was restored. `annaId`: the writer's id.
 */
export function buildBoard(content: Y.Doc, control: Y.Doc, annaId: string): Y.Doc {
  createZone(content, { id: LOCKED_ZONE, title: 'Dicht', x: 0, y: 0, width: 1000, height: 800 })
  createZone(content, { id: OPEN_ZONE, title: 'Open', x: 1200, y: 0, width: 1000, height: 800 })
  note(content, NOTES.locked, annaId, OPEN_ZONE, 'Vastgezet')
  const older = new Y.Doc()
  Y.applyUpdate(older, Y.encodeStateAsUpdate(content))
  note(content, NOTES.locked, annaId, OPEN_ZONE, 'Teruggezet')
  note(content, NOTES.inZone, annaId, LOCKED_ZONE, 'In de dichte zone')
  note(content, NOTES.own, annaId, OPEN_ZONE, 'Van Anna')
  note(content, NOTES.others, BRAM, OPEN_ZONE, 'Van Bram')
  setLocked(control, NOTES.locked, true)
  setLocked(control, LOCKED_ZONE, true)
  return older
}

export function makeBoard(): Board {
  const content = new Y.Doc()
  content.clientID = FACILITATOR_CLIENT
  const control = new Y.Doc()
  const older = buildBoard(content, control, ANNA.participantId)
  return { content, control, older }
}

const OPEN_FIELDS = new Set(['x', 'y', 'zoneId', 'z', 'clusterId'])
const AUTHOR_FIELDS = ['authorId', 'authorName', 'enteredBy']

function without(record: unknown, keys: ReadonlySet<string>): unknown {
  if (typeof record !== 'object' || record === null) return record
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.has(key)))
}

/** What must not change, as a client reads it (Y.Map#toJSON, whatever the encoding). */
export function protectedState(doc: Y.Doc): string {
  const notes = notesRoot(doc).toJSON() as Record<string, Record<string, unknown> | null>
  const noReactions = new Set(['reactions'])
  const own = notes[NOTES.own]
  return JSON.stringify({
    zones: zonesRoot(doc).toJSON(),
    meta: metaRoot(doc).toJSON(),
    locked: without(notes[NOTES.locked], noReactions),
    inLockedZone: Object.entries(notes)
      .filter(([id, value]) => id === NOTES.inZone || value?.zoneId === LOCKED_ZONE)
      .map(([id, value]) => [id, without(value, noReactions)]),
    others: without(notes[NOTES.others], new Set([...noReactions, ...OPEN_FIELDS])),
    // Anna may delete her own note, but not give it another author.
    ownAuthor: own ? AUTHOR_FIELDS.map((key) => own[key]) : 'deleted',
  })
}

/** The state after `update`, applied without any check. */
export function protectedStateAfter(content: Y.Doc, update: Uint8Array): string {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(content))
  Y.applyUpdate(copy, update)
  return protectedState(copy)
}

/** Every way a map value can be encoded; each changes only new single values. */
export const ENCODINGS = ['any', 'json', 'string', 'binary', 'deleted', 'embed', 'two-values'] as const
export type Encoding = (typeof ENCODINGS)[number]

export function recoder(encoding: Encoding): (item: Y.Item) => Y.Item['content'] | null {
  return (item) => {
    if (!(item.content instanceof Y.ContentAny) || item.length !== 1) return null
    const value = item.content.getContent()[0]
    switch (encoding) {
      case 'any':
        return null
      case 'json':
        return new Y.ContentJSON([value])
      case 'string':
        return new Y.ContentString(String(value).slice(-1) || '?')
      case 'binary':
        return new Y.ContentBinary(new Uint8Array([1, 2, 3]))
      case 'deleted':
        return new Y.ContentDeleted(1)
      case 'embed':
        return new Y.ContentEmbed({ value })
      case 'two-values':
        return new Y.ContentAny(['afleiding', value])
    }
  }
}

type Target = keyof typeof NOTES
const forgedValues = {
  map: () => {
    const map = new Y.Map<unknown>()
    map.set('text', new Y.Text('Gekaapt'))
    map.set('authorId', ANNA.participantId)
    map.set('zoneId', LOCKED_ZONE)
    return map
  },
  text: () => new Y.Text('Gekaapt'),
  array: () => Y.Array.from(['Gekaapt']),
  null: () => null,
  string: () => LOCKED_ZONE,
  number: () => 7,
}

const record = (doc: Y.Doc, id: string) => notesRoot(doc).get(id)

/** One attack: what it does, to which record, and with which value. */
export const attack = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    target: fc.constantFrom<Target>('locked', 'inZone', 'others'),
    value: fc.constantFrom(...(Object.keys(forgedValues) as (keyof typeof forgedValues)[])),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    target: fc.constantFrom<Target>('locked', 'inZone', 'others'),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    target: fc.constantFrom<Target>('locked', 'inZone', 'others', 'own'),
    field: fc.constantFrom('text', 'color', 'width', 'authorId', 'authorName', 'enteredBy', 'zoneId'),
    value: fc.constantFrom<unknown>(LOCKED_ZONE, OPEN_ZONE, 'bram', 'rood', 999, null),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    target: fc.constantFrom<Target>('locked', 'inZone', 'others'),
    insert: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('into-locked-zone' as const), fresh: fc.boolean() }),
  fc.record({
    kind: fc.constant('layout' as const),
    what: fc.constantFrom('zone-title', 'zone-delete', 'meta'),
  }),
)
type Attack = typeof attack extends fc.Arbitrary<infer T> ? T : never

export function applyAttack(doc: Y.Doc, step: Attack): void {
  const notes = notesRoot(doc)
  switch (step.kind) {
    case 'replace':
      notes.set(NOTES[step.target], forgedValues[step.value]() as Y.Map<unknown>)
      return
    case 'delete':
      notes.delete(NOTES[step.target])
      return
    case 'field': {
      const existing = record(doc, NOTES[step.target])
      // Not seen (a blind attacker): a whole new record carrying the field.
      const target = existing instanceof Y.Map ? existing : new Y.Map<unknown>()
      target.set(step.field, step.value)
      if (!existing) notes.set(NOTES[step.target], target)
      return
    }
    case 'text': {
      const text = (record(doc, NOTES[step.target]) as Y.Map<unknown> | undefined)?.get('text')
      if (!(text instanceof Y.Text)) return
      if (step.insert) text.insert(0, 'Gekaapt: ')
      else text.delete(0, Math.min(3, text.length))
      return
    }
    case 'into-locked-zone': {
      const own = record(doc, NOTES.own)
      if (!step.fresh && own instanceof Y.Map) own.set('zoneId', LOCKED_ZONE)
      else
        createNote(doc, { x: 1, y: 1, authorId: ANNA.participantId, authorName: 'Anna', zoneId: LOCKED_ZONE })
      return
    }
    case 'layout': {
      const zone = zonesRoot(doc).get(LOCKED_ZONE)
      if (step.what === 'zone-title' && zone instanceof Y.Map) zone.set('title', 'Gekaapt')
      if (step.what === 'zone-delete') zonesRoot(doc).delete(LOCKED_ZONE)
      if (step.what === 'meta') metaRoot(doc).set('title', 'Gekaapt')
    }
  }
}

/** Honest edits, as the app makes them (encoded in any of the value kinds that read the same). */
export const honest = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.nat(8),
    text: fc.string({ minLength: 1, maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('move-own' as const), x: fc.integer({ min: 1200, max: 2000 }) }),
  fc.record({ kind: fc.constant('move-others' as const), x: fc.integer({ min: 1200, max: 2000 }) }),
  fc.record({ kind: fc.constant('react-locked' as const) }),
  fc.record({ kind: fc.constant('new-note' as const) }),
)
type Honest = typeof honest extends fc.Arbitrary<infer T> ? T : never

export function applyHonest(doc: Y.Doc, step: Honest): void {
  const own = record(doc, NOTES.own)
  switch (step.kind) {
    case 'type': {
      const text = own instanceof Y.Map ? own.get('text') : null
      if (text instanceof Y.Text) text.insert(Math.min(step.at, text.length), step.text)
      return
    }
    case 'move-own':
      if (own instanceof Y.Map) own.set('x', step.x)
      return
    case 'move-others':
      ;(record(doc, NOTES.others) as Y.Map<unknown>).set('x', step.x)
      return
    case 'react-locked':
      addReaction(doc, NOTES.locked, '👍', ANNA.participantId)
      return
    case 'new-note':
      createNote(doc, {
        x: 1300,
        y: 100,
        authorId: ANNA.participantId,
        authorName: 'Anna',
        zoneId: OPEN_ZONE,
      })
  }
}

export const clientId = fc.oneof(
  fc.integer({ min: 1, max: FACILITATOR_CLIENT - 1 }),
  fc.integer({ min: FACILITATOR_CLIENT + 1, max: 2 ** 32 - 1 }),
)
