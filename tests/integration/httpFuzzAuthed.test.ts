import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/src/config'
import { BOARD_ID_PATTERN, OBJECT_ID_PATTERN } from '../../shared/src/ids'
import { parseRoomName } from '../../shared/src/rooms'
import { bearer, boardState, joinBoard, saveTemplate, seedBoard } from '../helpers/fuzzBoard'
import {
  bodyFor,
  FuzzClient,
  fillPath,
  fuzzStores,
  hasBody,
  junkSegment,
  queryFor,
  type RouteSpec,
  routeSpecs,
} from '../helpers/httpFuzz'
import {
  api,
  type CreatedBoard,
  createBoard,
  startTestServer,
  type TestServer,
  tokenFor,
} from '../helpers/testServer'
import { roomUpgradeStatus } from '../helpers/upgrade'

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)
const PER_ROUTE = Math.max(10, Math.ceil(RUNS / 3))

/** A board (with a participant and a saved template) for the routes that spoil what they touch. */
interface Scratch {
  board: CreatedBoard
  credentials: string[]
  participantId: string
  template: { id: string; editKey: string }
}

/**
 * The fuzzing of httpFuzz.test.ts with a facilitator key, facilitator, participant and viewer
 * tokens and a template edit key of a real board (notes, zones, rounds), so that requests get
 * past authentication into validation and the services. Afterwards the board is as it was.
 */
