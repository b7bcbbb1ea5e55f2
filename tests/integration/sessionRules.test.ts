import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { listDrafts } from '../../shared/src/model/drafts'
import {
  lockedIds,
  readDraftCounts,
  readTimer,
  setLocked,
  setRoundOptions,
  writeTimer,
} from '../../shared/src/model/facilitation'
import { createNote, deleteNote, getNoteText, listNotes, updateNote } from '../../shared/src/model/notes'
import { addReaction, getNoteReactions } from '../../shared/src/model/reactions'
import { listRounds, updateRound } from '../../shared/src/model/rounds'
import {
  createShape,
  deleteConnectorsOf,
  deleteShape,
  listShapes,
  updateShape,
} from '../../shared/src/model/shapes'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom, draftsRoom } from '../../shared/src/rooms'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { sleep, waitFor } from '../helpers/yclient'

/**
 * Session rules the server enforces whatever a participant's client does: locked zones with the
 * notes in them, facilitators' shapes, and drafts after time is up. Every refused change is sent
 * by the real y-websocket client, as an edited client would send it.
 */
describe('session rules, enforced by the server', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Regels', { templateId: 'los-model' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    const bram = await tokenFor(server.url, board, 'participant', 'Bram')
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(server.url, method, `/api/boards/${board.id}${path}`, body, { authorization: `Bearer ${token}` })
    return { board, facilitator, anna, bram, call }
  }

  /** A fresh client of `room` makes one edit; the server must close it with 4409 ("refused"). */
  async function expectRefused(room: string, token: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const client = harness.connect(room, token)
    await client.synced
    const closed = nextCloseCode(client)
    edit(client.doc)
    // A server that accepts the edit keeps the socket open: fail fast, with the reason.
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

  const noteState = (doc: Y.Doc) =>
    listNotes(doc)
      .map(({ id, text, x, zoneId }) => ({ id, text, x, zoneId }))
      .sort((a, b) => a.id.localeCompare(b.id))

  it('locks a zone with every note in it: no move, edit, delete or new note gets in', async () => {
    const { board, facilitator, anna, bram } = await setup()
    const control = harness.connect(controlRoom(board.id), facilitator)
    const a = harness.connect(board.id, anna)
    const watcher = harness.connect(board.id, bram)
    const bramControl = harness.connect(controlRoom(board.id), bram)
    await Promise.all([control.synced, a.synced, watcher.synced, bramControl.synced])
    const [zone, open] = listZones(a.doc)
    if (!zone || !open) throw new Error('the template has two zones')
    // Each note inside its own zone (the loose one right of the board), as the app places them.
    const placeIn = (zoneId: string | null) => {
      const target = [zone, open].find((candidate) => candidate.id === zoneId)
      return target ? { x: target.x + 40, y: target.y + target.height - 200 } : { x: 3000, y: 10 }
    }
    const note = (text: string, zoneId: string | null) =>
      createNote(a.doc, { ...placeIn(zoneId), authorId: 'a', authorName: 'Anna', text, zoneId })
    const inZone = note('in de zone', zone.id)
    const loose = note('los', null)
    const elsewhere = note('andere zone', open.id)
    await waitFor(() => listNotes(watcher.doc).length === 3, 3000, 'notes shared')
    setLocked(control.doc, zone.id, true)
    await waitFor(() => lockedIds(bramControl.doc).has(zone.id), 3000, 'lock stored')
    const before = noteState(watcher.doc)

    await expectRefused(board.id, anna, (doc) => updateNote(doc, inZone, { x: 999 }))
    await expectRefused(board.id, anna, (doc) => getNoteText(doc, inZone)?.insert(0, 'Gekaapt: '))
    await expectRefused(board.id, anna, (doc) => deleteNote(doc, inZone))
    await expectRefused(board.id, anna, (doc) => {
      createNote(doc, { x: 20, y: 20, authorId: 'a', authorName: 'Anna', text: 'erbij', zoneId: zone.id })
    })
    await expectRefused(board.id, anna, (doc) => updateNote(doc, loose, { zoneId: zone.id }))
    await expectRefused(board.id, anna, (doc) => updateNote(doc, inZone, { zoneId: open.id }))

    // Still allowed: reacting to a note in the zone (as on a locked note), and notes elsewhere.
    const b = harness.connect(board.id, bram)
    await b.synced
    addReaction(b.doc, inZone, '👍', 'bram')
    updateNote(b.doc, elsewhere, { x: 300 })
    await waitFor(
      () => listNotes(watcher.doc).find((n) => n.id === elsewhere)?.x === 300,
      3000,
      'allowed move shared',
    )
    await waitFor(() => getNoteReactions(watcher.doc, inZone).length === 1, 3000, 'reaction shared')
    await sleep(100)
    const allowed = (state: ReturnType<typeof noteState>) =>
      state.map((n) => (n.id === elsewhere ? { ...n, x: placeIn(open.id).x } : n))
    // The watcher never saw a refused change, and neither does a new client or storage.
    expect(allowed(noteState(watcher.doc))).toEqual(before)
    const fresh = harness.connect(board.id, bram)
    await fresh.synced
    expect(allowed(noteState(fresh.doc))).toEqual(before)
    expect(allowed(noteState(await stored(board.id)))).toEqual(before)
    expect(JSON.stringify(fresh.doc.toJSON())).not.toContain('Gekaapt')

    // Unlocked, the same move goes through: the rule follows the lock, not the zone.
    setLocked(control.doc, zone.id, false)
    await waitFor(() => !lockedIds(bramControl.doc).has(zone.id), 3000, 'unlock stored')
    updateNote(b.doc, inZone, { x: 500 })
    await waitFor(() => listNotes(watcher.doc).find((n) => n.id === inZone)?.x === 500, 3000, 'move')
  })

  it('keeps shapes, labels and arrows for facilitators; a deleted note may take its arrows', async () => {
    const { board, facilitator, anna, bram } = await setup()
    const fac = harness.connect(board.id, facilitator)
    const a = harness.connect(board.id, anna)
    await Promise.all([fac.synced, a.synced])
    const one = createNote(a.doc, { x: 0, y: 0, authorId: 'a', authorName: 'Anna', text: 'een' })
    const two = createNote(a.doc, { x: 400, y: 0, authorId: 'a', authorName: 'Anna', text: 'twee' })
    await waitFor(() => listNotes(fac.doc).length === 2, 3000, 'notes shared')
    const label = createShape(fac.doc, { kind: 'text', text: 'Oogst', authorId: 'f' })
    const arrow = createShape(fac.doc, { kind: 'connector', fromId: one, toId: two, authorId: 'f' })
    await waitFor(() => listShapes(a.doc).length === 2, 3000, 'shapes shared')
    const before = JSON.stringify(listShapes(fac.doc))

    await expectRefused(board.id, anna, (doc) => {
      createShape(doc, { kind: 'rect', x: 5, y: 5, authorId: 'a' })
    })
    await expectRefused(board.id, anna, (doc) => updateShape(doc, label, { text: 'Gekaapt', x: 80 }))
    await expectRefused(board.id, anna, (doc) => deleteShape(doc, label))
    await expectRefused(board.id, anna, (doc) => deleteShape(doc, arrow))
    await sleep(100)
    expect(JSON.stringify(listShapes(fac.doc))).toBe(before)
    const fresh = harness.connect(board.id, bram)
    await fresh.synced
    expect(JSON.stringify(listShapes(fresh.doc))).toBe(before)
    expect(JSON.stringify(listShapes(await stored(board.id)))).toBe(before)

    // What the client does when a participant deletes their note: the arrow to it goes too.
    // (Anna's own note: since issue 14 only its writer may delete it.)
    const b = harness.connect(board.id, anna)
    await b.synced
    const closedCodes: number[] = []
    b.provider.on('connection-close', (event: CloseEvent | null) => closedCodes.push(event?.code ?? 0))
    b.doc.transact(() => {
      deleteNote(b.doc, one)
      deleteConnectorsOf(b.doc, one)
    })
    await waitFor(() => listShapes(fac.doc).length === 1 && listNotes(fac.doc).length === 1, 3000, 'delete')
    expect(listShapes(fac.doc)[0]?.id).toBe(label)
    expect(closedCodes).toEqual([])
  })

  it('closes drafts when time is up in a round that locks input: a late draft is never revealed', async () => {
    const { board, facilitator, anna, bram, call } = await setup()
    const annaId = (await call<{ participantId: string }>(anna, 'GET', '')).body.participantId
    const control = harness.connect(controlRoom(board.id), facilitator)
    const annaControl = harness.connect(controlRoom(board.id), anna)
    await Promise.all([control.synced, annaControl.synced])
    const round = listRounds(control.doc)[0]
    if (!round) throw new Error('the template has rounds')
    updateRound(control.doc, round.id, { privateWriting: true })
    setRoundOptions(control.doc, round.id, { lockWhenTimeUp: true, anonymousReveal: false })
    await sleep(100)
    expect((await call(facilitator, 'POST', '/session', { action: 'start', roundId: round.id })).status).toBe(
      200,
    )
    const drafts = harness.connect(draftsRoom(board.id, annaId), anna)
    await drafts.synced
    const draft = (doc: Y.Doc, text: string) =>
      createNote(doc, { x: 0, y: 0, authorId: annaId, authorName: 'Anna', text })
    draft(drafts.doc, 'Op tijd')
    await waitFor(() => readDraftCounts(control.doc).get(annaId)?.count === 1, 3000, 'draft counted')

    // Rounds last whole minutes; the facilitator's control document moves the end close, and the
    // server's own clock then decides that time is up.
    const endsAt = Date.now() + 300
    writeTimer(control.doc, { ...readTimer(control.doc), endsAt })
    await waitFor(() => readTimer(annaControl.doc).endsAt === endsAt, 3000, 'end time stored')
    await sleep(endsAt - Date.now() + 50)

    await expectRefused(draftsRoom(board.id, annaId), anna, (doc) => draft(doc, 'Te laat'))
    await expectRefused(draftsRoom(board.id, annaId), anna, (doc) => {
      const first = listDrafts(doc)[0]
      if (first) getNoteText(doc, first.id)?.insert(0, 'Te laat: ')
    })
    await expectRefused(board.id, bram, (doc) => draft(doc, 'Ook te laat'))
    // The open drafts socket (a client that ignores the bell) is refused the same way.
    const closed = nextCloseCode(drafts)
    draft(drafts.doc, 'Nog later')
    expect(await closed).toBe(4409)

    const texts = (doc: Y.Doc) => listNotes(doc).map((note) => note.text)
    expect(texts(await stored(draftsRoom(board.id, annaId)))).toEqual(['Op tijd'])
    const overview = await call<{ participants: { notes: { text: string }[] }[] }>(
      facilitator,
      'GET',
      '/drafts',
    )
    expect(overview.body.participants.flatMap((p) => p.notes.map((n) => n.text))).toEqual(['Op tijd'])
    const revealed = await call<{ revealed: number }>(facilitator, 'POST', '/reveal', {})
    expect(revealed.body.revealed).toBe(1)
    const content = harness.connect(board.id, bram)
    await waitFor(() => listNotes(content.doc).length === 1, 3000, 'revealed note')
    expect(texts(content.doc)).toEqual(['Op tijd'])
    expect(JSON.stringify(content.doc.toJSON())).not.toContain('laat')
  })
})
