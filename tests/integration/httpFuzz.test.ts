import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/src/config'
import {
  bodyFor,
  FuzzClient,
  fillPath,
  fuzzStores,
  hasBody,
  junkSegment,
  pathWithRawSegment,
  queryFor,
  type RouteSpec,
  registeredRoutes,
  routeSpecs,
} from '../helpers/httpFuzz'
import { api, type CreatedBoard, createBoard, startTestServer, type TestServer } from '../helpers/testServer'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const PER_ROUTE = Math.max(10, Math.ceil(RUNS / 5))

/**
 * Every endpoint, fed bad JSON, wrong types, unknown fields, odd ids and huge bodies without valid
 * credentials, answers with a 4xx in the error shape (or a 2xx when the input happened to be
 * fine): never a 500. httpFuzzAuthed.test.ts does the same with valid keys and tokens.
 */
describe.each(fuzzStores)('HTTP endpoints under bad input, without credentials ($name)', (backing) => {
  let server: TestServer
  let dropStore: () => Promise<void>
  let board: CreatedBoard
  let client: FuzzClient
  let documents: Parameters<typeof bodyFor>[1]
  const specs = routeSpecs({ roundIds: [], zoneIds: [], noteIds: [], joinCodes: [] })

  beforeAll(async () => {
    const limits = {
      ...loadConfig({}).limits,
      boardCreatesPerHour: 100_000,
      joinFailuresPer10Min: 100_000,
      joinsPerMinute: 100_000,
    }
    const { store, drop } = await backing.open()
    dropStore = drop
    server = await startTestServer({ config: { limits }, ...(store ? { store } : {}) })
    board = await createBoard(server.url, 'Fuzz', { templateId: 'los-model' })
    client = new FuzzClient(server.url)
    const key = { authorization: `Bearer ${board.facilitatorKey}` }
    documents = {
      template: (await api(server.url, 'GET', '/api/templates/los-model')).body as never,
      backup: (await api(server.url, 'GET', `/api/boards/${board.id}/report?format=json`, undefined, key))
        .body as never,
    }
  })
  afterAll(async () => {
    await server.close()
    await dropStore()
    console.info(`[figure] HTTP fuzz: ${client.summary()}, no credentials, ${backing.name}`)
  })

  const auth = fc.constantFrom<Record<string, string>>(
    {},
    { authorization: 'Bearer nonsense' },
    { authorization: 'Basic abc' },
    { authorization: 'Bearer v1.e30.AAAA' },
    { authorization: `Bearer ${'x'.repeat(5000)}` },
  )
  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
  )
  /** Sometimes a Content-Encoding, over a body compressed that way or not compressed at all. */
  const encoding = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    fc.record({
      name: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-zip'),
      compress: fc.boolean(),
    }),
  )
  const params = (spec: RouteSpec) =>
    fc.record({
      id: spec.route.startsWith('/api/templates/')
        ? fc.constantFrom('leeg', 'los-model')
        : fc.constant(board.id),
      participantId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      noteId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    })

  it('has a fuzz spec for every route the server registers', () => {
    const listed = new Set(specs.map((spec) => `${spec.method} ${spec.route}`))
    expect(registeredRoutes(server.server).filter((route) => !listed.has(route))).toEqual([])
  })

  it('never answers 500 to random bodies, queries, headers and content types', async () => {
    for (const spec of specs) {
      await fc.assert(
        fc.asyncProperty(
          bodyFor(spec, documents),
          queryFor(spec),
          params(spec),
          auth,
          contentType,
          encoding,
          async (body, query, values, headers, type, encoded) => {
            const path = fillPath(spec.route, values) + query
            const sent = encoded?.compress && encoded.name === 'gzip' ? gzipSync(body) : body
            const { status } = await client.send(spec, path, sent, {
              ...headers,
              'content-type': type,
              ...(encoded ? { 'content-encoding': encoded.name } : {}),
            })
            // Only routes that need no credentials may succeed.
            if (spec.route.includes('/boards/:id') || spec.method === 'PATCH' || spec.method === 'DELETE')
              expect(status).toBeGreaterThanOrEqual(400)
          },
        ),
        { numRuns: PER_ROUTE, seed: 7 },
      )
    }
  }, 120_000)

  it('refuses ids outside the id format on every route with an id', async () => {
    const withIds = specs.filter((spec) => spec.route.includes(':'))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withIds), junkSegment, auth, async (spec, raw, headers) => {
        const path = fillPath(spec.route, { id: raw, participantId: raw, noteId: raw })
        const { status } = await client.send(spec, path, hasBody(spec) ? '{}' : undefined, {
          ...headers,
          'content-type': 'application/json',
        })
        expect(status).toBeGreaterThanOrEqual(400)
      }),
      { numRuns: RUNS, seed: 11 },
    )
    // Broken percent-encoding, sent as it is.
    for (const spec of withIds) {
      for (const param of [...spec.route.matchAll(/:(\w+)/g)].map((match) => match[1] as string)) {
        for (const segment of ['%E0%A4%A', '%zz', '%', '%00', '%C0%AF']) {
          const path = pathWithRawSegment(
            spec.route,
            { id: board.id, participantId: 'p', noteId: 'n' },
            param,
            segment,
          )
          const { status } = await client.send(spec, path, hasBody(spec) ? '{}' : undefined, {
            'content-type': 'application/json',
          })
          expect(status, `${spec.method} ${path}`).toBeGreaterThanOrEqual(400)
        }
      }
    }
  }, 60_000)

  it('answers huge bodies with 413 on every endpoint that reads one', async () => {
    const huge = JSON.stringify({ title: 'x'.repeat(3_000_000) })
    for (const spec of specs.filter(hasBody)) {
      const path = fillPath(spec.route, { id: board.id, participantId: 'p', noteId: 'n' })
      const big =
        spec.route === '/api/boards/import' ? JSON.stringify({ title: 'x'.repeat(27_000_000) }) : huge
      const { status } = await client.send(spec, path, big, { 'content-type': 'application/json' })
      // DELETE /api/templates/:id reads no body: it refuses the unknown template instead.
      if (spec.method === 'DELETE' && spec.route === '/api/templates/:id') expect(status).toBe(404)
      else expect(status, `${spec.method} ${spec.route}`).toBe(413)
    }
  }, 60_000)

  it('answers a compressed body that inflates beyond the limit (a zip bomb) with 413', async () => {
    const bomb = gzipSync(JSON.stringify({ title: 'x'.repeat(30_000_000) }))
    expect(bomb.byteLength).toBeLessThan(100_000)
    for (const spec of specs.filter((s) => s.shapes || s.document)) {
      const path = fillPath(spec.route, { id: board.id, participantId: 'p', noteId: 'n' })
      const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip' }
      expect((await client.send(spec, path, bomb, headers)).status, `${spec.method} ${spec.route}`).toBe(413)
    }
  }, 60_000)

  it('answers methods a route does not have with 404 in the error shape', async () => {
    const apiRoutes = specs.filter((spec) => spec.route.startsWith('/api/'))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apiRoutes),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        async (spec, method) => {
          if (apiRoutes.some((s) => s.route === spec.route && s.method === method)) return
          const path = fillPath(spec.route, { id: board.id, participantId: 'p', noteId: 'n' })
          const other = { method: method as RouteSpec['method'], route: spec.route }
          const body = method === 'GET' ? undefined : '{}'
          const headers = { 'content-type': 'application/json' }
          const { status } = await client.send(other, path, body, headers, false)
          expect(status).toBe(404)
        },
      ),
      { numRuns: RUNS, seed: 13 },
    )
  })
})
