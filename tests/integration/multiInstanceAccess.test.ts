import { Redis } from 'ioredis'
import pg from 'pg'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CONTROL_CHANNEL, encodeControl } from '../../server/src/fanout/control'
import type { Fanout } from '../../server/src/fanout/types'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { controlRoom } from '../../shared/src/rooms'
import { nextCloseCode } from '../helpers/harness'
import { type Instance, instanceHarness } from '../helpers/instances'
import { DATABASE_URL, REDIS_URL, servicesAvailable } from '../helpers/services'
import { api, type CreatedBoard, createBoard, tokenFor } from '../helpers/testServer'
import { roomUpgradeStatus } from '../helpers/upgrade'
import { sleep, waitFor, type YClient } from '../helpers/yclient'

/**
 * Access ends on every instance, not only the one that took the request: two real instances on
 * one PostgreSQL schema and the real Redis; every change goes to instance one's HTTP API while
 * the affected sockets are on instance two.
 */
describe.skipIf(!servicesAvailable.postgres || !servicesAvailable.redis)(
  'several instances: revocation, roles and deletion reach every instance',
  () => {
    const harness = instanceHarness()
    afterEach(() => harness.cleanup())
    afterAll(() => harness.dropSchemas())

    const asFacilitator = (board: CreatedBoard) => ({ authorization: `Bearer ${board.facilitatorKey}` })
    const participantId = async (one: Instance, board: CreatedBoard, token: string) =>
      (
        await api<{ participantId: string }>(one.url, 'GET', `/api/boards/${board.id}`, undefined, {
          authorization: `Bearer ${token}`,
        })
      ).body.participantId
    /** Note texts PostgreSQL holds for the board's content room (what a fresh load would show). */
    const storedTexts = async (instance: Instance, board: CreatedBoard) => {
      const stored = await instance.server.store.loadRoom(board.id)
      const doc = new Y.Doc()
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      return listNotes(doc).map((note) => note.text)
    }
    const write = (client: YClient, text: string) =>
      createNote(client.doc, { x: 0, y: 0, authorId: 'x', authorName: 'X', text })

    it('a participant revoked via instance one loses their socket on instance two, and their writes', async () => {
      const db = harness.schema()
      const one = await harness.start(db)
      const two = await harness.start(db)
      const board = await createBoard(one.url)
      const removedToken = await tokenFor(one.url, board, 'participant', 'Weg')
      const removed = harness.connect(two.wsUrl, board.id, removedToken)
      const stays = harness.connect(
        two.wsUrl,
        board.id,
        await tokenFor(one.url, board, 'participant', 'Blijft'),
      )
      await Promise.all([removed.synced, stays.synced])
      write(removed, 'before')
      await waitFor(() => listNotes(stays.doc).length === 1, 2000, 'a write before the revocation')

      const closed = nextCloseCode(removed)
      const pid = await participantId(one, board, removedToken)
      const revoke = `/api/boards/${board.id}/participants/${pid}/revoke`
      expect((await api(one.url, 'POST', revoke, undefined, asFacilitator(board))).status).toBe(204)
      expect(await closed).toBe(4403)

      write(removed, 'after revocation')
      await sleep(500)
      expect(await storedTexts(one, board)).toEqual(['before'])
      expect(listNotes(stays.doc).map((note) => note.text)).toEqual(['before'])
      expect(stays.provider.wsconnected).toBe(true)
      expect(await roomUpgradeStatus(two, board.id, removedToken)).toBe(401)
    })

    it('a new facilitator key via instance one closes old facilitator sockets on instance two', async () => {
      const db = harness.schema()
      const one = await harness.start(db)
      const two = await harness.start(db)
      const board = await createBoard(one.url)
      const facilitator = harness.connect(two.wsUrl, board.id, await tokenFor(one.url, board, 'facilitator'))
      const participant = harness.connect(two.wsUrl, board.id, await tokenFor(one.url, board, 'participant'))
      await Promise.all([facilitator.synced, participant.synced])

      const closed = nextCloseCode(facilitator)
      expect(
        (await api(one.url, 'POST', `/api/boards/${board.id}/key`, undefined, asFacilitator(board))).status,
      ).toBe(200)
      expect(await closed).toBe(4403)
      await sleep(200)
      expect(participant.provider.wsconnected).toBe(true)
    })

    it('a participant made viewer via instance one reconnects on instance two read-only', async () => {
      const db = harness.schema()
      const one = await harness.start(db)
      const two = await harness.start(db)
      const board = await createBoard(one.url)
      const token = await tokenFor(one.url, board, 'participant', 'Anna')
      const anna = harness.connect(two.wsUrl, board.id, token)
      await anna.synced

      const closed = nextCloseCode(anna)
      const pid = await participantId(one, board, token)
      const setRole = `/api/boards/${board.id}/participants/${pid}/role`
      expect((await api(one.url, 'POST', setRole, { role: 'viewer' }, asFacilitator(board))).status).toBe(204)
      expect(await closed).toBe(4000)
      // The stock client reconnects by itself; the new socket is a viewer's.
      await waitFor(() => anna.provider.wsconnected && anna.provider.synced, 3000, 'reconnect')
      write(anna, 'as a viewer')
      await sleep(500)
      expect(await storedTexts(one, board)).toEqual([])
    })

    it('a board deleted via instance one closes its sockets on instance two and nothing more is stored', async () => {
      const db = harness.schema()
      const one = await harness.start(db)
      // Instance two gets control messages only when the test lets them through, so that a write
      // can land on it between the deletion and the message: the race the sweep must clean up.
      let deliver!: () => void
      const delivered = new Promise<void>((resolve) => {
        deliver = resolve
      })
      const gated = (f: Fanout): Fanout => ({
        ...f,
        onControl: (handler) => f.onControl((message) => void delivered.then(() => handler(message))),
      })
      const two = await harness.start(db, { fanout: gated })
      const board = await createBoard(one.url)
      const token = await tokenFor(one.url, board, 'participant')
      const content = harness.connect(two.wsUrl, board.id, token)
      const control = harness.connect(two.wsUrl, controlRoom(board.id), token)
      await Promise.all([content.synced, control.synced])

      const closedContent = nextCloseCode(content)
      const closedControl = nextCloseCode(control)
      expect(
        (await api(one.url, 'DELETE', `/api/boards/${board.id}`, undefined, asFacilitator(board))).status,
      ).toBe(204)
      expect(await boardRows(db, board.id)).toBe(0)
      write(content, 'in the race')
      await waitFor(() => listNotes(content.doc).length === 1, 1000, 'local note')
      // Without the message, instance two stores the write and so recreates rows of the board.
      await pollUntil(async () => (await boardRows(db, board.id)) > 0, 3000, 'the racing write stored')

      deliver()
      expect(await closedContent).toBe(4410)
      expect(await closedControl).toBe(4410)
      await pollUntil(async () => (await boardRows(db, board.id)) === 0, 3000, 'rows swept')
      write(content, 'after deletion')
      await sleep(500)
      expect(await boardRows(db, board.id)).toBe(0)
      expect(await roomUpgradeStatus(two, board.id, token)).toBe(401)
      expect(two.server.rooms.loadedRoomNames().filter((name) => name.startsWith(board.id))).toEqual([])
    })

    it('ignores forged and malformed control messages: storage decides who is revoked', async () => {
      const db = harness.schema()
      const one = await harness.start(db)
      const two = await harness.start(db)
      const board = await createBoard(one.url)
      const token = await tokenFor(one.url, board, 'participant')
      const client = harness.connect(two.wsUrl, board.id, token)
      await client.synced
      const pid = await participantId(one, board, token)

      const redis = new Redis(REDIS_URL)
      const from = 'f'.repeat(16)
      await redis.publish(
        CONTROL_CHANNEL,
        encodeControl(from, { boardId: board.id, target: { participantId: pid }, event: 'revoked' }),
      )
      await redis.publish(
        CONTROL_CHANNEL,
        encodeControl(from, { boardId: board.id, target: 'everyone', event: 'deleted' }),
      )
      await redis.publish(
        CONTROL_CHANNEL,
        JSON.stringify({ from, message: { boardId: '../x', event: 'deleted' } }),
      )
      await redis.publish(CONTROL_CHANNEL, 'not json')
      await redis.quit()
      await sleep(500)
      expect(client.provider.wsconnected).toBe(true)
      write(client, 'still here')
      await waitFor(() => listNotes(client.doc).length === 1, 1000, 'local note')
      await pollUntil(async () => (await storedTexts(one, board)).includes('still here'), 3000, 'stored')
    })
  },
)

/** Rows of any of the board's rooms left in the schema's tables. */
async function boardRows(schema: string, boardId: string): Promise<number> {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    let total = 0
    for (const table of ['room_heads', 'room_updates', 'room_snapshots']) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM ${schema}.${table} WHERE room = $1 OR left(room, length($1) + 1) = $1 || '/'`,
        [boardId],
      )
      total += Number(rows[0]?.n ?? 0)
    }
    return total
  } finally {
    await client.end()
  }
}

async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}
