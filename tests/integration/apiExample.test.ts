import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotes } from '../../shared/src/model/notes'
import { createBoard, startTestServer, type TestServer, tokenFor } from '../helpers/testServer'
import { connectClient, waitFor } from '../helpers/yclient'

const run = promisify(execFile)

/** docs/api.md promises a third party can add a note with only yjs + y-websocket: keep it true. */
describe('the documented third-party script', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('adds a note that appears for a connected participant', async () => {
    const board = await createBoard(server.url)
    const watcher = connectClient(server.wsUrl, board.id, await tokenFor(server.url, board, 'participant'))
    await watcher.synced
    const script = path.resolve(import.meta.dirname, '../../docs/examples/add-note.mjs')
    const { stdout } = await run(process.execPath, [
      script,
      server.url,
      board.id,
      board.facilitatorKey,
      'Vanuit een script',
    ])
    const id = stdout.trim()
    await waitFor(() => listNotes(watcher.doc).some((note) => note.id === id), 3000, 'scripted note')
    expect(listNotes(watcher.doc).find((note) => note.id === id)).toMatchObject({
      text: 'Vanuit een script',
      authorName: 'Script',
      color: 'yellow',
    })
    watcher.destroy()
  })
})
