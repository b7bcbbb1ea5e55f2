import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { lockedIds } from '../../shared/src/model/facilitation'
import { notesRoot } from '../../shared/src/model/schema'
import { controlRoom } from '../../shared/src/rooms'
import { craftUpdate, sendRawUpdate } from '../helpers/craftedUpdates'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import {
  applyAttack,
  applyHonest,
  attack,
  buildBoard,
  clientId,
  ENCODINGS,
  type Encoding,
  honest,
  NOTES,
  protectedState,
  protectedStateAfter,
  recoder,
} from '../helpers/lockAttacks'
import { createBoard, participantIdOf, tokenFor } from '../helpers/testServer'
import { sleep, waitFor } from '../helpers/yclient'

/**
 * Issue 16, F4, end to end: generated attacks (tests/helpers/lockAttacks.ts) sent as hand-made
 * updates over a participant's socket to the real server. Every one that would change a lock, a
 * locked zone, someone else's note or the layout is refused with 4409 and reaches nobody; honest
 * edits in any encoding are stored and shared.
 */
describe('generated lock attacks through the real server', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Varianten')
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    // Anna's participant id, as the server reads it from her token.
    const annaId = participantIdOf(anna)
    const content = harness.connect(board.id, facilitator)
    const control = harness.connect(controlRoom(board.id), facilitator)
    const watcher = harness.connect(board.id, facilitator)
    const watcherControl = harness.connect(controlRoom(board.id), facilitator)
    await Promise.all([content.synced, control.synced, watcher.synced, watcherControl.synced])
    const older = buildBoard(content.doc, control.doc, annaId)
    await waitFor(() => notesRoot(watcher.doc).has(NOTES.others), 3000, 'board shared')
    await waitFor(() => lockedIds(watcherControl.doc).size === 2, 3000, 'locks shared')
    // Everything the facilitator wrote has arrived; then the server's placement repair (it moves
    // the notes into their zones) has run once the board stops changing.
    const covers = (doc: Y.Doc, of: Y.Doc) =>
      [...Y.decodeStateVector(Y.encodeStateVector(of))].every(
        ([id, clock]) => Y.getState(doc.store, id) >= clock,
      )
    await waitFor(() => covers(watcher.doc, content.doc), 3000, 'board shared')
    let settled = ''
    for (let now = protectedState(watcher.doc); now !== settled; now = protectedState(watcher.doc)) {
      settled = now
      await sleep(200)
    }
    return { board, anna, watcher, older }
  }

  it('refuses every generated attack that would change protected state, and shares nothing of it', async () => {
    const { board, anna, watcher, older } = await setup()
    const start = protectedState(watcher.doc)
    let sent = 0
    await fc.assert(
      fc.asyncProperty(
        attack,
        fc.constantFrom('seen', 'blind', 'older'),
        clientId,
        fc.constantFrom(...ENCODINGS),
        async (step, view, client, encoding) => {
          const base = view === 'seen' ? watcher.doc : view === 'older' ? older : undefined
          const update = craftUpdate({
            base,
            clientID: client,
            edit: (doc) => applyAttack(doc, step),
            recode: recoder(encoding),
          })
          // Only real attacks: one that changes nothing (a value that loses its key) may pass.
          fc.pre(protectedStateAfter(watcher.doc, update) !== start)
          sent++
          const socket = harness.connect(board.id, anna)
          await socket.synced
          const closed = nextCloseCode(socket)
          sendRawUpdate(socket, update)
          expect(await Promise.race([closed, sleep(3000).then(() => 'still open')])).toBe(4409)
          socket.destroy()
          expect(protectedState(watcher.doc)).toBe(start)
        },
      ),
      { numRuns: 60 },
    )
    console.info(`attacks sent through the server: ${sent}`)
    expect(sent).toBe(60)
  })

  it('stores and shares honest edits in any encoding', async () => {
    const { board, anna, watcher } = await setup()
    const start = protectedState(watcher.doc)
    const socket = harness.connect(board.id, anna)
    await socket.synced
    const closes: number[] = []
    socket.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0))
    await fc.assert(
      fc.asyncProperty(
        honest,
        fc.constantFrom<Encoding>('any', 'json'),
        clientId,
        async (step, encoding, client) => {
          const update = craftUpdate({
            base: watcher.doc,
            clientID: client,
            edit: (doc) => applyHonest(doc, step),
            recode: recoder(encoding),
          })
          sendRawUpdate(socket, update)
          const brought = new Map<number, number>()
          for (const struct of Y.decodeUpdate(update).structs)
            brought.set(struct.id.client, struct.id.clock + struct.length)
          await waitFor(
            () => [...brought].every(([id, end]) => Y.getState(watcher.doc.store, id) >= end),
            3000,
            'honest edit shared',
          )
          expect(closes).toEqual([])
        },
      ),
      { numRuns: 30 },
    )
    expect(protectedState(watcher.doc)).toBe(start)
  })
})
