import fc from 'fast-check'
import { expect } from 'vitest'
import { createPostgresPersistence } from '../../server/src/persistence/postgres'
import type { Persistence } from '../../server/src/persistence/types'
import type { OogstServer } from '../../server/src/server'
import { REPORT_FORMATS } from '../../shared/src/report/types'
import { ROLES } from '../../shared/src/roles'
import { DATABASE_URL, dropSchema, freshSchema, servicesAvailable } from './services'

/**
 * The HTTP routes for the fuzz tests (tests/integration/httpFuzz*.test.ts): what each takes, how
 * to make near-valid and broken input for it, and a client that checks every answer.
 */

type Fields = Record<string, fc.Arbitrary<unknown>>

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** The Express pattern, exactly as registered (`:id` is a board id, or a template id). */
  route: string
  /** Valid body shapes (alternatives, e.g. one per action); each field is fuzzed from there. */
  shapes?: Fields[]
  /** The body is a whole document (a template file, a board backup), mutated from a valid one. */
  document?: 'template' | 'backup'
  query?: Record<string, fc.Arbitrary<string>>
  /** A success spoils the board or template for later requests (deleted, key rotated, removed). */
  destructive?: boolean
}

/** Ids a fuzzed request may name: the real ones of the board under test, and made-up ones. */
export interface BoardFacts {
  roundIds: string[]
  zoneIds: string[]
  noteIds: string[]
  joinCodes: string[]
}

export const objectId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
)
const oneOf = (real: string[]) => (real.length ? fc.oneof(fc.constantFrom(...real), objectId) : objectId)
const awkward = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u2028',
  '\ufeff',
  '\ud800',
  'a',
  ' ',
)
/** Strings of any characters: control characters, NUL, lone surrogates, emoji. */
const anyString = (maxLength: number, minLength = 0) =>
  fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
    fc.string({ minLength, maxLength: Math.min(maxLength, 8), unit: awkward }),
  )
/** Valid text: 1 to `max` characters, not only spaces (zod trims). */
const text = (max: number) => anyString(max, 1).filter((value) => value.trim() !== '')
const flag = fc.constantFrom('true', 'false', '1', '0', '')

/**
 * Every route, with valid values for its body fields and query parameters (the fuzzing breaks
 * them: bodyFor, queryFor). `facts` supplies real ids so that valid requests reach the services.
 */
