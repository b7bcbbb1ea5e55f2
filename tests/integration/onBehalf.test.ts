import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { BoardOps } from '../../client/src/board/ops/BoardOps'
import { getNote, listNotes, listZones } from '../../shared/src/model'
import { serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { waitFor } from '../helpers/yclient'

/**
 * A begeleider writes a note for someone without a phone: the note carries that person's name,
 * belongs to no participant (nobody can change it but a begeleider) and the oogst says
 * "ingebracht door begeleider". Through the real server, with stock y-websocket clients and the
 * client's own writer (BoardOps). A participant cannot do the same.
 */
describe('a note written on behalf of someone', () => {
  const harness = serverHarness()

  it('keeps the name, is marked in the report, and cannot be changed by participants', async () => {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Namens', { templateId: 'los-model' })
    const facilitatorToken = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const annaToken = await tokenFor(server.url, board, 'participant', 'Anna')
    const facilitator = harness.connect(board.id, facilitatorToken)
    const anna = harness.connect(board.id, annaToken)
    await Promise.all([facilitator.synced, anna.synced])
    const zone = listZones(facilitator.doc)[1]
    if (!zone) throw new Error('no question')

    const fennaOps = new BoardOps(facilitator.doc, () => ({
      author: { id: 'fenna-id', name: 'Fenna' },
      isFacilitator: true,
      closed: new Set(),
      control: null,
    }))
    const { id } = fennaOps.addNote({
      zoneId: zone.id,
      text: 'Meer bankjes bij de flat',
      onBehalfOf: 'Oma Jansen',
    })
    await waitFor(() => getNote(anna.doc, id)?.authorName === 'Oma Jansen', 5000, 'note at Anna')
    // Not "corrected" to the begeleider: the name is the person it was written for.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const stored = getNote(anna.doc, id)
    expect(stored).toMatchObject({ authorName: 'Oma Jansen', authorId: '', enteredBy: 'fenna-id' })

    // A participant's writer ignores "on behalf of": the note is Anna's own.
    const annaOps = new BoardOps(anna.doc, () => ({
      author: { id: 'anna-id', name: 'Anna' },
      isFacilitator: false,
      closed: new Set(),
      control: null,
    }))
    const own = annaOps.addNote({ zoneId: zone.id, text: 'Ook van mij', onBehalfOf: 'De burgemeester' })
    expect(getNote(anna.doc, own.id)?.authorName).toBe('Anna')
    expect(getNote(anna.doc, own.id)?.enteredBy).toBeUndefined()

    // The oogst names the person and says a begeleider entered it.
    await waitFor(() => listNotes(facilitator.doc).length === 2, 5000, 'both notes')
    const preview = await api<{ model: unknown }>(
      server.url,
      'GET',
      `/api/boards/${board.id}/report/preview`,
      undefined,
      {
        authorization: `Bearer ${facilitatorToken}`,
      },
    )
    expect(preview.status).toBe(200)
    const text = JSON.stringify(preview.body.model)
    expect(text).toContain('Oma Jansen')
    expect(text).toContain('"enteredBy":true')

    // Anna cannot rewrite it: the server refuses (4409) and keeps the text.
    const closed = new Promise<number>((resolve) =>
      anna.provider.ws?.addEventListener('close', (event) => resolve(event.code)),
    )
    const text1 = anna.doc.getMap('notes').get(id) as Y.Map<unknown>
    ;(text1.get('text') as Y.Text).insert(0, 'Niet waar: ')
    expect(await closed).toBe(4409)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(getNote(facilitator.doc, id)?.text).toBe('Meer bankjes bij de flat')
  })
})
