import { describe, expect, it } from 'vitest'
import { createMemoryPersistence } from '../../server/src/persistence/memory'
import { NO_HOOKS } from '../../server/src/sync/hooks'
import { RoomManager } from '../../server/src/sync/roomManager'
import { createNote, listNotes, updateNote } from '../../shared/src/model/notes'
import { localEditor } from '../helpers/localEditor'

/**
 * Group commit (issue 17): a busy room (200 edits/s or more) commits at most once per
 * `commitGapMs`, so the edits that arrive in between share one commit, one apply and one frame per
 * socket; a room at a normal pace commits each edit at once. Memory storage that counts commits
 * stands in for the disk.
 */
function countingStore() {
  const inner = createMemoryPersistence()
  const commits: number[] = []
  return {
    store: {
      ...inner,
      async appendUpdates(room: string, updates: Uint8Array[]) {
        commits.push(updates.length)
        return inner.appendUpdates(room, updates)
      },
    },
    commits,
  }
}

/** A room on counting storage whose commits are spaced `commitGapMs` apart while it is busy. */
async function pacedRoom(commitGapMs: number) {
  const { store, commits } = countingStore()
  const rooms = new RoomManager(store, {
    compactAfterUpdates: 500,
    unloadGraceMs: 60_000,
    hooks: NO_HOOKS,
    commitGapMs,
  })
  return { rooms, room: await rooms.acquire('bord'), commits, writer: localEditor() }
}

describe('group commit', () => {
  it('edits arriving faster than the gap share commits, and every one is stored and applied', async () => {
    const { rooms, room, commits, writer } = await pacedRoom(20)
    const id = createNote(writer.doc, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: 'briefje' })
    await room.submitUpdate(writer.take())
    // 300 moves, one every millisecond or so: without the gap each would be a commit of its own.
    const stored: Promise<void>[] = []
    for (let k = 1; k <= 300; k++) {
      updateNote(writer.doc, id, { x: k })
      stored.push(room.submitUpdate(writer.take()))
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    await Promise.all(stored)
    expect(commits.reduce((sum, n) => sum + n, 0)).toBe(301)
    expect(commits.length).toBeLessThan(150)
    expect(listNotes(room.doc)[0]?.x).toBe(300)
    await rooms.closeAll()
  })

  it('a room at a normal pace commits every edit by itself', async () => {
    const { rooms, room, commits, writer } = await pacedRoom(20)
    const id = createNote(writer.doc, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: 'briefje' })
    await room.submitUpdate(writer.take())
    // 40 moves at 50 a second (50 people each dragging now and then).
    for (let k = 1; k <= 40; k++) {
      updateNote(writer.doc, id, { x: k })
      void room.submitUpdate(writer.take())
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await room.settle()
    expect(commits).toHaveLength(41)
    await rooms.closeAll()
  })

  it('an edit in a quiet room is committed at once', async () => {
    const { rooms, room, writer } = await pacedRoom(500)
    createNote(writer.doc, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: 'eerste' })
    const started = performance.now()
    await room.submitUpdate(writer.take())
    expect(performance.now() - started).toBeLessThan(250)
    await rooms.closeAll()
  })
})