export function routeSpecs(facts: BoardFacts): RouteSpec[] {
  const round = oneOf(facts.roundIds)
  const zone = oneOf(facts.zoneIds)
  const note = oneOf(facts.noteIds)
  const role = fc.constantFrom(...ROLES)
  const bilingual = fc.record({ nl: text(400), en: text(400) }, { requiredKeys: [] })
  const count = fc.integer({ min: 1, max: 99 })
  const language = fc.constantFrom('nl', 'en')
  const joinCode = facts.joinCodes.length ? fc.constantFrom(...facts.joinCodes) : fc.string({ maxLength: 32 })
  return [
    { method: 'GET', route: '/api/health' },
    { method: 'GET', route: '/api/health/live' },
    { method: 'GET', route: '/api/health/ready' },
    { method: 'GET', route: '/metrics' },
    { method: 'GET', route: '/api/time' },
    {
      method: 'POST',
      route: '/api/boards',
      shapes: [
        {
          title: text(200),
          templateId: fc.constantFrom('leeg', 'los-model'),
          language: fc.constantFrom('nl', 'en'),
        },
      ],
    },
    {
      method: 'POST',
      route: '/api/join',
      shapes: [
        { joinCode, name: text(60) },
        { joinCode, name: text(60), device: fc.stringMatching(/^[A-Za-z0-9_-]{22,86}$/) },
      ],
    },
    { method: 'POST', route: '/api/boards/import', document: 'backup' },
    { method: 'GET', route: '/api/templates' },
    { method: 'GET', route: '/api/templates/:id', query: { download: flag } },
    { method: 'POST', route: '/api/templates', document: 'template' },
    {
      method: 'PATCH',
      route: '/api/templates/:id',
      shapes: [{ labels: bilingual, descriptions: bilingual }],
    },
    { method: 'DELETE', route: '/api/templates/:id', destructive: true },
    {
      method: 'POST',
      route: '/api/boards/:id/template',
      shapes: [{ label: text(80), description: text(500) }],
    },
    { method: 'GET', route: '/api/boards/:id' },
    { method: 'DELETE', route: '/api/boards/:id', destructive: true },
    { method: 'POST', route: '/api/boards/:id/tokens', shapes: [{ role, name: text(60) }] },
    { method: 'POST', route: '/api/boards/:id/key', destructive: true },
    { method: 'POST', route: '/api/boards/:id/participants/:participantId/revoke', destructive: true },
    { method: 'POST', route: '/api/boards/:id/participants/:participantId/allow' },
    {
      method: 'POST',
      route: '/api/boards/:id/participants/:participantId/link',
      shapes: [{ name: text(60) }],
    },
    { method: 'GET', route: '/api/boards/:id/participants/removed' },
    { method: 'POST', route: '/api/boards/:id/join-code', destructive: true },
    { method: 'POST', route: '/api/boards/:id/joining', shapes: [{ open: fc.boolean() }], destructive: true },
    {
      method: 'POST',
      route: '/api/boards/:id/participants/:participantId/role',
      shapes: [{ role }],
      destructive: true,
    },
    {
      method: 'GET',
      route: '/api/boards/:id/report',
      query: { format: fc.constantFrom(...REPORT_FORMATS), redact: flag, zone },
    },
    { method: 'GET', route: '/api/boards/:id/report/preview', query: { redact: flag, zone } },
    {
      method: 'POST',
      route: '/api/boards/:id/session',
      shapes: [
        { action: fc.constant('start'), roundId: round },
        { action: fc.constantFrom('pause', 'resume', 'addMinute', 'skip', 'end') },
      ],
    },
    { method: 'POST', route: '/api/boards/:id/ready', shapes: [{ ready: fc.boolean() }] },
    {
      method: 'POST',
      route: '/api/boards/:id/voting',
      shapes: [
        {
          action: fc.constant('open'),
          perPerson: count,
          maxPerNote: count,
          scope: fc.constantFrom('zone', 'board'),
          zoneIds: fc.array(zone, { maxLength: 4 }),
          anonymous: fc.boolean(),
          hideResults: fc.boolean(),
          roundId: fc.option(round),
        },
        { action: fc.constant('close') },
      ],
    },
    {
      method: 'POST',
      route: '/api/boards/:id/votes',
      shapes: [{ noteId: note, delta: fc.constantFrom(1, -1) }],
    },
    { method: 'GET', route: '/api/boards/:id/votes/mine' },
    { method: 'GET', route: '/api/boards/:id/votes/voters', query: { voteId: objectId } },
    { method: 'GET', route: '/api/boards/:id/drafts' },
    {
      method: 'PATCH',
      route: '/api/boards/:id/drafts/:participantId/:noteId',
      shapes: [{ hidden: fc.boolean() }],
    },
    { method: 'DELETE', route: '/api/boards/:id/drafts/:participantId/:noteId' },
    { method: 'POST', route: '/api/boards/:id/reveal', shapes: [{ anonymous: fc.boolean() }] },
    { method: 'GET', route: '/api/boards/:id/trash' },
    { method: 'POST', route: '/api/boards/:id/trash/:noteId/restore' },
    { method: 'POST', route: '/api/boards/:id/suggestions', shapes: [{}, { zoneId: zone }] },
    // Groups of people (issue 18).
    {
      method: 'POST',
      route: '/api/boards/:id/groups',
      shapes: [
        { action: fc.constant('move'), participantId: objectId, groupId: fc.option(objectId) },
        { action: fc.constant('remove'), participantId: objectId },
        { action: fc.constant('keepApart'), value: fc.boolean() },
      ],
    },
    { method: 'POST', route: '/api/boards/:id/groups/insight', shapes: [{ noteId: fc.option(note) }] },
    // Communities (issue 19, docs/community.md): `:id` is a board id here, so most end at a 404.
    {
      method: 'POST',
      route: '/api/communities',
      shapes: [{ name: text(120), description: text(2000), membersMaySearch: fc.boolean(), language }],
    },
    { method: 'GET', route: '/api/communities/:id' },
    {
      method: 'PATCH',
      route: '/api/communities/:id',
      shapes: [{ name: text(120), description: text(2000), membersMaySearch: fc.boolean() }],
    },
    { method: 'POST', route: '/api/communities/:id/key', destructive: true },
    {
      method: 'POST',
      route: '/api/communities/:id/sessions',
      shapes: [
        {
          title: text(120),
          question: text(500),
          templateId: fc.constantFrom('leeg', 'los-model'),
          copyFromLast: fc.boolean(),
          language,
        },
      ],
    },
    { method: 'POST', route: '/api/communities/:id/sessions/:boardId/facilitator' },
    {
      method: 'POST',
      route: '/api/boards/:id/actions/:actionId/status',
      shapes: [{ status: fc.constantFrom('done', 'ongoing', 'failed'), note: text(280) }],
    },
    {
      method: 'GET',
      route: '/api/communities/:id/search',
      query: { q: anyString(200), limit: fc.constantFrom('1', '20', '100', '0', '-1', 'x') },
    },
    { method: 'GET', route: '/api/communities/:id/export' },
    {
      method: 'GET',
      route: '/api/communities/:id/report',
      query: { format: fc.constantFrom('md', 'html', 'docx', 'pdf') },
    },
    { method: 'DELETE', route: '/api/communities/:id', shapes: [{ confirm: text(120) }], destructive: true },
  ]
}

