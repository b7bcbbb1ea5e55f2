import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardLimits } from '../../server/src/sync/boardLimits'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { CLOSE_CODES } from '../../shared/src/protocol'
import { contentRoom } from '../../shared/src/rooms'
import { importBigBoard } from '../helpers/floodsMeasure'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { createBoard, tokenFor } from '../helpers/testServer'
import { sleep, waitFor, type YClient } from '../helpers/yclient'

/**
 * Issue 16, F2: limits per board on every write path (a socket's updates, server actions, import).
 * A participant pushing large updates is stopped at the byte limit with close code 4413 and the
 * database and the server's memory stop growing there; everyone else keeps working. Each other
 * limit (notes, text length, nesting, unknown root types) refuses the update that crosses it and
 * leaves the board as it was.
 */

const LIMITS: BoardLimits = { maxRoomBytes: 4 * 1024 * 1024, maxNotes: 300, maxTextLength: 6000, maxDepth: 8 }
const NOTE_TEXT = 'lang verhaal over de buurt '.repeat(200).slice(0, 5000)

const databaseBytes = (dataDir: string) =>
  ['oogst.sqlite', 'oogst.sqlite-wal']
    .map((file) => path.join(dataDir, file))
    .filter((file) => fs.existsSync(file))
    .reduce((sum, file) => sum + fs.statSync(file).size, 0)

