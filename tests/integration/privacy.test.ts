import { describe, expect, it } from 'vitest'
import { createNote } from '../../shared/src/model/notes'
import { controlRoom } from '../../shared/src/rooms'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { waitFor } from '../helpers/yclient'

const DAY = 24 * 60 * 60_000
type Info = { participantId: string }

describe('deleting boards, retention, revoking access', () => {
  const harness = serverHarness()

  it('deletes a board now, with everything stored of it, and closes its sockets', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url)
    const other = await createBoard(server.url)
    const participant = await tokenFor(server.url, board, 'participant')
    const client = harness.connect(board.id, participant)
    await client.synced
    createNote(client.doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'geheim' })
    await waitFor(() => (server.server.rooms.loadedRoomNames().length ?? 0) > 0)

    const auth = (token: string) => ({ authorization: `Bearer ${token}` })
    expect(
      (await api(server.url, 'DELETE', `/api/boards/${board.id}`, undefined, auth(participant))).status,
    ).toBe(403)
    const closed = nextCloseCode(client)
    expect(
      (await api(server.url, 'DELETE', `/api/boards/${board.id}`, undefined, auth(board.facilitatorKey)))
        .status,
    ).toBe(204)
    expect(await closed).toBe(4410)

    const store = server.server.store
    expect(await store.getBoard(board.id)).toBeNull()
    for (const room of [board.id, controlRoom(board.id)]) {
      expect(await store.loadRoom(room)).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    }
    expect(server.server.rooms.loadedRoomNames()).not.toContain(board.id)
    expect(
      (await api(server.url, 'GET', `/api/boards/${board.id}`, undefined, auth(participant))).status,
    ).toBe(404)
    expect(await store.getBoard(other.id)).not.toBeNull()
  })

  it('records activity and deletes boards idle for longer than the retention period', async () => {
    const server = await harness.start()
    const idle = await createBoard(server.url, 'Oud')
    const active = await createBoard(server.url, 'Actief')
    // Activity starts at creation; the first stored change after that moves it on.
    const createdAt = (await server.server.store.getBoard(active.id))?.lastActivityAt ?? 0
    await new Promise((resolve) => setTimeout(resolve, 5))
    const client = harness.connect(active.id, await tokenFor(server.url, active, 'participant'))
    await client.synced
    createNote(client.doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'nieuw' })
    await expect
      .poll(async () => (await server.server.store.getBoard(active.id))?.lastActivityAt ?? 0)
      .toBeGreaterThan(createdAt)

    // Ninety days on, with the active board touched again in between, only the idle one goes.
    const now = Date.now()
    await server.server.store.touchBoard(active.id, now + 10 * DAY)
    const deleted = await server.server.boards.deleteInactive(90, now + 95 * DAY)
    expect(deleted).toEqual([idle.id])
    expect(await server.server.store.getBoard(idle.id)).toBeNull()
    expect(await server.server.store.getBoard(active.id)).not.toBeNull()
  })

  it("revokes one participant's access at once and for good", async () => {
    const server = await harness.start()
    const board = await createBoard(server.url)
    const removed = await tokenFor(server.url, board, 'participant', 'Weg')
    const stays = await tokenFor(server.url, board, 'participant', 'Blijft')
    const a = harness.connect(board.id, removed)
    const b = harness.connect(board.id, stays)
    await Promise.all([a.synced, b.synced])
    const info = await api<Info>(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
      authorization: `Bearer ${removed}`,
    })

    const closed = nextCloseCode(a)
    const res = await api(
      server.url,
      'POST',
      `/api/boards/${board.id}/participants/${info.body.participantId}/revoke`,
      undefined,
      {
        authorization: `Bearer ${board.facilitatorKey}`,
      },
    )
    expect(res.status).toBe(204)
    expect(await closed).toBe(4403)
    expect(
      (
        await api(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
          authorization: `Bearer ${removed}`,
        })
      ).status,
    ).toBe(401)
    expect(
      (
        await api(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
          authorization: `Bearer ${stays}`,
        })
      ).status,
    ).toBe(200)
    expect(b.provider.wsconnected).toBe(true)
  })

  it('rotates the facilitator key: the old key and old facilitator tokens stop working', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url)
    const oldToken = await tokenFor(server.url, board, 'facilitator')
    const participant = await tokenFor(server.url, board, 'participant')
    const facilitator = harness.connect(board.id, oldToken)
    await facilitator.synced
    const closed = nextCloseCode(facilitator)
    const rotated = await api<{ facilitatorKey: string; token: string }>(
      server.url,
      'POST',
      `/api/boards/${board.id}/key`,
      undefined,
      {
        authorization: `Bearer ${board.facilitatorKey}`,
      },
    )
    expect(rotated.status).toBe(200)
    expect(await closed).toBe(4403)
    const mint = (key: string) =>
      api(
        server.url,
        'POST',
        `/api/boards/${board.id}/tokens`,
        { role: 'viewer', name: 'x' },
        { authorization: `Bearer ${key}` },
      )
    expect((await mint(board.facilitatorKey)).status).toBe(401)
    expect((await mint(rotated.body.facilitatorKey)).status).toBe(201)
    const get = (token: string) =>
      api(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
        authorization: `Bearer ${token}`,
      })
    expect((await get(oldToken)).status).toBe(401)
    expect((await get(rotated.body.token)).status).toBe(200)
    expect((await get(participant)).status).toBe(200)
  })
})