/** Path segments that are no valid id ('', '.' and '..' are left out: they change the route). */
export const junkSegment = fc
  .oneof(
    anyString(80, 1),
    fc.constantFrom(
      '%',
      '%2e%2e',
      '\u0000',
      '../x',
      'a'.repeat(300),
      'A'.repeat(21),
      'A'.repeat(23),
      'Eigen-Sjabloon',
    ),
  )
  .filter((value) => value !== '.' && value !== '..')

/** Every `METHOD /pattern` the server registers, read from its Express app. */
export function registeredRoutes(server: OogstServer): string[] {
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> }
    handle?: { stack?: Layer[] }
    rawPath?: string
  }
  const app = server.http.listeners('request')[0] as unknown as { router: { stack: Layer[] } }
  const found = new Set<string>()
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          found.add(`${method.toUpperCase()} ${prefix}${layer.route.path}`)
      } else if (layer.handle?.stack) walk(layer.handle.stack, prefix + (layer.rawPath ?? ''))
    }
  }
  walk(app.router.stack, '')
  return [...found].sort()
}

export const hasBody = (spec: RouteSpec) => spec.method !== 'GET'

/** Broken bodies: not JSON, JSON of the wrong shape, prototype games. */
export const junkBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  anyString(200),
  fc.constantFrom(
    '',
    '{',
    '{"title":',
    'null',
    '[]',
    '"x"',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"__proto__":{"role":"facilitator"}}',
    '{"constructor":{"prototype":{"role":"facilitator"}}}',
  ),
)

/** A wrong value for any field: another type, an edge of a range, too long, a prototype name. */
export const junkValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(5000),
    'a\u0000b',
    -1,
    0,
    0.5,
    100,
    1e308,
    -0,
    true,
    null,
    [],
    {},
    '__proto__',
  ),
  anyString(80),
)

function fromShape(shape: Fields): fc.Arbitrary<string> {
  // All fields valid; or each valid or wrong, some left out, sometimes one field more.
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, valid]) => [
      key,
      fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: junkValue }),
    ]),
  )
  const extra = fc.option(
    fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constant('__proto__')), fc.jsonValue()),
    {
      freq: 4,
    },
  )
  return fc.oneof(
    fc.record(shape).map((value) => JSON.stringify(value)),
    fc
      .tuple(fc.record(fields, { requiredKeys: [] }), extra)
      .map(([value, more]) => JSON.stringify(more ? { ...value, [more[0]]: more[1] } : value)),
  )
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Every path into a JSON value (not the root itself). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return []
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return keys.flatMap((key) => {
    const child = (value as Record<string | number, Json>)[key] as Json
    return [[...prefix, key], ...paths(child, [...prefix, key])]
  })
}

/** A valid document with one node replaced, removed or given an unknown field. */
export function mutatedDocument(document: Json): fc.Arbitrary<string> {
  const all = paths(document)
  const node = fc.integer({ min: 0, max: Math.max(0, all.length - 1) })
  const edit = (
    index: number,
    change: (parent: Record<string | number, Json>, key: string | number) => void,
  ) => {
    const copy = structuredClone(document)
    const path = all[index % all.length] ?? []
    let parent = copy as Record<string | number, Json>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>
    change(parent, path[path.length - 1] ?? 0)
    return JSON.stringify(copy)
  }
  return fc.oneof(
    fc.constant(JSON.stringify(document)),
    fc.tuple(node, fc.oneof(fc.jsonValue(), anyString(40))).map(([i, value]) =>
      edit(i, (parent, key) => {
        parent[key] = value as Json
      }),
    ),
    node.map((i) =>
      edit(i, (parent, key) => {
        delete parent[key]
      }),
    ),
    fc.tuple(node, fc.string({ maxLength: 10 })).map(([i, name]) =>
      edit(i, (parent) => {
        if (!Array.isArray(parent)) parent[`x${name}`] = 1
      }),
    ),
  )
}

