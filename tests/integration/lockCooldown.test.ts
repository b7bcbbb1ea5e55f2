import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { lockedIds, setLocked } from '../../shared/src/model/facilitation'
import { createNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { controlRoom } from '../../shared/src/rooms'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { createBoard, participantIdOf, tokenFor } from '../helpers/testServer'
import { roomUpgradeStatus } from '../helpers/upgrade'
import { waitFor } from '../helpers/yclient'

/**
 * A refused edit costs the server a rebuild of the board's scratch copy (sync/scratchDocs.ts), so
 * the refused participant may not reconnect to that board at once (HTTP 429, for ten times that
 * cost): a script that retries a refused edit in a loop cannot keep the server busy rebuilding.
 * Others, and other boards, are not held up.
 */
describe('after a refused edit, the participant waits before reconnecting', () => {
  const harness = serverHarness()

  it('answers 429 to the refused participant right after the refusal, and 101 to others', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Groot bord')
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    const bram = await tokenFor(server.url, board, 'participant', 'Bram')
    // Anna's participant id, as the server reads it from her token.
    const annaId = participantIdOf(anna)
    const writer = harness.connect(board.id, facilitator)
    const control = harness.connect(controlRoom(board.id), facilitator)
    await Promise.all([writer.synced, control.synced])
    // A board big enough that rebuilding its copy takes a noticeable time.
    writer.doc.transact(() => {
      for (let i = 0; i < 600; i++) {
        createNote(writer.doc, {
          x: 3000 + (i % 30) * 200,
          y: Math.floor(i / 30) * 200,
          authorId: annaId,
          authorName: 'Anna',
          text: `Briefje ${i} met wat tekst`,
        })
      }
    })
    const locked = [...notesRoot(writer.doc).keys()][0] ?? ''
    setLocked(control.doc, locked, true)
    const a = harness.connect(board.id, anna)
    await a.synced
    await waitFor(() => notesRoot(a.doc).size === 600, 10_000, 'board loaded')
    const annaControl = harness.connect(controlRoom(board.id), anna)
    await annaControl.synced
    await waitFor(() => lockedIds(annaControl.doc).has(locked), 3000, 'lock shared')

    const closed = nextCloseCode(a)
    ;(notesRoot(a.doc).get(locked) as Y.Map<unknown>).set('color', 'red')
    expect(await closed).toBe(4409)
    a.destroy()
    expect(await roomUpgradeStatus(server, board.id, anna)).toBe(429)
    expect(await roomUpgradeStatus(server, board.id, bram)).toBe(101)
  })
})
