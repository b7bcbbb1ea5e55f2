import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createNote, listNotes } from '../../shared/src/model/notes'
import {
  api,
  type CreatedBoard,
  createBoard,
  startTestServer,
  type TestServer,
  tokenFor,
} from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)

/** A sync "update" frame around arbitrary payload bytes. */
function updateFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An update that builds on history the server never saw (its first change is left out). */
function updateWithMissingDependency(): Uint8Array {
  const doc = new Y.Doc()
  const notes = doc.getMap('notes')
  notes.set('first', 1)
  const before = Y.encodeStateVector(doc)
  notes.set('second', 2)
  return Y.encodeStateAsUpdate(doc, before)
}

function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  createNote(doc, { x: 0, y: 0, authorId: 'f', authorName: 'F', text })
  return Y.encodeStateAsUpdate(doc)
}

/** Frames that must close the socket that sent them, each kind built to be invalid. */
const invalidFrame = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => new Uint8Array(n).fill(0xff)), // a varint that never ends
  fc.integer({ min: 5, max: 0x7fffffff }).map((n) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint(encoder, n) // claims n bytes, carries 3
    encoding.writeUint8Array(encoder, new Uint8Array([1, 2, 3]))
    return encoding.toUint8Array(encoder)
  }),
  fc.string({ minLength: 1, maxLength: 40 }).chain((text) => {
    const frame = updateFrame(validUpdate(text))
    return fc.integer({ min: 1, max: frame.length - 1 }).map((cut) => frame.slice(0, cut))
  }),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((garbage) => updateFrame(garbage))
    .filter((frame) => {
      try {
        Y.decodeUpdate(frame.slice(3))
        return false
      } catch {
        return true
      }
    }),
  // After its sync step 2 (here: an empty one) a client has nothing left to fill a gap with.
  fc
    .constant(null)
    .map(() => [syncStep2Frame(new Uint8Array([0, 0])), updateFrame(updateWithMissingDependency())]),
  fc.integer({ min: 4, max: 200 }).map((type) => new Uint8Array([type, 0, 0])), // unknown message types
  fc.constant(new Uint8Array([0, 9, 0])), // unknown sync sub-type
)

describe('fuzzing the WebSocket protocol', () => {
  let server: TestServer
  let board: CreatedBoard
  let token: string
  let writer: YClient
  let neighbour: YClient
  let frames = 0

  beforeAll(async () => {
    server = await startTestServer({ config: { maxFrameBytes: 256 * 1024 } })
    board = await createBoard(server.url, 'Fuzz')
    token = await tokenFor(server.url, board, 'participant')
    writer = connectClient(server.wsUrl, board.id, token)
    await writer.synced
    for (let i = 0; i < 5; i++)
      createNote(writer.doc, { x: i, y: 0, authorId: 'w', authorName: 'W', text: `kept ${i}` })
    writer.provider.awareness.setLocalStateField('user', { name: 'Writer' })
    const other = await createBoard(server.url, 'Buren')
    neighbour = connectClient(server.wsUrl, other.id, await tokenFor(server.url, other, 'participant'))
    await neighbour.synced
    await waitFor(() => server.server.rooms.loadedRoomNames().includes(board.id))
    // The server puts the writer's own name on their new notes right after storing them: wait for
    // that, or the "changes nothing" checks below would see the correction arrive.
    await waitFor(
      () => listNotes(writer.doc).filter((note) => note.authorName === 'participant').length === 5,
    )
  })
  afterAll(async () => {
    writer.destroy()
    neighbour.destroy()
    await server.close()
    console.info(`[figure] fuzz: ${frames} frames tried`)
  })

  /** Sends one frame on a fresh socket; resolves with the close code, or null if still open. */
  function send(frame: Uint8Array | string | Uint8Array[], waitMs = 300): Promise<number | null> {
    frames++
    return new Promise((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${board.id}?token=${token}`)
      const timer = setTimeout(() => {
        ws.terminate()
        resolve(null)
      }, waitMs)
      ws.on('open', () => {
        for (const part of Array.isArray(frame) ? frame : [frame]) ws.send(part)
      })
      ws.on('close', (code) => {
        clearTimeout(timer)
        resolve(code)
      })
      ws.on('error', () => {})
    })
  }

  const roomState = async () => {
    const room = await server.server.rooms.peek(board.id)
    return room ? Y.encodeStateAsUpdate(room.doc) : null
  }

  it('closes only the offending socket for every invalid frame and changes nothing', async () => {
    const before = await roomState()
    await fc.assert(
      fc.asyncProperty(invalidFrame, async (frame) => {
        expect(await send(frame, 2000)).toBe(4400)
      }),
      { numRuns: RUNS, seed: 20261123 },
    )
    expect(await send('text frames are not y-websocket', 2000)).toBe(4400)
    expect(await send(new Uint8Array(300 * 1024), 2000)).toBe(1009)
    expect(await roomState()).toEqual(before)
  })

  it('survives random bytes: the server keeps serving this room and others', async () => {
    const before = await roomState()
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 300 }), async (frame) => {
        const code = await send(frame, 100)
        expect([null, 4400, 1005]).toContain(code)
      }),
      { numRuns: RUNS, seed: 42 },
    )
    expect(await roomState()).toEqual(before)
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200)
    createNote(writer.doc, { x: 0, y: 0, authorId: 'w', authorName: 'W', text: 'still here' })
    const probe = connectClient(server.wsUrl, board.id, token)
    await waitFor(() => listNotes(probe.doc).some((n) => n.text === 'still here'), 3000, 'room still serves')
    probe.destroy()
    createNote(neighbour.doc, { x: 0, y: 0, authorId: 'n', authorName: 'N', text: 'next door' })
    expect(neighbour.provider.wsconnected).toBe(true)
  })

  it("ignores awareness that claims another client's id", async () => {
    const room = await server.server.rooms.peek(board.id)
    const victim = writer.doc.clientID
    const entries = encoding.createEncoder()
    encoding.writeVarUint(entries, 1) // one entry: the victim's id, a newer clock, a new name
    encoding.writeVarUint(entries, victim)
    encoding.writeVarUint(entries, 10_000)
    encoding.writeVarString(entries, JSON.stringify({ user: { name: 'Spoofed' } }))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1) // awareness message
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entries))
    await send(encoding.toUint8Array(encoder), 200)
    expect((room?.awareness.getStates().get(victim) as { user?: { name: string } })?.user?.name).toBe(
      'Writer',
    )
  })
})
