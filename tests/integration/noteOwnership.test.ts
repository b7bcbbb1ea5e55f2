import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { createCluster, getCluster, setNoteCluster } from '../../shared/src/model/clusters'
import { readNotesOpen, writeNotesOpen } from '../../shared/src/model/notePermissions'
import {
  createNote,
  deleteNote,
  getNote,
  getNoteText,
  listNotes,
  updateNote,
} from '../../shared/src/model/notes'
import { addReaction, getNoteReactions } from '../../shared/src/model/reactions'
import { notesRoot } from '../../shared/src/model/schema'
import { controlRoom } from '../../shared/src/rooms'
import { MERGED_COUNT, mergeNotes, readMergedCount } from '../../shared/src/suggest/merge'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { sleep, waitFor } from '../helpers/yclient'

/**
 * Issue 14, "Notes do not vanish": a participant changes and deletes only their own notes (others'
 * they may move and group), a new note carries its writer, and a deleted note waits in the
 * Prullenbak until a facilitator puts it back. Every attack is sent by the stock y-websocket
 * client, as an edited client would send it.
 */
describe('whose notes: enforced by the server, with a Prullenbak', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Briefjes', { templateId: 'los-model' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    const bram = await tokenFor(server.url, board, 'participant', 'Bram')
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(server.url, method, `/api/boards/${board.id}${path}`, body, { authorization: `Bearer ${token}` })
    const idOf = async (token: string) =>
      (await call<{ participantId: string }>(token, 'GET', '')).body.participantId
    const [annaId, bramId] = await Promise.all([idOf(anna), idOf(bram)])
    const watcher = harness.connect(board.id, facilitator)
    const a = harness.connect(board.id, anna)
    await Promise.all([watcher.synced, a.synced])
    return { board, facilitator, anna, bram, annaId, bramId, call, watcher, a }
  }

  /** A fresh client of the board makes one edit; the server must close it with 4409 ("refused"). */
  async function expectRefused(room: string, token: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const client = harness.connect(room, token)
    await client.synced
    const closed = nextCloseCode(client)
    edit(client.doc)
    expect(await Promise.race([closed, sleep(3000).then(() => 'still open')])).toBe(4409)
    client.destroy()
  }

  /** What the server stored for a room, read back from storage into a new document. */
  async function stored(room: string): Promise<Y.Doc> {
    const doc = new Y.Doc()
    const saved = await harness.server.server.store.loadRoom(room)
    if (saved?.snapshot) Y.applyUpdate(doc, saved.snapshot)
    for (const update of saved?.updates ?? []) Y.applyUpdate(doc, update)
    return doc
  }

  const record = (doc: Y.Doc, id: string) => notesRoot(doc).get(id) as Y.Map<unknown>

  it("refuses a participant's edit or delete of another's note, however it is made; moving stays open", async () => {
    const { board, anna, bram, annaId, bramId, watcher, a } = await setup()
    const note = createNote(a.doc, { x: 3000, y: 10, authorId: annaId, authorName: 'Anna', text: 'Van Anna' })
    await waitFor(() => getNote(watcher.doc, note) !== null, 3000, 'note shared')

    await expectRefused(board.id, bram, (doc) => deleteNote(doc, note))
    await expectRefused(board.id, bram, (doc) => getNoteText(doc, note)?.insert(0, 'Gekaapt: '))
    await expectRefused(board.id, bram, (doc) => getNoteText(doc, note)?.delete(0, 3))
    await expectRefused(board.id, bram, (doc) => updateNote(doc, note, { color: 'blue' }))
    await expectRefused(board.id, bram, (doc) => updateNote(doc, note, { width: 400 }))
    // Hand-made: a new Y.Text in place of the note's, a new map under its key, a new author.
    await expectRefused(board.id, bram, (doc) => record(doc, note).set('text', new Y.Text('Gekaapt')))
    await expectRefused(board.id, bram, (doc) => notesRoot(doc).set(note, new Y.Map()))
    await expectRefused(board.id, bram, (doc) => record(doc, note).set('authorId', bramId))
    await expectRefused(board.id, bram, (doc) => record(doc, note).set('authorName', 'Bram'))
    // Not even the writer changes a note's author, or marks it as entered by a facilitator.
    await expectRefused(board.id, anna, (doc) => record(doc, note).set('authorId', bramId))
    await expectRefused(board.id, anna, (doc) => record(doc, note).set('enteredBy', annaId))

    // Moving and grouping another's note (sorting the wall together) and reacting stay open.
    const b = harness.connect(board.id, bram)
    await b.synced
    const closed: number[] = []
    b.provider.on('connection-close', (event: CloseEvent | null) => closed.push(event?.code ?? 0))
    const group = createCluster(b.doc, { name: 'Samen' })
    setNoteCluster(b.doc, note, group)
    updateNote(b.doc, note, { x: 3300, y: 40 })
    addReaction(b.doc, note, '👍', bramId)
    await waitFor(() => getNote(watcher.doc, note)?.x === 3300, 3000, 'move shared')
    await waitFor(() => record(watcher.doc, note).get('clusterId') === group, 3000, 'group shared')
    expect(closed).toEqual([])

    // Anna herself may still change and delete it.
    getNoteText(a.doc, note)?.insert(8, ' (aangepast)')
    await waitFor(() => getNote(watcher.doc, note)?.text === 'Van Anna (aangepast)', 3000, 'own edit')
    const saved = await stored(board.id)
    expect(getNote(saved, note)).toMatchObject({ text: 'Van Anna (aangepast)', authorId: annaId, x: 3300 })
    expect(JSON.stringify(saved.toJSON())).not.toContain('Gekaapt')
    deleteNote(a.doc, note)
    await waitFor(() => getNote(watcher.doc, note) === null, 3000, 'own delete')
  })

  it("refuses a hand-made note under another's key that would win it by client id (no origin, no deletion)", async () => {
    const { board, bram, annaId, watcher, a } = await setup()
    const note = createNote(a.doc, { x: 3000, y: 10, authorId: annaId, authorName: 'Anna', text: 'Van Anna' })
    await waitFor(() => getNote(watcher.doc, note) !== null, 3000, 'note shared')
    // Made in a document that never saw Anna's note, so the new value has no origin; the highest
    // client id makes it win the key over Anna's note wherever it is integrated. (With a lower one
    // it loses, changes nothing and is accepted: the write policy judges what an update changes.)
    const forged = new Y.Doc()
    forged.clientID = 2 ** 32 - 1
    const map = new Y.Map<unknown>()
    map.set('text', new Y.Text('Gekaapt'))
    map.set('authorId', annaId)
    notesRoot(forged).set(note, map)
    const b = harness.connect(board.id, bram)
    await b.synced
    const closed = nextCloseCode(b)
    // Sent as is over the socket (the provider would send its own, re-encoded update).
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(forged))
    ;(b.provider.ws as WebSocket | null)?.send(encoding.toUint8Array(encoder))
    expect(await Promise.race([closed, sleep(3000).then(() => 'still open')])).toBe(4409)
    expect(getNote(watcher.doc, note)?.text).toBe('Van Anna')
    expect(getNote(await stored(board.id), note)?.text).toBe('Van Anna')
  })

  it("gives a participant's new note their own id and name, whatever the client wrote", async () => {
    const { board, bram, annaId, bramId, watcher } = await setup()
    const b = harness.connect(board.id, bram)
    await b.synced
    const closed: number[] = []
    b.provider.on('connection-close', (event: CloseEvent | null) => closed.push(event?.code ?? 0))
    const note = createNote(b.doc, { x: 3000, y: 10, authorId: annaId, authorName: 'Fenna', text: 'Wie?' })
    await waitFor(() => getNote(watcher.doc, note)?.authorId === bramId, 3000, 'author corrected')
    expect(getNote(watcher.doc, note)?.authorName).toBe('Bram')
    // The next edit finds the note Bram's own.
    getNoteText(b.doc, note)?.insert(4, ' Bram.')
    await waitFor(() => getNote(watcher.doc, note)?.text === 'Wie? Bram.', 3000, 'own edit')
    expect(getNote(await stored(board.id), note)).toMatchObject({ authorId: bramId, authorName: 'Bram' })
    expect(closed).toEqual([])
    // A participant never marks a note as entered by a facilitator.
    await expectRefused(board.id, bram, (doc) => {
      const forged = createNote(doc, { x: 0, y: 0, authorId: bramId, authorName: 'Bram', text: 'x' })
      record(doc, forged).set('enteredBy', annaId)
    })
  })

  it("refuses a participant's own '3×' count: only a facilitator's merge sets it", async () => {
    const { board, anna, annaId, a, watcher, facilitator } = await setup()
    const own = createNote(a.doc, {
      x: 10,
      y: 10,
      authorId: annaId,
      authorName: 'Anna',
      text: 'Gelijkwaardigheid',
    })
    await waitFor(() => getNote(watcher.doc, own) !== null, 3000, 'own note')
    // On a new note, and on her own note afterwards: the harvest would count it as three people's.
    await expectRefused(board.id, anna, (doc) => {
      const forged = createNote(doc, { x: 0, y: 0, authorId: annaId, authorName: 'Anna', text: 'x' })
      record(doc, forged).set(MERGED_COUNT, 3)
    })
    await expectRefused(board.id, anna, (doc) => record(doc, own).set(MERGED_COUNT, 50))
    expect(readMergedCount(notesRoot(await stored(board.id)).get(own) as Y.Map<unknown>)).toBe(1)
    // A facilitator's merge sets it.
    const twin = createNote(a.doc, {
      x: 30,
      y: 10,
      authorId: annaId,
      authorName: 'Anna',
      text: 'gelijkwaardigheid!',
    })
    const f = harness.connect(board.id, facilitator)
    await f.synced
    await waitFor(() => getNote(f.doc, twin) !== null, 3000, 'twin seen')
    mergeNotes(f.doc, own, [twin])
    await waitFor(
      () => readMergedCount(notesRoot(watcher.doc).get(own) as Y.Map<unknown>) === 2,
      3000,
      'merged',
    )
    f.destroy()
  })

  it("lets everyone change every note while 'Iedereen mag alle briefjes aanpassen' is on", async () => {
    const { board, facilitator, bram, annaId, watcher, a } = await setup()
    const one = createNote(a.doc, { x: 3000, y: 10, authorId: annaId, authorName: 'Anna', text: 'een' })
    const two = createNote(a.doc, { x: 3300, y: 10, authorId: annaId, authorName: 'Anna', text: 'twee' })
    await waitFor(() => listNotes(watcher.doc).length >= 2, 3000, 'notes shared')
    const control = harness.connect(controlRoom(board.id), facilitator)
    const bramControl = harness.connect(controlRoom(board.id), bram)
    await Promise.all([control.synced, bramControl.synced])
    // A participant cannot switch it on: the control document is read-only for them.
    writeNotesOpen(bramControl.doc, true)
    await sleep(300)
    expect(readNotesOpen(control.doc)).toBe(false)
    expect(readNotesOpen(await stored(controlRoom(board.id)))).toBe(false)
    const bramSees = harness.connect(controlRoom(board.id), bram)
    await bramSees.synced
    writeNotesOpen(control.doc, true)
    await waitFor(() => readNotesOpen(bramSees.doc), 3000, 'setting shared')

    const b = harness.connect(board.id, bram)
    await b.synced
    getNoteText(b.doc, one)?.insert(3, ' en meer')
    deleteNote(b.doc, two)
    await waitFor(() => getNote(watcher.doc, one)?.text === 'een en meer', 3000, 'edit shared')
    await waitFor(() => getNote(watcher.doc, two) === null, 3000, 'delete shared')
    // The author stays: co-creation is about the text, not about whose note it is.
    await expectRefused(board.id, bram, (doc) => record(doc, one).set('authorId', 'iemand'))
  })

  it('keeps a deleted note in the Prullenbak; a facilitator puts it back with its dots, group and reactions', async () => {
    const { board, facilitator, bram, annaId, bramId, call, watcher, a } = await setup()
    const note = createNote(a.doc, {
      x: 3000,
      y: 10,
      authorId: annaId,
      authorName: 'Anna',
      text: 'Bewaar mij',
    })
    const group = createCluster(a.doc, { name: 'Vervoer' })
    setNoteCluster(a.doc, note, group)
    // A note opened and left empty is not worth keeping.
    const empty = createNote(a.doc, { x: 3300, y: 10, authorId: annaId, authorName: 'Anna' })
    const b = harness.connect(board.id, bram)
    await b.synced
    await waitFor(() => getNote(b.doc, note) !== null, 3000, 'note shared')
    addReaction(b.doc, note, '💡', bramId)
    const open = { action: 'open', perPerson: 3, maxPerNote: 3, scope: 'board' }
    expect((await call(facilitator, 'POST', '/voting', open)).status).toBe(200)
    for (let i = 0; i < 2; i++) {
      expect((await call(bram, 'POST', '/votes', { noteId: note, delta: 1 })).status).toBe(200)
    }
    await waitFor(() => getNoteReactions(watcher.doc, note).length === 1, 3000, 'reaction shared')

    a.doc.transact(() => {
      deleteNote(a.doc, note)
      deleteNote(a.doc, empty)
    })
    await waitFor(() => listNotes(watcher.doc).length === 0, 3000, 'deleted')
    // The group is removed meanwhile: putting the note back makes it again.
    watcher.doc.transact(() => watcher.doc.getMap('clusters').delete(group))

    type Trash = {
      notes: { id: string; text: string; votes: number; reactions: number; clusterName: string }[]
    }
    expect((await call(bram, 'GET', '/trash')).status).toBe(403)
    const trash = await waitForTrash(() => call<Trash>(facilitator, 'GET', '/trash'))
    expect(trash.notes).toEqual([
      expect.objectContaining({
        id: note,
        text: 'Bewaar mij',
        votes: 2,
        reactions: 1,
        clusterName: 'Vervoer',
      }),
    ])

    expect((await call(bram, 'POST', `/trash/${note}/restore`)).status).toBe(403)
    expect((await call(facilitator, 'POST', '/trash/nietbestaand12/restore')).status).toBe(404)
    expect((await call(facilitator, 'POST', `/trash/${note}/restore`)).status).toBe(204)
    await waitFor(() => getNote(watcher.doc, note)?.text === 'Bewaar mij', 3000, 'restored')
    expect(getNote(watcher.doc, note)).toMatchObject({ authorId: annaId, authorName: 'Anna' })
    expect(record(watcher.doc, note).get('clusterId')).toBe(group)
    expect(getCluster(watcher.doc, group)?.name).toBe('Vervoer')
    expect(getNoteReactions(watcher.doc, note)).toEqual([{ emoji: '💡', participantIds: [bramId] }])
    const closed = await call<{ results: Record<string, number> }>(facilitator, 'POST', '/voting', {
      action: 'close',
    })
    expect(closed.body.results[note]).toBe(2)
    // Back on the board, out of the Prullenbak; once only.
    expect((await call<Trash>(facilitator, 'GET', '/trash')).body.notes).toEqual([])
    expect((await call(facilitator, 'POST', `/trash/${note}/restore`)).status).toBe(404)
    // Anna's own note again: she may still change it.
    getNoteText(a.doc, note)?.insert(0, '!')
    await waitFor(() => getNote(watcher.doc, note)?.text === '!Bewaar mij', 3000, 'edit after restore')
  })

  /** The copy is written just after the delete is stored: poll briefly for it. */
  async function waitForTrash<T extends { notes: unknown[] }>(get: () => Promise<{ body: T }>): Promise<T> {
    for (let i = 0; i < 30; i++) {
      const { body } = await get()
      if (body.notes.length > 0) return body
      await sleep(50)
    }
    throw new Error('nothing in the Prullenbak')
  }
})
