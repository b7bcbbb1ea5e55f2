import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { serverHarness } from '../helpers/harness'
import { createBoard, tokenFor } from '../helpers/testServer'
import { waitFor } from '../helpers/yclient'

/**
 * Issue 16, F3: new clients are answered from the room's cached whole document plus the changes
 * since. Whoever joins — before the cache, from it, after changes behind it, after it was dropped
 * for too many changes — gets exactly the board the others see.
 */

describe('sync step 1 from the cached answer', () => {
  const harness = serverHarness()

  it('every joiner gets the whole board, however far the cache is behind', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url)
    const token = await tokenFor(server.url, board, 'facilitator', 'Begeleider')
    const writer = harness.connect(board.id, token)
    await writer.synced
    const add = (count: number, label: string) => {
      for (let i = 0; i < count; i++)
        createNote(writer.doc, { x: i, y: 0, authorId: 'f', authorName: 'B', text: `${label} ${i}` })
    }
    const sameBoard = async (label: string) => {
      // The server has everything the writer sent (it stores before it shares).
      const room = () => harness.server.server.rooms.loadedRooms().find((loaded) => loaded.name === board.id)
      const stateOf = (doc: Y.Doc | undefined) =>
        doc ? Buffer.from(Y.encodeStateVector(doc)).toString('hex') : ''
      await waitFor(() => stateOf(room()?.doc) === stateOf(writer.doc), 10_000, `${label}: server caught up`)
      const joiner = harness.connect(board.id, token)
      await joiner.synced
      // Complete when it says it is synced, not a moment later: a client reads its board then.
      const expected = listNotes(writer.doc).length
      expect(listNotes(joiner.doc).length, label).toBe(expected)
      expect(Y.encodeStateVector(joiner.doc), label).toEqual(Y.encodeStateVector(writer.doc))
      expect(
        listNotes(joiner.doc)
          .map((note) => note.text)
          .sort(),
        label,
      ).toEqual(
        listNotes(writer.doc)
          .map((note) => note.text)
          .sort(),
      )
    }
    add(20, 'eerst')
    await sameBoard('first joiner (builds the cache)')
    await sameBoard('second joiner (from the cache)')
    add(30, 'daarna')
    await sameBoard('joiner after 30 changes behind the cache')
    // One change at a time, more than the cache keeps behind it: it is encoded afresh.
    for (let i = 0; i < 520; i++) writer.doc.getMap('meta').set('teller', i)
    await sameBoard('joiner after the cache was dropped')
  }, 60_000)
})