describe('board limits', () => {
  const harness = serverHarness()

  async function boardWith(limits: Partial<BoardLimits> = {}) {
    const server = await harness.start({ config: { board: { ...LIMITS, ...limits } } })
    const board = await createBoard(server.url)
    const connect = async (role: 'facilitator' | 'participant', name: string, room = board.id) => {
      const client = harness.connect(room, await tokenFor(server.url, board, role, name))
      await client.synced
      return client
    }
    return { server, board, connect }
  }

  it('stops a participant pushing large updates at the byte limit; others keep working', async () => {
    const { server, board, connect } = await boardWith({ maxNotes: 100_000 })
    const flooder = await connect('participant', 'Vuller')
    const reader = await connect('participant', 'Lezer')
    const closed = nextCloseCode(flooder)
    let code = 0
    void closed.then((value) => {
      code = value
    })
    const rssBefore = process.memoryUsage().rss
    let pushed = 0
    // 40 notes of 5,000 characters per update (~200 KB), 20 a second: within the update rate.
    while (code === 0 && pushed < 200) {
      flooder.doc.transact(() => {
        for (let i = 0; i < 40; i++)
          createNote(flooder.doc, { x: i, y: pushed, authorId: 'x', authorName: 'Vuller', text: NOTE_TEXT })
      })
      pushed++
      await sleep(50)
    }
    expect(await closed).toBe(CLOSE_CODES.boardLimit)
    const storedNow = async () => {
      const stored = await server.server.store.loadRoom(contentRoom(board.id))
      return [stored.snapshot, ...stored.updates].reduce((sum, update) => sum + (update?.byteLength ?? 0), 0)
    }
    const atLimit = await storedNow()
    // Another socket of the same participant keeps pushing: every update is refused, nothing grows.
    const again = await connect('participant', 'Vuller')
    const closedAgain = nextCloseCode(again)
    for (let i = 0; i < 5; i++) {
      again.doc.transact(() => {
        for (let n = 0; n < 40; n++)
          createNote(again.doc, { x: n, y: i, authorId: 'x', authorName: 'Vuller', text: NOTE_TEXT })
      })
      await sleep(50)
    }
    expect(await closedAgain).toBe(CLOSE_CODES.boardLimit)
    const room = harness.server.server.rooms
      .loadedRooms()
      .find((loaded) => loaded.name === contentRoom(board.id))
    const rssGrowthMb = Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024)
    console.log(
      `[figure] byte limit ${LIMITS.maxRoomBytes} B: flooder sent ${pushed} updates (~${pushed * 200} KB) before 4413; ` +
        `stored in the database ${atLimit} B, after 5 more refused updates ${await storedNow()} B; ` +
        `database files ${databaseBytes(server.dataDir)} B (WAL included); server+test process RSS +${rssGrowthMb} MB`,
    )
    expect(atLimit).toBeLessThanOrEqual(LIMITS.maxRoomBytes)
    expect(await storedNow()).toBe(atLimit)
    expect(room?.storedBytes).toBeLessThanOrEqual(LIMITS.maxRoomBytes)
    expect(pushed).toBeLessThan(60)
    // The reader has what was stored; an honest participant on another board is unaffected.
    await waitFor(() => listNotes(reader.doc).length === listNotes(room?.doc ?? new Y.Doc()).length, 10_000)
    const other = await createBoard(server.url)
    const honest = harness.connect(other.id, await tokenFor(server.url, other, 'participant', 'Eerlijk'))
    const watcher = harness.connect(other.id, await tokenFor(server.url, other, 'facilitator', 'Kijker'))
    await Promise.all([honest.synced, watcher.synced])
    createNote(honest.doc, { x: 0, y: 0, authorId: 'x', authorName: 'Eerlijk', text: 'gewoon een briefje' })
    await waitFor(() => listNotes(watcher.doc).some((note) => note.text === 'gewoon een briefje'), 5000)
  }, 60_000)

  /** Sends one change from a new client; resolves with the close code (0: still open after 1.5 s). */
  async function refusedCode(client: YClient, change: (doc: Y.Doc) => void): Promise<number> {
    const closed = nextCloseCode(client)
    change(client.doc)
    return Promise.race([closed, sleep(1500).then(() => 0)])
  }

  it('refuses the note past the note limit, a text past the length limit, deep nesting and unknown root types', async () => {
    const { board, connect } = await boardWith({ maxNotes: 5 })
    const writer = await connect('facilitator', 'Begeleider')
    for (let i = 0; i < 5; i++)
      createNote(writer.doc, { x: i, y: 0, authorId: 'f', authorName: 'B', text: `${i}` })
    const watcher = await connect('facilitator', 'Kijker')
    await waitFor(() => listNotes(watcher.doc).length === 5)

    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['a sixth note', (doc) => createNote(doc, { x: 9, y: 9, authorId: 'f', authorName: 'B', text: 'zes' })],
      [
        'a text past the limit',
        (doc) => {
          const text = (doc.getMap('notes').values().next().value as Y.Map<unknown>).get('text') as Y.Text
          text.insert(0, 'x'.repeat(LIMITS.maxTextLength))
        },
      ],
      [
        'a value nested 20 deep',
        (doc) => {
          let value: unknown = 'bodem'
          for (let i = 0; i < 20; i++) value = { in: value }
          doc.getMap('meta').set('diep', value)
        },
      ],
      ['an unknown root type', (doc) => doc.getMap('stiekem').set('x', 1)],
    ]
    for (const [what, change] of attempts) {
      const client = await connect('facilitator', what)
      expect(await refusedCode(client, change), what).toBe(CLOSE_CODES.boardLimit)
    }
    // Nothing of it reached the board; honest edits still go through.
    const room = harness.server.server.rooms
      .loadedRooms()
      .find((loaded) => loaded.name === contentRoom(board.id))
    expect(listNotes(room?.doc ?? new Y.Doc())).toHaveLength(5)
    expect(room?.doc.share.has('stiekem')).toBe(false)
    expect(room?.doc.getMap('meta').has('diep')).toBe(false)
    const first = room?.doc.getMap('notes').values().next().value as Y.Map<unknown>
    expect((first.get('text') as Y.Text).length).toBeLessThan(10)
    writer.doc.getMap('meta').set('title', 'Nieuwe titel')
    await waitFor(() => watcher.doc.getMap('meta').get('title') === 'Nieuwe titel')
  }, 60_000)

  it('refuses an imported backup past a limit with 413', async () => {
    const { server } = await boardWith({ maxNotes: 50 })
    await expect(importBigBoard(server.url, 60, 100)).rejects.toThrow(/413.*board_limit/)
    await expect(importBigBoard(server.url, 50, 100)).resolves.toMatchObject({ id: expect.any(String) })
  }, 60_000)
})
