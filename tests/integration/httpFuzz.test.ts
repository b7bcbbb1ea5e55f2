import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/src/config'
import {
  type CreatedBoard,
  createBoard,
  startTestServer,
  type TestServer,
  tokenFor,
} from '../helpers/testServer'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)

/**
 * Every endpoint, fed bad JSON, wrong types, unknown fields, odd ids and huge bodies, answers with
 * a 4xx in the error shape (or a 2xx when the input happened to be fine) — never a 500.
 */
describe('HTTP endpoints under bad input', () => {
  let server: TestServer
  let board: CreatedBoard
  let facilitator: string
  let requests = 0

  beforeAll(async () => {
    const limits = { ...loadConfig({}).limits, boardCreatesPerHour: 100_000, joinFailuresPer10Min: 100_000 }
    server = await startTestServer({ config: { limits } })
    board = await createBoard(server.url)
    facilitator = await tokenFor(server.url, board, 'facilitator')
  })
  afterAll(async () => {
    await server.close()
    console.info(`[figure] HTTP fuzz: ${requests} requests`)
  })

  const endpoints = (): { method: string; path: string }[] => [
    { method: 'POST', path: '/api/boards' },
    { method: 'POST', path: '/api/join' },
    { method: 'POST', path: `/api/boards/${board.id}/tokens` },
    { method: 'GET', path: `/api/boards/${board.id}` },
    { method: 'POST', path: `/api/boards/${board.id}/template` },
    { method: 'POST', path: '/api/templates' },
    { method: 'PATCH', path: '/api/templates/leeg' },
    { method: 'DELETE', path: '/api/templates/leeg' },
  ]

  async function call(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ) {
    requests++
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : body,
    })
    const text = await res.text()
    expect(res.status, `${method} ${path} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500)
    if (res.status >= 400) {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }
      expect(typeof parsed.error?.code).toBe('string')
      expect(typeof parsed.error?.message).toBe('string')
    }
    return res.status
  }

  const body = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc
      .record({ title: fc.anything(), name: fc.anything(), joinCode: fc.anything(), role: fc.anything() })
      .map((v) => JSON.stringify(v)),
    fc.constant('{"title":'),
    fc.constant(JSON.stringify({ title: 'ok', extra: 1 })),
  )
  const auth = fc.constantFrom<Record<string, string>>(
    {},
    { authorization: 'Bearer nonsense' },
    { authorization: 'Basic abc' },
    { authorization: `Bearer ${'x'.repeat(5000)}` },
  )
  const contentType = fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
  )

  it('never answers 500 to random bodies, headers and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints()),
        body,
        auth,
        contentType,
        async (endpoint, payload, headers, type) => {
          await call(endpoint.method, endpoint.path, payload, { ...headers, 'content-type': type })
        },
      ),
      { numRuns: RUNS, seed: 7 },
    )
  })

  it('refuses ids outside the id format on every board route', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), async (raw) => {
        const id = encodeURIComponent(raw)
        for (const path of [`/api/boards/${id}`, `/api/boards/${id}/tokens`, `/api/boards/${id}/template`]) {
          const status = await call(path.endsWith(id) ? 'GET' : 'POST', path, '{}', {
            'content-type': 'application/json',
            authorization: `Bearer ${facilitator}`,
          })
          expect([400, 401, 404]).toContain(status)
        }
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 11 },
    )
  })

  it('answers huge bodies with 413 on every endpoint that takes one', async () => {
    const huge = JSON.stringify({ title: 'x'.repeat(3_000_000) })
    for (const { method, path } of endpoints().filter((e) => e.method !== 'GET' && e.method !== 'DELETE')) {
      expect(
        await call(method, path, huge, {
          'content-type': 'application/json',
          authorization: `Bearer ${facilitator}`,
        }),
      ).toBe(413)
    }
  })
})
