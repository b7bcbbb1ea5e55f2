import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createBoard, startTestServer, type TestServer } from '../helpers/testServer'

/**
 * Issue 16, F9: a page on another site could make a visitor's browser post a template (or a
 * board) here with a "simple" cross-site request: text/plain, a form or multipart, sent without a
 * CORS preflight. Every API route that takes data now accepts only JSON; the real server answers
 * anything else with 415 and a message that says what to send, and nothing is created.
 */

const TEMPLATE = JSON.stringify({
  format: 'oogst-template',
  version: 1,
  id: 'kruissite',
  name: { nl: 'Van een andere site', en: 'From another site' },
  description: { nl: '', en: '' },
  zones: [],
  rounds: [],
})

type ErrorBody = { error: { code: string; message: string } }
type Gallery = { templates: { name: { nl: string } }[] }

describe('JSON-only request bodies', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(async () => {
    await server?.close()
  })

  const post = (
    route: string,
    body: string | FormData | URLSearchParams,
    headers: Record<string, string> = {},
  ) => fetch(`${server.url}${route}`, { method: 'POST', body, headers })

  it('refuses a cross-site text/plain template upload and keeps the gallery as it was', async () => {
    const before = await api<Gallery>(server.url, 'GET', '/api/templates')
    // What fetch(…, { mode: 'no-cors', method: 'POST', body: string }) sends from another origin.
    const res = await post('/api/templates', TEMPLATE, {
      'content-type': 'text/plain;charset=UTF-8',
      origin: 'https://evil.example',
    })
    expect(res.status).toBe(415)
    const body = (await res.json()) as ErrorBody
    expect(body.error.code).toBe('unsupported_media_type')
    expect(body.error.message).toContain('Content-Type: application/json')
    const after = await api<Gallery>(server.url, 'GET', '/api/templates')
    expect(after.body.templates).toHaveLength(before.body.templates.length)
  })

  it('refuses form and multipart bodies, and a body without any content type, on every kind of route', async () => {
    const board = await createBoard(server.url, 'Bord')
    const form = new FormData()
    form.set('title', 'Formulier')
    const cases: [string, RequestInit][] = [
      ['/api/boards', { body: new URLSearchParams({ title: 'Formulier' }) }],
      ['/api/boards', { body: form }],
      ['/api/templates', { body: new Blob([TEMPLATE]) }],
      ['/api/join', { body: 'code=ABCDEF', headers: { 'content-type': 'text/plain' } }],
      [
        `/api/boards/${board.id}/tokens`,
        { body: '{"role":"viewer"}', headers: { 'content-type': 'text/plain' } },
      ],
      ['/api/boards/import', { body: '{}', headers: { 'content-type': 'text/plain' } }],
    ]
    for (const [route, init] of cases) {
      const res = await fetch(`${server.url}${route}`, { method: 'POST', ...init })
      expect(res.status, `${route} ${JSON.stringify(init.headers ?? {})}`).toBe(415)
      expect(((await res.json()) as ErrorBody).error.code).toBe('unsupported_media_type')
    }
  })

  it('still takes JSON (with a charset too) and body-less requests', async () => {
    const file = await (await fetch(`${server.url}/api/templates/leeg`)).text()
    const imported = await post('/api/templates', file, { 'content-type': 'application/json; charset=utf-8' })
    expect(imported.status).toBe(201)
    const board = await post('/api/boards', JSON.stringify({ title: 'Met JSON' }), {
      'content-type': 'Application/JSON',
    })
    expect(board.status).toBe(201)
    // A body-less request needs no content type: deleting a board.
    const created = (await board.json()) as { id: string; facilitatorKey: string }
    const removed = await fetch(`${server.url}/api/boards/${created.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${created.facilitatorKey}` },
    })
    expect(removed.status).toBeLessThan(300)
  })
})
