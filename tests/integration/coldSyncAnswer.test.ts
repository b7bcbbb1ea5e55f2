import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMemoryPersistence } from '../../server/src/persistence/memory'
import type { Persistence, StoredRoom } from '../../server/src/persistence/types'
import { NO_HOOKS } from '../../server/src/sync/hooks'
import { RoomManager } from '../../server/src/sync/roomManager'
import { createNote, getNoteText, listNotes } from '../../shared/src/model/notes'
import { serverHarness } from '../helpers/harness'
import { createBoard, type TestServer, tokenFor } from '../helpers/testServer'
import { waitFor } from '../helpers/yclient'

/**
 * Issue 17: a new client joining a cold board is answered from the stored bytes (the log's updates,
 * then the snapshot as sync step 2) while the room is still applying them. Whatever the store
 * holds, the client has every note at the moment it says it is synced, and nothing written
 * during the load passes it by.
 */

/** Memory storage whose reads of one room wait until the test lets them through (a slow disk). */
function slowStore(): Persistence & { holdLoadsOf: string | null; release: () => void } {
  const inner = createMemoryPersistence()
  let waiting: (() => void)[] = []
  const store = {
    ...inner,
    holdLoadsOf: null as string | null,
    release() {
      store.holdLoadsOf = null
      for (const go of waiting.splice(0)) go()
    },
    async loadRoom(room: string, afterSeq?: number): Promise<StoredRoom> {
      if (room === store.holdLoadsOf) await new Promise<void>((resolve) => waiting.push(resolve))
      return inner.loadRoom(room, afterSeq)
    },
  }
  waiting = []
  return store
}

const texts = (doc: Y.Doc) =>
  listNotes(doc)
    .map((note) => note.text)
    .sort()

/** Writes `count` notes through a facilitator's client and waits until the room left memory. */
async function storedBoard(harness: ReturnType<typeof serverHarness>, server: TestServer, count: number) {
  const board = await createBoard(server.url)
  const facilitator = await tokenFor(server.url, board, 'facilitator', 'Begeleider')
  const writer = harness.connect(board.id, facilitator)
  await writer.synced
  writer.doc.transact(() => {
    for (let i = 0; i < count; i++)
      createNote(writer.doc, { x: i, y: 0, authorId: 'f', authorName: 'B', text: `briefje ${i}` })
  })
  const checker = harness.connect(board.id, facilitator)
  await waitFor(() => listNotes(checker.doc).length === count, 10_000, 'stored')
  const state = Y.encodeStateAsUpdate(writer.doc)
  writer.destroy()
  checker.destroy()
  await waitFor(() => !server.server.rooms.loadedRoomNames().includes(board.id), 5000, 'unload')
  await server.server.rooms.closeAll()
  return { board, facilitator, state }
}