export function bodyFor(spec: RouteSpec, documents: { template: Json; backup: Json }): fc.Arbitrary<string> {
  const shaped = spec.document
    ? [mutatedDocument(documents[spec.document])]
    : (spec.shapes ?? [{}]).map((shape) => fromShape(shape))
  return fc.oneof({ weight: 1, arbitrary: junkBody }, { weight: 3, arbitrary: fc.oneof(...shaped) })
}

/** A query string: the route's parameters (valid or not, some left out), sometimes repeated. */
export function queryFor(spec: RouteSpec): fc.Arbitrary<string> {
  const params = Object.entries(spec.query ?? {}).map(([key, valid]) =>
    fc.oneof(
      { weight: 6, arbitrary: valid.map((value) => `${key}=${encodeSegment(value)}`) },
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: anyString(30).map((value) => `${key}=${encodeSegment(value)}`) },
    ),
  )
  const odd = fc.oneof(
    { weight: 20, arbitrary: fc.constant('') },
    fc.constantFrom('format=md&format=pdf', 'zone[a]=b', 'redact=true&redact=false', 'x=%E0%A4%A', 'zone='),
  )
  return fc
    .tuple(fc.tuple(...params), odd)
    .map(([parts, more]) => [...parts, more].filter(Boolean).join('&'))
    .map((query) => (query ? `?${query}` : ''))
}

/** Percent-encodes for a path segment or query value; lone surrogates go as their UTF-8 bytes. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return [...Buffer.from(value)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')
  }
}

export function fillPath(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => encodeSegment(params[name] ?? 'x'))
}

/** `route` with `segment` put in as it is (not encoded) for `param`, the others filled in. */
export function pathWithRawSegment(
  route: string,
  params: Record<string, string>,
  param: string,
  segment: string,
): string {
  return route.replace(/:(\w+)/g, (_, name: string) =>
    name === param ? segment : encodeSegment(params[name] ?? 'x'),
  )
}

/** The stores the fuzz runs against: SQLite, and PostgreSQL when it is reachable. */
export const fuzzStores: { name: string; open(): Promise<{ store?: Persistence; drop(): Promise<void> }> }[] =
  [
    { name: 'sqlite', open: async () => ({ drop: async () => {} }) },
    ...(servicesAvailable.postgres
      ? [
          {
            name: 'postgres',
            async open() {
              const schema = freshSchema()
              const store = await createPostgresPersistence({
                connectionString: DATABASE_URL,
                schema,
                maxConnections: 4,
              })
              return { store, drop: () => dropSchema(schema) }
            },
          },
        ]
      : []),
  ]

/** Sends requests and checks each answer: never 5xx; every 4xx is JSON `{ error: { code, message } }`. */
export class FuzzClient {
  requests = 0
  readonly routes = new Set<string>()
  readonly statuses = new Map<number, number>()
  /** `METHOD /route` → status → count, to see which routes were also reached with valid input. */
  readonly byRoute = new Map<string, Map<number, number>>()

  constructor(private readonly baseUrl: string) {}

  async send(
    spec: Pick<RouteSpec, 'method' | 'route'>,
    path: string,
    body: string | Uint8Array<ArrayBuffer> | undefined,
    headers: Record<string, string>,
    /** False for requests to a method the route does not have. */
    registered = true,
  ): Promise<{ status: number; text: string }> {
    this.requests++
    if (registered) this.routes.add(`${spec.method} ${spec.route}`)
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: spec.method,
      headers,
      body: spec.method === 'GET' ? undefined : body,
    })
    const text = await res.text()
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1)
    const route = this.byRoute.get(`${spec.method} ${spec.route}`) ?? new Map<number, number>()
    route.set(res.status, (route.get(res.status) ?? 0) + 1)
    this.byRoute.set(`${spec.method} ${spec.route}`, route)
    const sent = typeof body === 'string' ? body.slice(0, 120) : `(${body?.byteLength ?? 0} bytes)`
    const what = `${spec.method} ${path.slice(0, 160)} ${sent} → ${res.status} ${text.slice(0, 200)}`
    expect(res.status, what).toBeLessThan(500)
    if (res.status >= 400) {
      expect(res.headers.get('content-type'), what).toMatch(/^application\/json/)
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }
      expect(typeof parsed.error?.code, what).toBe('string')
      expect(typeof parsed.error?.message, what).toBe('string')
    }
    return { status: res.status, text }
  }

  summary(): string {
    const byStatus = [...this.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`)
    return `${this.requests} requests over ${this.routes.size} routes (${byStatus.join(', ')})`
  }
}
