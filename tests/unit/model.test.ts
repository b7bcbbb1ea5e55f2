import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createNote,
  createZone,
  deleteNote,
  getNoteText,
  initBoardMeta,
  listNotes,
  listZones,
  NOTE_MAX_TEXT_LENGTH,
  notesRoot,
  readBoardMeta,
  setNoteText,
  updateNote,
  zoneAtPoint,
} from '../../shared/src/model'

const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

describe('board model accessors', () => {
  it('creates, reads, updates and deletes notes', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, { x: 1, y: 2, authorId: 'p1', authorName: 'Fatima', text: 'Samen koken' })
    expect(listNotes(doc)).toEqual([
      expect.objectContaining({
        id,
        text: 'Samen koken',
        x: 1,
        y: 2,
        color: 'yellow',
        zoneId: null,
        authorName: 'Fatima',
      }),
    ])
    updateNote(doc, id, { x: 50, color: 'blue', zoneId: 'z1' })
    setNoteText(doc, id, 'Samen koken in de buurtkamer')
    expect(listNotes(doc)[0]).toMatchObject({
      x: 50,
      y: 2,
      color: 'blue',
      zoneId: 'z1',
      text: 'Samen koken in de buurtkamer',
    })
    deleteNote(doc, id)
    expect(listNotes(doc)).toEqual([])
  })

  it('caps note text length', () => {
    const doc = new Y.Doc()
    const id = createNote(doc, {
      x: 0,
      y: 0,
      authorId: 'a',
      authorName: 'A',
      text: 'x'.repeat(NOTE_MAX_TEXT_LENGTH + 10),
    })
    expect(listNotes(doc)[0]?.text).toHaveLength(NOTE_MAX_TEXT_LENGTH)
    setNoteText(doc, id, 'y'.repeat(NOTE_MAX_TEXT_LENGTH * 2))
    expect(listNotes(doc)[0]?.text).toHaveLength(NOTE_MAX_TEXT_LENGTH)
  })

  it('merges two people typing in the same note', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = createNote(a, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: 'koffie' })
    sync(a, b)
    getNoteText(a, id)?.insert(0, 'gratis ')
    getNoteText(b, id)?.insert(6, ' en thee')
    sync(a, b)
    sync(b, a)
    expect(listNotes(a)[0]?.text).toBe('gratis koffie en thee')
    expect(listNotes(b)[0]?.text).toBe('gratis koffie en thee')
  })

  it('tolerates junk written by a foreign client', () => {
    const doc = new Y.Doc()
    const junk = new Y.Map<unknown>()
    notesRoot(doc).set('weird', junk)
    junk.set('x', 'not a number')
    junk.set('color', 'ultraviolet')
    expect(listNotes(doc)[0]).toMatchObject({ id: 'weird', x: 0, color: 'yellow', text: '', zoneId: null })
  })

  it('finds the smallest zone under a point and keeps zones in order', () => {
    const doc = new Y.Doc()
    createZone(doc, { id: 'big', title: 'Groot', x: 0, y: 0, width: 1000, height: 1000 })
    createZone(doc, { id: 'small', title: 'Klein', x: 100, y: 100, width: 200, height: 200 })
    const zones = listZones(doc)
    expect(zones.map((z) => z.id)).toEqual(['big', 'small'])
    expect(zoneAtPoint(zones, 150, 150)?.id).toBe('small')
    expect(zoneAtPoint(zones, 900, 900)?.id).toBe('big')
    expect(zoneAtPoint(zones, 2000, 0)).toBeNull()
  })

  it('stores board meta', () => {
    const doc = new Y.Doc()
    initBoardMeta(doc, { title: 'Leren met de wijk', language: 'en', createdAt: 5 })
    expect(readBoardMeta(doc)).toEqual({
      title: 'Leren met de wijk',
      language: 'en',
      schemaVersion: 1,
      createdAt: 5,
    })
  })
})
