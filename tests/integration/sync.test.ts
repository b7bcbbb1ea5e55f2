import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { readBoardMeta } from '../../shared/src/model/meta'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { sessionRoot } from '../../shared/src/model/schema'
import { controlRoom } from '../../shared/src/rooms'
import { api, createBoard, startTestServer, type TestServer, tokenFor } from '../helpers/testServer'
import { upgradeStatus } from '../helpers/upgrade'
import { connectClient, sleep, waitFor, type YClient } from '../helpers/yclient'

describe('sync server with real y-websocket clients', () => {
  let server: TestServer | undefined
  const clients: YClient[] = []
  const connect = (...args: Parameters<typeof connectClient>) => {
    const client = connectClient(...args)
    clients.push(client)
    return client
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close()
    server = undefined
  })

  it('two clients converge, and a note reaches the other client quickly', async () => {
    server = await startTestServer()
    const board = await createBoard(server.url, 'Wijkavond')
    const a = connect(server.wsUrl, board.id, await tokenFor(server.url, board, 'facilitator'))
    const b = connect(server.wsUrl, board.id, await tokenFor(server.url, board, 'participant'))
    await Promise.all([a.synced, b.synced])
    expect(readBoardMeta(b.doc).title).toBe('Wijkavond')

    createNote(a.doc, { x: 10, y: 20, authorId: 'a', authorName: 'Anne', text: 'Buurtkamer op woensdag' })
    const elapsed = await waitFor(() => listNotes(b.doc).length === 1, 2000, 'note on b')
    expect(listNotes(b.doc)[0]?.text).toBe('Buurtkamer op woensdag')
    expect(elapsed).toBeLessThan(1000)
    console.info(`[figure] note from client A visible on client B after ${elapsed.toFixed(1)} ms`)

    createNote(b.doc, { x: 300, y: 20, authorId: 'b', authorName: 'Bram', text: 'Koffie helpt' })
    await waitFor(() => listNotes(a.doc).length === 2, 2000, 'second note on a')
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('a restarted server still has every note', async () => {
    server = await startTestServer()
    const dataDir = server.dataDir
    const board = await createBoard(server.url)
    const token = await tokenFor(server.url, board, 'participant')
    const writer = connect(server.wsUrl, board.id, token)
    await writer.synced
    for (let i = 0; i < 25; i++)
      createNote(writer.doc, { x: i, y: i, authorId: 'w', authorName: 'W', text: `n${i}` })
    const probe = connect(server.wsUrl, board.id, token)
    await waitFor(() => listNotes(probe.doc).length === 25, 3000, 'notes broadcast')
    writer.destroy()
    probe.destroy()
    await server.close()

    server = await startTestServer({ dataDir })
    const reader = connect(server.wsUrl, board.id, await tokenFor(server.url, board, 'viewer'))
    await reader.synced
    expect(
      listNotes(reader.doc)
        .map((n) => n.text)
        .sort(),
    ).toEqual(Array.from({ length: 25 }, (_, i) => `n${i}`).sort())
  })

  it("drops a participant's writes to the control room and a viewer's writes to the board", async () => {
    server = await startTestServer()
    const board = await createBoard(server.url)
    const facilitator = await tokenFor(server.url, board, 'facilitator')
    const facControl = connect(server.wsUrl, controlRoom(board.id), facilitator)
    const facContent = connect(server.wsUrl, board.id, facilitator)
    const partControl = connect(
      server.wsUrl,
      controlRoom(board.id),
      await tokenFor(server.url, board, 'participant'),
    )
    const viewer = connect(server.wsUrl, board.id, await tokenFor(server.url, board, 'viewer'))
    await Promise.all([facControl.synced, facContent.synced, partControl.synced, viewer.synced])

    sessionRoot(partControl.doc).set('timer', 'hacked')
    createNote(viewer.doc, { x: 0, y: 0, authorId: 'v', authorName: 'V', text: 'viewer note' })
    // A legitimate write after the refused ones proves the refused ones had their chance to arrive.
    sessionRoot(facControl.doc).set('round', 1)
    createNote(facContent.doc, { x: 0, y: 0, authorId: 'f', authorName: 'F', text: 'facilitator note' })
    await waitFor(() => sessionRoot(partControl.doc).get('round') === 1, 2000, 'control write by facilitator')
    await waitFor(() => listNotes(viewer.doc).length === 2, 2000, 'facilitator note at viewer')
    await sleep(100)
    expect(sessionRoot(facControl.doc).get('timer')).toBeUndefined()
    expect(listNotes(facContent.doc).map((n) => n.text)).toEqual(['facilitator note'])

    // Nor were they stored: a fresh load from storage has only the legitimate writes.
    const stored = await server.server.store.loadRoom(board.id)
    const fresh = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(fresh, update)
    expect(listNotes(fresh).map((n) => n.text)).toEqual(['facilitator note'])
    const storedControl = await server.server.store.loadRoom(controlRoom(board.id))
    const freshControl = new Y.Doc()
    for (const update of storedControl.updates) Y.applyUpdate(freshControl, update)
    expect(sessionRoot(freshControl).get('timer')).toBeUndefined()
    expect(sessionRoot(freshControl).get('round')).toBe(1)
  })

  it('refuses a missing, wrong or foreign token before the upgrade', async () => {
    server = await startTestServer()
    const board = await createBoard(server.url)
    const other = await createBoard(server.url)
    const otherToken = await tokenFor(server.url, other, 'facilitator')
    const good = await tokenFor(server.url, board, 'participant')
    const status = (query: string, room = board.id) => upgradeStatus(`${server?.wsUrl}/${room}${query}`)
    expect(await status('')).toBe(401)
    expect(await status('?token=nonsense')).toBe(401)
    expect(await status(`?token=${good.slice(0, -2)}xx`)).toBe(401)
    expect(await status(`?token=${otherToken}`)).toBe(401)
    expect(await status(`?token=${good}`, '../../etc/passwd')).toBe(404)
    expect(await status(`?token=${good}`)).toBe(101)
  })

  it('closes only the socket that sent a malformed or oversized frame; the room stays intact', async () => {
    server = await startTestServer({ config: { maxFrameBytes: 64 * 1024 } })
    const board = await createBoard(server.url)
    const token = await tokenFor(server.url, board, 'participant')
    const a = connect(server.wsUrl, board.id, token)
    const b = connect(server.wsUrl, board.id, token)
    await Promise.all([a.synced, b.synced])
    createNote(a.doc, { x: 0, y: 0, authorId: 'a', authorName: 'A', text: 'before' })
    await waitFor(() => listNotes(b.doc).length === 1, 2000, 'first note')

    const closeCode = (frame: Uint8Array) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server?.wsUrl}/${board.id}?token=${token}`)
        ws.on('open', () => ws.send(frame))
        ws.on('close', (code) => resolve(code))
      })
    // sync message, type "update", with a payload claiming 1000 bytes but carrying 3
    expect(await closeCode(new Uint8Array([0, 2, 0xe8, 0x07, 1, 2, 3]))).toBe(4400)
    // a well-framed update whose content is garbage
    expect(await closeCode(new Uint8Array([0, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff]))).toBe(4400)
    expect(await closeCode(new Uint8Array([42]))).toBe(4400)
    expect(await closeCode(new Uint8Array(70 * 1024))).toBe(1009)

    createNote(b.doc, { x: 0, y: 0, authorId: 'b', authorName: 'B', text: 'after' })
    await waitFor(() => listNotes(a.doc).length === 2, 2000, 'note after the bad frames')
    expect(listNotes(a.doc).map((n) => n.text)).toEqual(['before', 'after'])
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
  })

  it('refuses to create a board from bad input, with the error shape', async () => {
    server = await startTestServer()
    const res = await api<{ error: { code: string } }>(server.url, 'POST', '/api/boards', { title: 5 })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_body')
  })
})