describe.each(fuzzStores)('HTTP endpoints under bad input, with valid credentials ($name)', (backing) => {
  let server: TestServer
  let dropStore: () => Promise<void>
  let seeded: Awaited<ReturnType<typeof seedBoard>>
  let board: CreatedBoard
  let other: CreatedBoard
  let client: FuzzClient
  let specs: RouteSpec[]
  let documents: Parameters<typeof bodyFor>[1]
  /** Credentials to try (valid ones more often): for board routes, and for template routes. */
  let credentials: string[]
  let templateCredentials: string[]
  let before: unknown
  let upgrades = 0

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
    client = new FuzzClient(server.url)
    seeded = await seedBoard(server)
    board = seeded.board
    other = await createBoard(server.url, 'Ander bord')
    const { facilitatorToken, participant, template } = seeded
    credentials = [
      ...[board.facilitatorKey, facilitatorToken, participant.token].flatMap((c) => [c, c]),
      await tokenFor(server.url, board, 'viewer'),
      template.editKey,
      other.facilitatorKey,
      'v1.e30.AAAA',
      '',
    ]
    templateCredentials = [template.editKey, template.editKey, template.editKey, board.facilitatorKey, '']
    specs = routeSpecs(seeded.facts)
    const backup = `/api/boards/${board.id}/report?format=json`
    documents = {
      template: (await api(server.url, 'GET', '/api/templates/los-model')).body as never,
      backup: (await api(server.url, 'GET', backup, undefined, bearer(facilitatorToken))).body as never,
    }
    before = await boardState(server, board, participant.token)
  })
  afterAll(async () => {
    await server.close()
    await dropStore()
    // FUZZ_DEBUG=1: the statuses per route, to see that valid requests got through too.
    if (process.env.FUZZ_DEBUG) for (const [r, m] of client.byRoute) console.info(r, JSON.stringify([...m]))
    const where = `${backing.name}, ${upgrades} WebSocket upgrades`
    console.info(`[figure] HTTP fuzz: ${client.summary()}, valid credentials, ${where}`)
  })

  const contentType = fc.constantFrom(
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
  )
  const isTemplate = (spec: RouteSpec) => spec.route.startsWith('/api/templates/')
  const params = (spec: RouteSpec) =>
    fc.record({
      id: isTemplate(spec) ? fc.constantFrom(seeded.template.id, 'leeg') : fc.constant(board.id),
      participantId: fc.oneof(
        fc.constant(seeded.participant.participantId),
        fc.stringMatching(OBJECT_ID_PATTERN),
      ),
      noteId: fc.stringMatching(OBJECT_ID_PATTERN),
    })

  it('answers every route, with every kind of credential, with a 2xx or a 4xx in the error shape', async () => {
    for (const spec of specs.filter((s) => !s.destructive)) {
      await fc.assert(
        fc.asyncProperty(
          bodyFor(spec, documents),
          queryFor(spec),
          params(spec),
          fc.constantFrom(...(isTemplate(spec) ? templateCredentials : credentials)),
          contentType,
          async (body, query, values, credential, type) => {
            const path = fillPath(spec.route, values) + query
            await client.send(spec, path, body, { ...bearer(credential), 'content-type': type })
          },
        ),
        // The report renders eight formats: it gets more runs.
        { numRuns: spec.query ? PER_ROUTE * 2 : PER_ROUTE, seed: 17 },
      )
    }
  }, 240_000)

  it('runs the routes that delete, rotate, revoke or demote on scratch boards', async () => {
    let scratch: Scratch | null = null
    const makeScratch = async (): Promise<Scratch> => {
      const fresh = await createBoard(server.url, 'Kladbord')
      const participant = await joinBoard(server, fresh, 'Bram')
      const template = await saveTemplate(server, fresh)
      const facilitator = await tokenFor(server.url, fresh, 'facilitator')
      const credentials = [fresh.facilitatorKey, facilitator, participant.token, template.editKey, '']
      return { board: fresh, participantId: participant.participantId, template, credentials }
    }
    for (const spec of specs.filter((s) => s.destructive)) {
      await fc.assert(
        fc.asyncProperty(
          bodyFor(spec, documents),
          fc.integer({ min: 0, max: 99 }),
          fc.boolean(),
          contentType,
          async (body, n, real, type) => {
            scratch ??= await makeScratch()
            const values = {
              id: isTemplate(spec) ? scratch.template.id : scratch.board.id,
              participantId: real ? scratch.participantId : `p${n}`,
            }
            const credential = scratch.credentials[n % scratch.credentials.length] ?? ''
            const headers = { ...bearer(credential), 'content-type': type }
            const { status } = await client.send(spec, fillPath(spec.route, values), body, headers)
            if (status < 300) scratch = null
          },
        ),
        { numRuns: PER_ROUTE, seed: 23 },
      )
    }
  }, 120_000)

  it('refuses ids outside the id format, and ids of another board, on every route with an id', async () => {
    const withIds = specs.filter((spec) => spec.route.includes(':'))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withIds), junkSegment, fc.nat(), async (spec, raw, n) => {
        const names = [...spec.route.matchAll(/:(\w+)/g)].map((match) => match[1] as string)
        const broken = names[n % names.length] as string
        const foreign = broken === 'id' && !isTemplate(spec) && n % 5 === 0
        const bad = foreign ? other.id : raw
        const valid = broken === 'id' ? BOARD_ID_PATTERN : OBJECT_ID_PATTERN
        if (!foreign && (valid.test(bad) || (isTemplate(spec) && /^[a-z0-9][a-z0-9-]*$/.test(bad)))) return
        const values = {
          id: isTemplate(spec) ? seeded.template.id : board.id,
          participantId: seeded.participant.participantId,
          noteId: 'n1',
          [broken]: bad,
        }
        const credential = isTemplate(spec)
          ? seeded.template.editKey
          : [board.facilitatorKey, seeded.facilitatorToken][n % 2]
        const shape = spec.shapes?.[0]
        const body = shape ? JSON.stringify(fc.sample(fc.record(shape), { numRuns: 1, seed: n })[0]) : '{}'
        const { status } = await client.send(
          spec,
          fillPath(spec.route, values),
          hasBody(spec) ? body : undefined,
          {
            ...bearer(credential ?? ''),
            'content-type': 'application/json',
          },
        )
        const what = `${spec.method} ${spec.route} with ${broken}=${JSON.stringify(bad)}`
        expect(status, what).toBeGreaterThanOrEqual(400)
      }),
      { numRuns: RUNS * 2, seed: 29 },
    )
  }, 120_000)

  it('answers huge bodies with 413 on every endpoint that reads one, also with valid credentials', async () => {
    const huge = JSON.stringify({ title: 'x'.repeat(3_000_000) })
    for (const spec of specs.filter((s) => hasBody(s) && !(s.method === 'DELETE' && isTemplate(s)))) {
      const values = {
        id: isTemplate(spec) ? seeded.template.id : board.id,
        participantId: seeded.participant.participantId,
        noteId: 'n1',
      }
      const big =
        spec.route === '/api/boards/import' ? JSON.stringify({ title: 'x'.repeat(27_000_000) }) : huge
      const credential = isTemplate(spec) ? seeded.template.editKey : board.facilitatorKey
      const { status } = await client.send(spec, fillPath(spec.route, values), big, {
        ...bearer(credential),
        'content-type': 'application/json',
      })
      expect(status, `${spec.method} ${spec.route}`).toBe(413)
    }
  }, 60_000)

  it('refuses room names outside the room format at the WebSocket upgrade', async () => {
    const { facilitatorToken, participant } = seeded
    const upgrade = (room: string, token: string) => {
      upgrades++
      return roomUpgradeStatus(server, room, token)
    }
    const segment = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'control',
        'drafts',
        'votes',
        '',
        '%00',
        board.id,
        participant.participantId,
        'A'.repeat(22),
      ),
    )
    const room = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map((part) => (part === '%00' ? part : encodeURIComponent(part))).join('/'))
      .filter((name) => parseRoomName(name) === null && !/(^|\/)\.\.?(\/|$)/.test(name))
    await fc.assert(
      fc.asyncProperty(room, fc.constantFrom(facilitatorToken, participant.token), async (name, token) => {
        expect([400, 404]).toContain(await upgrade(name, token))
      }),
      { numRuns: RUNS, seed: 31 },
    )
    // Well-formed, but not for this token: the server-only ballots, someone else's drafts, another board.
    expect(await upgrade(`${board.id}/votes`, facilitatorToken)).toBe(403)
    expect(await upgrade(`${board.id}/drafts/someoneElse`, participant.token)).toBe(403)
    expect(await upgrade(other.id, participant.token)).toBe(401)
  }, 60_000)

  it('leaves the board intact: its documents and details unchanged, its key and tokens still valid', async () => {
    expect(await boardState(server, board, seeded.participant.token)).toEqual(before)
    const get = (id: string, token: string) =>
      api<{ role: string }>(server.url, 'GET', `/api/boards/${id}`, undefined, bearer(token))
    expect((await get(board.id, seeded.facilitatorToken)).body.role).toBe('facilitator')
    expect((await get(other.id, await tokenFor(server.url, other, 'viewer'))).status).toBe(200)
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200)
  })
})
