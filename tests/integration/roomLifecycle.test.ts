import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createMemoryPersistence } from '../../server/src/persistence/memory'
import type { Persistence } from '../../server/src/persistence/types'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { createBoard, tokenFor } from '../helpers/testServer'
import { sleep, waitFor } from '../helpers/yclient'

/** Memory storage whose load or append can be told to fail, to check the failure rules. */
function faultyStore(): Persistence & {
  failLoads: number
  failLoadsOf: string
  failAppendsOf: string | null
} {
  const inner = createMemoryPersistence()
  const store = {
    ...inner,
    failLoads: 0,
    /** Only loads of this room fail (other rooms, e.g. the control room, load fine). */
    failLoadsOf: '',
    /** Appends to this room fail (a full disk, as far as that board is concerned). */
    failAppendsOf: null as string | null,
    async loadRoom(room: string) {
      if (store.failLoads > 0 && room === store.failLoadsOf) {
        store.failLoads -= 1
        throw new Error('disk unavailable')
      }
      return inner.loadRoom(room)
    },
    async appendUpdates(room: string, updates: readonly Uint8Array[]) {
      if (room === store.failAppendsOf) throw new Error('disk full')
      return inner.appendUpdates(room, updates)
    },
  }
  return store
}

describe('room lifecycle', () => {
  const harness = serverHarness()

  it('unloads an idle room after the grace period and compacts its log into a snapshot', async () => {
    const server = await harness.start({ config: { roomUnloadGraceMs: 100 } })
    const board = await createBoard(server.url)
    const token = await tokenFor(server.url, board, 'participant')
    const client = harness.connect(board.id, token)
    const watcher = harness.connect(board.id, token)
    await Promise.all([client.synced, watcher.synced])
    for (let i = 0; i < 5; i++)
      createNote(client.doc, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: `n${i}` })
    await waitFor(() => harness.server.server.rooms.loadedRoomNames().includes(board.id) ?? false)
    // Stored once another client has them (the server may still be busy when the socket closes:
    // it corrects each note's author, see server/src/session/noteAuthors.ts).
    await waitFor(
      () => listNotes(watcher.doc).filter((note) => note.authorName === 'participant').length === 5,
    )
    watcher.destroy()
    await sleep(50)
    expect(await server.server.store.logLength(board.id)).toBeGreaterThan(1)
    client.destroy()
    await waitFor(() => !harness.server.server.rooms.loadedRoomNames().includes(board.id), 3000, 'unload')
    await sleep(50)
    expect(await server.server.store.logLength(board.id)).toBe(0)
    const stored = await server.server.store.loadRoom(board.id)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored.snapshot as Uint8Array)
    expect(listNotes(doc)).toHaveLength(5)
  })

  it('a failed load closes the socket, keeps no room in memory, and a retry sees the stored board', async () => {
    const store = faultyStore()
    const server = await harness.start({ store })
    const board = await createBoard(server.url, 'Bewaard bord')
    const token = await tokenFor(server.url, board, 'participant')
    store.failLoads = 1
    store.failLoadsOf = board.id
    const ws = new WebSocket(`${server.wsUrl}/${board.id}?token=${token}`)
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)))
    expect(code).toBe(4500)
    expect(server.server.rooms.loadedRoomNames()).not.toContain(board.id)

    const retry = harness.connect(board.id, token)
    await retry.synced
    expect(retry.doc.getMap('meta').get('title')).toBe('Bewaard bord')
  })

  it('a failed append is neither applied nor broadcast, closes the writer, and the server keeps serving', async () => {
    const store = faultyStore()
    const server = await harness.start({ store })
    const board = await createBoard(server.url)
    const token = await tokenFor(server.url, board, 'participant')
    const writer = harness.connect(board.id, token)
    const watcher = harness.connect(board.id, token)
    // Another board on the same server, written to while the first one's appends fail.
    const other = await createBoard(server.url, 'Ander bord')
    const otherToken = await tokenFor(server.url, other, 'participant')
    const otherWriter = harness.connect(other.id, otherToken)
    const otherWatcher = harness.connect(other.id, otherToken)
    await Promise.all([writer.synced, watcher.synced, otherWriter.synced, otherWatcher.synced])

    store.failAppendsOf = board.id
    const closed = nextCloseCode(writer)
    createNote(writer.doc, { x: 0, y: 0, authorId: 'w', authorName: 'W', text: 'lost in a full disk' })
    expect(await closed).toBe(4500)
    createNote(otherWriter.doc, { x: 0, y: 0, authorId: 'o', authorName: 'O', text: 'gewoon bewaard' })
    await waitFor(() => listNotes(otherWatcher.doc).length === 1, 5000, 'the other board keeps working')
    const stored = await store.loadRoom(other.id)
    const storedDoc = new Y.Doc()
    for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(storedDoc, update)
    expect(listNotes(storedDoc).map((note) => note.text)).toEqual(['gewoon bewaard'])
    await sleep(100)
    expect(listNotes(watcher.doc)).toHaveLength(0)
    const room = await server.server.rooms.peek(board.id)
    expect(room && listNotes(room.doc)).toHaveLength(0)

    // Once storage recovers, the writer's reconnect re-sends its note, and now it lands.
    store.failAppendsOf = null
    await waitFor(() => listNotes(watcher.doc).length === 1, 5000, 'note after recovery')
    expect(listNotes(watcher.doc)[0]?.text).toBe('lost in a full disk')
  })
})
