import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isBoardId } from '../../shared/src/ids'
import { api, createBoard, startTestServer, type TestServer } from '../helpers/testServer'

type ErrorBody = { error: { code: string; message: string } }

describe('REST API', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('reports health', async () => {
    const res = await api<{ status: string; storage: string }>(server.url, 'GET', '/api/health')
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', storage: 'sqlite' } })
  })

  it('creates a board with unguessable id, a typeable join code and the three links', async () => {
    const board = await createBoard(server.url, 'Leren met de wijk')
    expect(isBoardId(board.id)).toBe(true)
    expect(board.joinCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/)
    expect(board.facilitatorUrl).toBe(`${server.url}/b/${board.id}#key=${board.facilitatorKey}`)
    expect(board.participantUrl).toBe(`${server.url}/j/${board.joinCode}`)
    expect(board.viewerUrl).toMatch(new RegExp(`/b/${board.id}#token=v1\\.`))
  })

  it('lets a participant join by code (typed loosely) and then read the board', async () => {
    const board = await createBoard(server.url, 'Wijkteam Noord')
    const loose = board.joinCode.toLowerCase().replace('-', ' ')
    const join = await api<{ boardId: string; token: string; role: string }>(
      server.url,
      'POST',
      '/api/join',
      {
        joinCode: loose,
        name: 'Samira',
      },
    )
    expect(join.status).toBe(200)
    expect(join.body).toMatchObject({ boardId: board.id, role: 'participant' })
    const info = await api<Record<string, unknown>>(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
      authorization: `Bearer ${join.body.token}`,
    })
    expect(info.status).toBe(200)
    expect(info.body).toMatchObject({
      title: 'Wijkteam Noord',
      role: 'participant',
      name: 'Samira',
      joinCode: board.joinCode,
    })
    expect(info.body).not.toHaveProperty('viewerUrl')
  })

  it('refuses an unknown join code', async () => {
    const res = await api<ErrorBody>(server.url, 'POST', '/api/join', { joinCode: 'AAA-AAA', name: 'X' })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('unknown_join_code')
  })

  it('mints tokens only with the facilitator key', async () => {
    const board = await createBoard(server.url)
    const path = `/api/boards/${board.id}/tokens`
    const ok = await api<{ token: string }>(
      server.url,
      'POST',
      path,
      { role: 'viewer', name: 'Beamer' },
      {
        authorization: `Bearer ${board.facilitatorKey}`,
      },
    )
    expect(ok.status).toBe(201)
    const other = await createBoard(server.url)
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${other.facilitatorKey}`]) {
      const res = await api<ErrorBody>(
        server.url,
        'POST',
        path,
        { role: 'facilitator', name: 'Mallory' },
        authorization ? { authorization } : {},
      )
      expect(res.status).toBe(401)
      expect(res.body.error.code).toBe('unauthorized')
    }
    const res = await api<ErrorBody>(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
      authorization: `Bearer ${ok.body.token}x`,
    })
    expect(res.status).toBe(401)
  })

  it.each([
    ['bad JSON', '/api/boards', '{"title":', 400, 'bad_json'],
    ['wrong type', '/api/boards', { title: 42 }, 400, 'invalid_body'],
    ['empty title', '/api/boards', { title: '   ' }, 400, 'invalid_body'],
    ['unknown field', '/api/boards', { title: 'x', admin: true }, 400, 'invalid_body'],
    ['unknown template', '/api/boards', { title: 'x', templateId: 'nope' }, 400, 'unknown_template'],
    ['bad language', '/api/boards', { title: 'x', language: 'fr' }, 400, 'invalid_body'],
    ['huge body', '/api/boards', { title: 'x'.repeat(200_000) }, 413, 'body_too_large'],
    ['missing name', '/api/join', { joinCode: 'AAA-AAA' }, 400, 'invalid_body'],
    ['array body', '/api/join', [1, 2], 400, 'invalid_body'],
  ])('answers %s with a 4xx and the error shape', async (_label, route, body, status, code) => {
    const res = await api<ErrorBody>(server.url, 'POST', route, body)
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
    expect(typeof res.body.error.message).toBe('string')
  })

  it('answers ids outside the id format and unknown endpoints with 404', async () => {
    for (const id of ['short', 'x'.repeat(22), '..%2F..%2Fetc']) {
      const res = await api<ErrorBody>(server.url, 'POST', `/api/boards/${id}/tokens`, {
        role: 'viewer',
        name: 'x',
      })
      expect(res.status).toBe(404)
    }
    const res = await api<ErrorBody>(server.url, 'GET', '/api/nothing')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })
})