describe('a cold board answered from storage', () => {
  const harness = serverHarness()

  it('a new client has every note at its synced event, also with log updates after the snapshot', async () => {
    const server = await harness.start({ config: { roomUnloadGraceMs: 50 } })
    const { board, state } = await storedBoard(harness, server, 300)
    // Updates after the snapshot that build on it (a note's text changed, a note removed) and one
    // that does not (a new note), as a server that stopped before compacting leaves them.
    const offline = new Y.Doc()
    Y.applyUpdate(offline, state)
    const before = Y.encodeStateVector(offline)
    const [first, second] = listNotes(offline)
    offline.transact(() => getNoteText(offline, first?.id ?? '')?.insert(0, 'bijgewerkt: '))
    const edit = Y.encodeStateAsUpdate(offline, before)
    const afterEdit = Y.encodeStateVector(offline)
    offline.getMap('notes').delete(second?.id ?? '')
    createNote(offline, { x: 0, y: 0, authorId: 'f', authorName: 'B', text: 'nagekomen' })
    const more = Y.encodeStateAsUpdate(offline, afterEdit)
    await server.server.store.appendUpdates(board.id, [edit, more])
    expect((await server.server.store.loadRoom(board.id)).updates).toHaveLength(2)

    const participant = await tokenFor(server.url, board, 'participant', 'Sanne')
    const joiner = harness.connect(board.id, participant)
    let atSync: string[] = []
    joiner.provider.once('sync', () => {
      atSync = texts(joiner.doc)
    })
    await joiner.synced
    expect(atSync).toHaveLength(300)
    expect(atSync).toEqual(texts(offline))
    expect(atSync).toContain(`bijgewerkt: ${first?.text}`)
    expect(atSync).not.toContain(second?.text)
  }, 30_000)

  it('an edit that arrives during the load reaches the client that was answered from storage', async () => {
    const store = slowStore()
    const server = await harness.start({ store, config: { roomUnloadGraceMs: 50 } })
    const { board, facilitator } = await storedBoard(harness, server, 200)
    store.holdLoadsOf = board.id
    const participant = await tokenFor(server.url, board, 'participant', 'Sanne')
    const joiner = harness.connect(board.id, participant)
    let atSync: string[] = []
    joiner.provider.once('sync', () => {
      atSync = texts(joiner.doc)
    })
    // A second person writes while the board is still being read: the edit waits for the load.
    const writer = harness.connect(board.id, facilitator)
    await new Promise<void>((resolve) =>
      writer.provider.on('status', ({ status }: { status: string }) => status === 'connected' && resolve()),
    )
    createNote(writer.doc, { x: 0, y: 0, authorId: 'f', authorName: 'B', text: 'tijdens het laden' })
    await waitFor(() => server.server.rooms.inMemory(board.id) !== null, 5000, 'room opening')
    expect(joiner.provider.synced).toBe(false)
    store.release()
    await joiner.synced
    expect(atSync).toHaveLength(200)
    expect(atSync).not.toContain('tijdens het laden')
    await waitFor(
      () => texts(joiner.doc).includes('tijdens het laden'),
      5000,
      'the edit made during the load',
    )
    expect(listNotes(joiner.doc)).toHaveLength(201)
    // And storage has it: a client that joins later gets the same board.
    const later = harness.connect(board.id, participant)
    await later.synced
    expect(texts(later.doc)).toEqual(texts(joiner.doc))
  }, 30_000)

  it('the answer is sent before the room has applied the board', async () => {
    const store = createMemoryPersistence()
    const doc = new Y.Doc()
    doc.transact(() => {
      for (let i = 0; i < 100; i++)
        createNote(doc, { x: i, y: 0, authorId: 'f', authorName: 'B', text: `briefje ${i}` })
    })
    const seq = await store.appendUpdates('bord', [Y.encodeStateAsUpdate(doc)])
    await store.compactRoom('bord', Y.encodeStateAsUpdate(doc), seq)
    const vector = Y.encodeStateVector(doc)
    createNote(doc, { x: 0, y: 0, authorId: 'f', authorName: 'B', text: 'in het log' })
    await store.appendUpdates('bord', [Y.encodeStateAsUpdate(doc, vector)])
    const rooms = new RoomManager(store, { compactAfterUpdates: 500, unloadGraceMs: 10, hooks: NO_HOOKS })
    const events: string[] = []
    const frames: Uint8Array[] = []
    const loading = rooms.acquire('bord').then(() => events.push('loaded'))
    await Promise.resolve() // acquire opens the room after checking for an unload in progress
    const room = rooms.inMemory('bord')
    expect(room).not.toBeNull()
    room?.answerNewClient({
      send: (frame) => {
        if (frames.length === 0) events.push('answered')
        frames.push(frame)
      },
    })
    await loading
    expect(events).toEqual(['answered', 'loaded'])
    // Frame by frame as a client applies them: complete when sync step 2 (the last) arrives.
    const client = new Y.Doc()
    for (const frame of frames) {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder) // sync message
      decoding.readVarUint(decoder) // update or step 2
      Y.applyUpdate(client, decoding.readVarUint8Array(decoder))
    }
    expect(frames).toHaveLength(2)
    expect(texts(client)).toHaveLength(101)
    expect(texts(client)).toEqual(texts(doc))
    await rooms.closeAll()
  })
})
