import { createNote, listNotes } from '../shared/src/model/notes'
import { createZone } from '../shared/src/model/zones'
import { api, createBoard, startTestServer, tokenFor } from '../tests/helpers/testServer'
import { connectClient } from '../tests/helpers/yclient'
import { loadFixture } from './suggestQuality'

/**
 * Time of "Stel groepen voor" for 500 notes through the real server (issue 20 asks ≤ 1 s): a board
 * with one question of 500 notes (the fixture's texts, repeated with a variation), then POST
 * /api/boards/:id/suggestions ten times. The first call also starts a pool thread.
 *
 *   node --import tsx bench/suggestSpeed.ts
 */

const NOTES = 500
const server = await startTestServer()
try {
  const board = await createBoard(server.url, 'Snelheid', { templateId: 'leeg' })
  const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
  const client = connectClient(server.wsUrl, board.id, facilitator)
  await client.synced
  const zoneId = createZone(client.doc, { title: 'Vraag', x: 0, y: 0, width: 5000, height: 5000 })
  const texts = loadFixture().questions.flatMap((q) => q.groups.flatMap((g) => g.notes))
  client.doc.transact(() => {
    for (let i = 0; i < NOTES; i++) {
      const text = `${texts[i % texts.length]}${i >= texts.length ? ` ${texts[(i * 7) % texts.length]?.split(' ')[0]}` : ''}`
      createNote(client.doc, { x: i, y: i, authorId: 'f', authorName: 'Fenna', text, zoneId })
    }
  })
  while ((await server.server.rooms.read(board.id, (doc) => listNotes(doc).length)) < NOTES) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const times: number[] = []
  for (let run = 0; run < 10; run++) {
    const start = performance.now()
    const { status, body } = await api<{ groups: unknown[]; considered: number }>(
      server.url,
      'POST',
      `/api/boards/${board.id}/suggestions`,
      { zoneId },
      { authorization: `Bearer ${facilitator}` },
    )
    times.push(performance.now() - start)
    if (status !== 200 || body.considered !== NOTES) throw new Error(`unexpected answer ${status}`)
  }
  const warm = times.slice(1).sort((a, b) => a - b)
  console.log(
    `${NOTES} notes: first call (starts a pool thread) ${times[0]?.toFixed(0)} ms; ` +
      `then median ${warm[Math.floor(warm.length / 2)]?.toFixed(0)} ms, max ${warm[warm.length - 1]?.toFixed(0)} ms`,
  )
  client.destroy()
} finally {
  await server.close()
}
