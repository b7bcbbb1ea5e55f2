import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  createNote,
  getNote,
  isPlacementConsistent,
  listNotes,
  listRoundLog,
  listRounds,
  listZones,
  misplacedNotes,
  overlaps,
  updateNote,
} from '../../shared/src/model'
import { controlRoom } from '../../shared/src/rooms'
import { serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { sleep, waitFor } from '../helpers/yclient'

/**
 * The server keeps every note inside its question, whatever a client sends: a stock y-websocket
 * client (a third-party script, an old app) that writes only `zoneId`, or only `x`/`y`, or drops
 * notes on top of each other, ends with a consistent board, the same for everyone.
 */
describe('placement, repaired by the server', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Plaatsing', { templateId: 'los-model' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(server.url, method, `/api/boards/${board.id}${path}`, body, { authorization: `Bearer ${token}` })
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    const bram = await tokenFor(server.url, board, 'participant', 'Bram')
    const writer = harness.connect(board.id, anna)
    const reader = harness.connect(board.id, bram)
    await Promise.all([writer.synced, reader.synced])
    const zones = listZones(writer.doc)
    const byTitle = (part: string) => {
      const zone = zones.find((candidate) => candidate.title.includes(part))
      if (!zone) throw new Error(`no zone ${part}`)
      return zone
    }
    return { board, facilitator, call, writer, reader, zones, byTitle }
  }

  const consistent = (doc: Y.Doc) => misplacedNotes(doc).length === 0

  it('moves a note whose zoneId alone was changed into that zone, for every client', async () => {
    const { writer, reader, byTitle } = await setup()
    const from = byTitle('succesvolle')
    const to = byTitle("do's")
    const id = createNote(writer.doc, {
      x: from.x + 40,
      y: from.y + 150,
      zoneId: from.id,
      authorId: 'anna',
      authorName: 'Anna',
    })
    await waitFor(() => getNote(reader.doc, id) !== null, 5000, 'note at reader')
    // What a script that only knows `zoneId` does (the list view's bug before this change).
    updateNote(writer.doc, id, { zoneId: to.id })
    await waitFor(() => getNote(reader.doc, id)?.zoneId === to.id && consistent(reader.doc), 5000, 'repair')
    const note = getNote(reader.doc, id)
    if (!note) throw new Error('gone')
    expect(isPlacementConsistent(note, listZones(reader.doc))).toBe(true)
    await waitFor(() => consistent(writer.doc), 5000, 'repair at writer')
    expect(getNote(writer.doc, id)).toMatchObject({ x: note.x, y: note.y, zoneId: to.id })
  })

  it('gives a note moved by x/y alone the zone it now lies in', async () => {
    const { writer, reader, byTitle } = await setup()
    const from = byTitle('succesvolle')
    const to = byTitle('organisatiegraad')
    const id = createNote(writer.doc, {
      x: from.x + 40,
      y: from.y + 150,
      zoneId: from.id,
      authorId: 'a',
      authorName: 'A',
    })
    await waitFor(() => getNote(reader.doc, id) !== null, 5000, 'note at reader')
    updateNote(writer.doc, id, { x: to.x + 60, y: to.y + 160 })
    await waitFor(() => getNote(reader.doc, id)?.zoneId === to.id, 5000, 'zone from geometry')
    expect(getNote(reader.doc, id)).toMatchObject({ x: to.x + 60, y: to.y + 160 })
  })

  it('grows a full question and pushes the questions below down; notes a script dropped on top of each other are spread', async () => {
    const { writer, reader, byTitle } = await setup()
    const dos = byTitle("do's")
    const agreements = byTitle('Afspraken')
    // Thirty notes, all at the same spot in one question: what a naive import script writes.
    writer.doc.transact(() => {
      for (let i = 0; i < 30; i++)
        createNote(writer.doc, {
          x: dos.x + 30,
          y: dos.y + 120,
          zoneId: dos.id,
          authorId: 's',
          authorName: 'Script',
          text: `${i}`,
        })
    })
    const settled = () => {
      const notes = listNotes(reader.doc).filter((note) => note.zoneId === dos.id)
      if (notes.length !== 30 || !consistent(reader.doc)) return false
      return notes.every((a, i) => notes.slice(i + 1).every((b) => !overlaps(a, b)))
    }
    await waitFor(settled, 8000, 'spread and grown').catch((e) => {
      console.log(
        JSON.stringify(listNotes(reader.doc).map((n) => [n.x, n.y, n.zoneId === dos.id])),
        misplacedNotes(reader.doc).length,
        JSON.stringify(listZones(reader.doc)),
      )
      throw e
    })
    const zones = new Map(listZones(reader.doc).map((zone) => [zone.id, zone]))
    const grown = zones.get(dos.id)
    const below = zones.get(agreements.id)
    if (!grown || !below) throw new Error('zones gone')
    expect(grown.height).toBeGreaterThan(dos.height)
    expect(below.y).toBeGreaterThanOrEqual(grown.y + grown.height)
    // The writer sees the same board.
    await waitFor(
      () => listZones(writer.doc).find((zone) => zone.id === dos.id)?.height === grown.height,
      5000,
      'writer',
    )
  })

  it('counts a note in the round that ran when it was written, also when the client did not say so', async () => {
    const { board, facilitator, call, writer, byTitle } = await setup()
    const control = harness.connect(controlRoom(board.id), facilitator)
    await control.synced
    const [first, second] = listRounds(control.doc)
    const zone = byTitle('Centrale')
    const write = (text: string) =>
      createNote(writer.doc, {
        zoneId: zone.id,
        x: zone.x + 30,
        y: zone.y + 120,
        authorId: 'anna',
        authorName: 'Anna',
        text,
      })
    write('Voor de eerste ronde')
    expect(
      (await call(facilitator, 'POST', '/session', { action: 'start', roundId: first?.id })).status,
    ).toBe(200)
    await waitFor(() => listRoundLog(control.doc).length === 1, 5000, 'round log')
    // A third-party script that follows docs/api.md but does not stamp `roundId`.
    write('Tijdens ronde één')
    write('Ook tijdens ronde één')
    await sleep(50)
    expect(
      (await call(facilitator, 'POST', '/session', { action: 'start', roundId: second?.id })).status,
    ).toBe(200)
    await waitFor(() => listRoundLog(control.doc).length === 2, 5000, 'second run')
    write('Tijdens ronde twee')
    await waitFor(() => listNotes(writer.doc).length === 4, 5000, 'notes')
    await sleep(300)
    const report = await call<{ model: { rounds: { id: string; noteCount: number }[] } }>(
      facilitator,
      'GET',
      '/report/preview',
    )
    expect(report.status).toBe(200)
    const count = (id: string | undefined) =>
      report.body.model.rounds.find((round) => round.id === id)?.noteCount
    expect([count(first?.id), count(second?.id)]).toEqual([2, 1])
    const csv = await fetch(`${harness.server.url}/api/boards/${board.id}/report?format=csv`, {
      headers: { authorization: `Bearer ${facilitator}` },
    }).then((response) => response.text())
    const rows = csv
      .split('\n')
      .filter((row) => row.includes('tijdens ronde') || row.includes('Tijdens ronde'))
    expect(rows).toHaveLength(3)
    expect(rows.filter((row) => row.includes(first?.title ?? '?'))).toHaveLength(2)
  })
})
