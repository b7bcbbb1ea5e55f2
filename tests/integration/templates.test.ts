import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listRounds } from '../../shared/src/model/rounds'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom } from '../../shared/src/rooms'
import { BUILTIN_TEMPLATES } from '../../shared/src/templates/builtin'
import { api, createBoard, startTestServer, type TestServer, tokenFor } from '../helpers/testServer'
import { connectClient } from '../helpers/yclient'

type Entry = {
  id: string
  builtin: boolean
  zoneCount: number
  totalMinutes: number
  preview: unknown[]
  labels: { nl: string }
}
type ErrorBody = { error: { code: string; message: string } }

describe('templates over HTTP', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  /** Zone titles and round titles/minutes of a board, read with real y-websocket clients. */
  async function boardLayout(boardId: string, token: string) {
    const content = connectClient(server.wsUrl, boardId, token)
    const control = connectClient(server.wsUrl, controlRoom(boardId), token)
    await Promise.all([content.synced, control.synced])
    const layout = {
      zones: listZones(content.doc).map((z) => z.title),
      rounds: listRounds(control.doc).map((r) => `${r.title} (${r.minutes})`),
    }
    content.destroy()
    control.destroy()
    return layout
  }

  it('lists the built-in templates with sizes and preview rectangles', async () => {
    const res = await api<{ templates: Entry[] }>(server.url, 'GET', '/api/templates')
    expect(res.status).toBe(200)
    const builtin = res.body.templates.filter((t) => t.builtin)
    expect(builtin.map((t) => t.id)).toEqual(BUILTIN_TEMPLATES.map((t) => t.id))
    const los = builtin.find((t) => t.id === 'los-model')
    expect(los?.zoneCount).toBeGreaterThanOrEqual(4)
    expect(los?.totalMinutes).toBe(55)
    expect(los?.preview.length).toBe(los?.zoneCount)
  })

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    'creates a board from %s with its zones and rounds',
    async (_id, template) => {
      const board = await createBoard(server.url, 'Sessie', { templateId: template.id })
      const layout = await boardLayout(board.id, await tokenFor(server.url, board, 'viewer'))
      expect(layout.zones).toEqual(
        template.zones.map((z) => z.title.nl).concat(template.sidePanel ? [template.sidePanel.title.nl] : []),
      )
      expect(layout.rounds).toEqual(template.rounds.map((r) => `${r.title.nl} (${r.minutes})`))
    },
  )

  it('saves a board as a template, exports and imports it, and boards made from it match', async () => {
    const source = await createBoard(server.url, 'Onze wijkavond', { templateId: 'troika-consult' })
    const facilitator = await tokenFor(server.url, source, 'facilitator')
    const saved = await api<Entry & { editKey: string }>(
      server.url,
      'POST',
      `/api/boards/${source.id}/template`,
      { label: 'Wijkavond-opzet', description: 'Onze vaste opzet' },
      { authorization: `Bearer ${facilitator}` },
    )
    expect(saved.status).toBe(201)
    expect(saved.body.id).toMatch(/^eigen-/)
    const list = await api<{ templates: Entry[] }>(server.url, 'GET', '/api/templates')
    expect(list.body.templates.find((t) => t.id === saved.body.id)?.labels.nl).toBe('Wijkavond-opzet')

    const exported = await fetch(`${server.url}/api/templates/${saved.body.id}?download`)
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    const file = await exported.text()
    const imported = await api<Entry & { editKey: string }>(server.url, 'POST', '/api/templates', file)
    expect(imported.status).toBe(201)
    expect(imported.body.id).not.toBe(saved.body.id)

    const expected = await boardLayout(source.id, facilitator)
    for (const id of [saved.body.id, imported.body.id]) {
      const copy = await createBoard(server.url, 'Kopie', { templateId: id })
      expect(await boardLayout(copy.id, await tokenFor(server.url, copy, 'viewer'))).toEqual(expected)
    }
  })

  it('lets only the holder of the edit key rename or delete a saved template', async () => {
    const file = await (await fetch(`${server.url}/api/templates/leeg`)).text()
    const saved = await api<Entry & { editKey: string }>(server.url, 'POST', '/api/templates', file)
    const path = `/api/templates/${saved.body.id}`
    const wrong = await api<ErrorBody>(
      server.url,
      'PATCH',
      path,
      { labels: { nl: 'Gekaapt' } },
      { authorization: 'Bearer nope' },
    )
    expect(wrong.status).toBe(403)
    const renamed = await api<Entry>(
      server.url,
      'PATCH',
      path,
      { labels: { nl: 'Nieuwe naam' } },
      {
        authorization: `Bearer ${saved.body.editKey}`,
      },
    )
    expect(renamed.status).toBe(200)
    expect(renamed.body.labels.nl).toBe('Nieuwe naam')
    expect(
      (await api(server.url, 'DELETE', path, undefined, { authorization: `Bearer ${saved.body.editKey}` }))
        .status,
    ).toBe(204)
    expect((await api(server.url, 'GET', path)).status).toBe(404)
  })

  it('refuses malformed template files with a message that names the problem', async () => {
    const cases: [string, RegExp][] = [
      ['not json at all', /JSON/i],
      ['[]', /object/i],
      [
        JSON.stringify({
          id: 'x',
          version: 1,
          labels: { nl: 'A', en: 'A' },
          descriptions: { nl: '', en: '' },
          zones: 'many',
          rounds: [],
        }),
        /zones/,
      ],
      ['', /empty/i],
    ]
    for (const [body, message] of cases) {
      const res = await api<ErrorBody>(server.url, 'POST', '/api/templates', body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('invalid_template')
      expect(res.body.error.message).toMatch(message)
    }
    const huge = await api<ErrorBody>(server.url, 'POST', '/api/templates', 'x'.repeat(3_000_000))
    expect(huge.status).toBe(413)
  })

  it('refuses to save a board as a template for a participant', async () => {
    const board = await createBoard(server.url)
    const participant = await tokenFor(server.url, board, 'participant')
    const res = await api<ErrorBody>(
      server.url,
      'POST',
      `/api/boards/${board.id}/template`,
      {},
      {
        authorization: `Bearer ${participant}`,
      },
    )
    expect(res.status).toBe(403)
  })
})
