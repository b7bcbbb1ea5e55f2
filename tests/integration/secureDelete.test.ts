import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNote } from '../../shared/src/model/notes'
import { draftsRoom } from '../../shared/src/rooms'
import { serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { waitFor } from '../helpers/yclient'

/**
 * Issue 16, F7: a deleted board is gone from the disk, not only from the tables. Unique markers
 * go into every kind of text a board holds (title, join code, a name, a note, a draft); after the
 * deletion none of them may be found in the raw bytes of the SQLite file and its write-ahead log.
 */
describe('deleted boards are gone from the database file', () => {
  const harness = serverHarness()

  /** Every marker found in the database file and its WAL (raw bytes, as `strings` would see them). */
  function markersOnDisk(dataDir: string, markers: string[]): string[] {
    const bytes = ['oogst.sqlite', 'oogst.sqlite-wal']
      .map((name) => path.join(dataDir, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString('latin1'))
      .join('\n')
    return markers.filter((marker) => bytes.includes(marker))
  }

  /** A board with a marker in its title, a participant's name, a note and a draft. */
  async function boardWithMarkers(label: string) {
    const server = harness.server
    const unique = `${label}${Date.now().toString(36)}`
    const marker = (what: string) => `${what}Marker${unique}`
    const board = await createBoard(server.url, marker('Title'))
    const name = marker('Name')
    const token = await tokenFor(server.url, board, 'participant', name)
    const { body } = await api<{ participantId: string }>(
      server.url,
      'GET',
      `/api/boards/${board.id}`,
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    )
    const content = harness.connect(board.id, token)
    const drafts = harness.connect(draftsRoom(board.id, body.participantId), token)
    await Promise.all([content.synced, drafts.synced])
    const note = { x: 3000, y: 10, authorId: body.participantId, authorName: name }
    createNote(content.doc, { ...note, text: marker('Note') })
    createNote(drafts.doc, { ...note, text: marker('Draft') })
    const markers = [marker('Title'), name, marker('Note'), marker('Draft'), board.joinCode]
    // Stored: then the markers are in the file (or its WAL), which shows this test can fail.
    await waitFor(
      () => markersOnDisk(server.dataDir, markers).length === markers.length,
      5000,
      'markers stored',
    )
    content.destroy()
    drafts.destroy()
    return { board, markers }
  }

  it('after DELETE /api/boards/:id and after the retention sweep, no marker is left on disk', async () => {
    const server = await harness.start()
    const deleted = await boardWithMarkers('Deleted')
    const idle = await boardWithMarkers('Idle')
    const kept = await boardWithMarkers('Kept')

    const response = await api(server.url, 'DELETE', `/api/boards/${deleted.board.id}`, undefined, {
      authorization: `Bearer ${deleted.board.facilitatorKey}`,
    })
    expect(response.status).toBe(204)
    expect(markersOnDisk(server.dataDir, deleted.markers)).toEqual([])

    // The sweep's own call, run as if 91 days had passed; "kept" is touched just before.
    await server.server.store.touchBoard(kept.board.id, Date.now() + 91 * 86_400_000)
    const swept = await server.server.boards.deleteInactive(90, Date.now() + 91 * 86_400_000 - 60_000)
    expect(swept).toEqual([idle.board.id])
    expect(markersOnDisk(server.dataDir, idle.markers)).toEqual([])
    // Only what was deleted is gone.
    expect(markersOnDisk(server.dataDir, kept.markers)).toEqual(kept.markers)
  })
})
