import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSqlitePersistence } from '../../server/src/persistence/sqlite'
import type { Persistence } from '../../server/src/persistence/types'
import { NO_HOOKS } from '../../server/src/sync/hooks'
import { RoomManager } from '../../server/src/sync/roomManager'
import { createNote, listNotes, updateNote } from '../../shared/src/model/notes'
import { localEditor } from '../helpers/localEditor'
import { tempDataDir } from '../helpers/testServer'

/**
 * When a board's update log is folded into a snapshot (issue 17). A snapshot grows with the
 * board's history, so folding it every few hundred small updates made the disk rewrite the whole
 * board again and again while edits waited. The log is folded when it has grown to half the
 * snapshot, and always by ten times COMPACT_AFTER_UPDATES; nothing is lost either way.
 */
const EVERY = 50

let store: Persistence | null = null
let rooms: RoomManager | null = null
afterEach(async () => {
  await rooms?.closeAll()
  await store?.close()
  rooms = null
  store = null
})

describe('folding the update log into a snapshot', () => {
  it('a board with a long history is folded when its log reaches half the snapshot, not every 50 updates', async () => {
    const dir = tempDataDir('oogst-compaction-')
    store = createSqlitePersistence(dir)
    rooms = new RoomManager(store, { compactAfterUpdates: EVERY, unloadGraceMs: 60_000, hooks: NO_HOOKS })
    const room = await rooms.acquire('bord')
    const writer = localEditor()
    const ids = Array.from({ length: 20 }, (_, i) =>
      createNote(writer.doc, { x: i, y: 0, authorId: 'a', authorName: 'A', text: `briefje ${i}` }),
    )
    await room.submitUpdate(writer.take())
    // A long session of drags: every move leaves a record behind in the snapshot.
    for (let k = 0; k < 3000; k++) {
      updateNote(writer.doc, ids[k % ids.length] as string, { x: k, y: k })
      await room.submitUpdate(writer.take())
    }
    const snapshotBytes = (await store.loadRoom('bord')).snapshot?.byteLength ?? 0
    expect(snapshotBytes).toBeGreaterThan(20_000)
    // The next 50 moves are far less than half that snapshot: no fold, the log keeps them.
    const logBefore = await store.logLength('bord')
    for (let k = 0; k < EVERY; k++) {
      updateNote(writer.doc, ids[k % ids.length] as string, { x: -k, y: k })
      await room.submitUpdate(writer.take())
    }
    expect(await store.logLength('bord')).toBe(logBefore + EVERY)
    // Enough moves to reach half the snapshot, and the log is folded; never past ten times the count.
    let longest = 0
    for (let k = 0; k < 12 * EVERY; k++) {
      updateNote(writer.doc, ids[k % ids.length] as string, { x: k, y: -k })
      await room.submitUpdate(writer.take())
      longest = Math.max(longest, await store.logLength('bord'))
    }
    expect(longest).toBeLessThanOrEqual(EVERY * 10)
    expect(await store.logLength('bord')).toBeLessThan(logBefore + 13 * EVERY)
    // What storage holds is the whole board.
    const stored = await store.loadRoom('bord')
    const reloaded = new Y.Doc()
    for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(reloaded, update)
    expect(listNotes(reloaded).map((n) => [n.id, n.x, n.y])).toEqual(
      listNotes(writer.doc).map((n) => [n.id, n.x, n.y]),
    )
  }, 60_000)

  it('a small new board is still folded every COMPACT_AFTER_UPDATES updates', async () => {
    store = createSqlitePersistence(tempDataDir('oogst-compaction-'))
    rooms = new RoomManager(store, { compactAfterUpdates: EVERY, unloadGraceMs: 60_000, hooks: NO_HOOKS })
    const room = await rooms.acquire('bord')
    const writer = localEditor()
    for (let k = 0; k < EVERY; k++) {
      createNote(writer.doc, {
        x: k,
        y: 0,
        authorId: 'a',
        authorName: 'A',
        text: `een briefje met wat tekst ${k}`,
      })
      await room.submitUpdate(writer.take())
    }
    expect(await store.logLength('bord')).toBe(0)
    expect((await store.loadRoom('bord')).snapshot).not.toBeNull()
  })
})
