import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../server/src/config'
import { createMemoryPersistence } from '../../server/src/persistence/memory'
import type {
  CommunityPage,
  CommunitySearchHit,
  CreatedCommunity,
} from '../../shared/src/api/communityAnswers'
import { readHarvestNotes, setHarvestNotes } from '../../shared/src/model/harvestNotes'
import { controlRoom } from '../../shared/src/rooms'
import { bearer, createCommunity, createSession, writeNotes } from '../helpers/community'
import {
  api,
  createBoard,
  startTestServer,
  type TestServer,
  tempDataDir,
  tokenFor,
} from '../helpers/testServer'
import { connectClient, waitFor } from '../helpers/yclient'

/**
 * The community routes' rules (docs/community.md): the key and its rotation, the facilitator link
 * to a session, refused bodies, the creation limit, and retention per community (docs/privacy.md).
 */

type ErrorBody = { error: { code: string } }
const DAY = 24 * 60 * 60_000

describe('community access', () => {
  let server: TestServer
  let url: string
  let community: CreatedCommunity

  beforeAll(async () => {
    server = await startTestServer({
      store: createMemoryPersistence(),
      config: { retentionDays: 90 },
    })
    url = server.url
    community = await createCommunity(url, 'Leernetwerk')
  })
  afterAll(async () => {
    await server?.close()
  })

  it('refuses bodies outside the contract', async () => {
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(121) },
      { name: 'Goed', description: 'x'.repeat(2001) },
      { name: 'Goed', extra: true },
      { name: 'Nul\u0000teken' },
    ]) {
      const answer = await api<ErrorBody>(url, 'POST', '/api/communities', body)
      expect([answer.status, answer.body.error.code], JSON.stringify(body)).toEqual([400, 'invalid_body'])
    }
    const key = bearer(community.facilitatorKey)
    const session = (body: object) =>
      api<ErrorBody>(url, 'POST', `/api/communities/${community.id}/sessions`, body, key)
    expect((await session({})).status).toBe(400)
    expect((await session({ title: 'Sessie', templateId: 'bestaat-niet' })).body.error.code).toBe(
      'unknown_template',
    )
    expect((await api(url, 'PATCH', `/api/communities/${community.id}`, {}, key)).status).toBe(400)
    expect(
      (await api(url, 'PATCH', `/api/communities/${community.id}`, { name: 'x'.repeat(121) }, key)).status,
    ).toBe(400)
  })

  it('answers only with the key: unknown ids 404, no or a wrong key 401', async () => {
    expect((await api(url, 'GET', `/api/communities/${community.id}`)).status).toBe(401)
    expect(
      (await api(url, 'GET', `/api/communities/${community.id}`, undefined, bearer('verkeerd'))).status,
    ).toBe(401)
    expect(
      (
        await api(
          url,
          'GET',
          '/api/communities/AAAAAAAAAAAAAAAAAAAAAA',
          undefined,
          bearer(community.facilitatorKey),
        )
      ).status,
    ).toBe(404)
    expect(
      (await api(url, 'GET', '/api/communities/..%2Fboards', undefined, bearer(community.facilitatorKey)))
        .status,
    ).toBe(404)
    // A board's facilitator key is not the community's.
    const board = await createBoard(url, 'Los bord')
    expect(
      (await api(url, 'GET', `/api/communities/${community.id}`, undefined, bearer(board.facilitatorKey)))
        .status,
    ).toBe(401)
  })

  it('rotates the key: the old one stops working at once', async () => {
    const old = community.facilitatorKey
    const rotated = await api<{ facilitatorKey: string; communityUrl: string }>(
      url,
      'POST',
      `/api/communities/${community.id}/key`,
      undefined,
      bearer(old),
    )
    expect(rotated.status).toBe(200)
    expect(rotated.body.communityUrl).toBe(`${url}/c/${community.id}#key=${rotated.body.facilitatorKey}`)
    expect((await api(url, 'GET', `/api/communities/${community.id}`, undefined, bearer(old))).status).toBe(
      401,
    )
    community = { ...community, facilitatorKey: rotated.body.facilitatorKey }
    expect(
      (
        await api<CommunityPage>(
          url,
          'GET',
          `/api/communities/${community.id}`,
          undefined,
          bearer(community.facilitatorKey),
        )
      ).body.name,
    ).toBe('Leernetwerk')
  })

  it("gives a facilitator link to the community's own sessions only", async () => {
    const session = await createSession(url, community, { title: 'Eerste' })
    const link = await api<{ token: string; facilitatorUrl: string }>(
      url,
      'POST',
      `/api/communities/${community.id}/sessions/${session.id}/facilitator`,
      undefined,
      bearer(community.facilitatorKey),
    )
    expect(link.status).toBe(201)
    const board = await api<{ role: string }>(
      url,
      'GET',
      `/api/boards/${session.id}`,
      undefined,
      bearer(link.body.token),
    )
    expect(board.body.role).toBe('facilitator')
    const elsewhere = await createBoard(url, 'Niet van ons')
    const refused = await api(
      url,
      'POST',
      `/api/communities/${community.id}/sessions/${elsewhere.id}/facilitator`,
      undefined,
      bearer(community.facilitatorKey),
    )
    expect(refused.status).toBe(404)
    const otherCommunity = await createCommunity(url, 'Ander netwerk')
    const foreign = await api(
      url,
      'POST',
      `/api/communities/${community.id}/sessions/${session.id}/facilitator`,
      undefined,
      bearer(otherCommunity.facilitatorKey),
    )
    expect(foreign.status).toBe(401)
  })

  it("puts a session's agreements in the Jaaroverzicht even when nobody opened the page since", async () => {
    const fresh = await createCommunity(url, 'Vers')
    const session = await createSession(url, fresh, { title: 'Eerste', templateId: 'los-model' })
    const token = await tokenFor(url, session, 'participant', 'Anna')
    await writeNotes(server.wsUrl, session.id, token, /afspraken/i, [
      'Wie: Anna\nWat: verslag rondsturen\nWanneer: vrijdag',
    ])
    const response = await fetch(`${url}/api/communities/${fresh.id}/report?format=md`, {
      headers: bearer(fresh.facilitatorKey),
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('verslag rondsturen')
  })

  it("finds the begeleider's insights, linking to the session itself", async () => {
    const fresh = await createCommunity(url, 'Inzichten')
    const session = await createSession(url, fresh, { title: 'Eerste' })
    const facilitator = await tokenFor(url, session, 'facilitator', 'Begeleider')
    const control = connectClient(server.wsUrl, controlRoom(session.id), facilitator)
    await control.synced
    setHarvestNotes(control.doc, { insights: 'Vertrouwen groeit door huisbezoeken' })
    const reader = connectClient(server.wsUrl, controlRoom(session.id), facilitator)
    await reader.synced
    await waitFor(() => readHarvestNotes(reader.doc).insights !== '', 5000, 'the insights stored')
    control.destroy()
    reader.destroy()
    const found = await api<{ hits: CommunitySearchHit[] }>(
      url,
      'GET',
      `/api/communities/${fresh.id}/search?q=huisbezoek`,
      undefined,
      bearer(fresh.facilitatorKey),
    )
    expect(found.body.hits.map((hit) => [hit.kind, hit.text, hit.link])).toEqual([
      ['insight', 'Vertrouwen groeit door huisbezoeken', `/b/${session.id}`],
    ])
  })

  it('keeps a community together in retention, and deletes it whole once every session is idle', async () => {
    const store = server.server.store
    const kept = await createCommunity(url, 'Nog actief')
    const gone = await createCommunity(url, 'Stilgevallen')
    const [k1, k2] = [
      await createSession(url, kept, { title: 'K1' }),
      await createSession(url, kept, { title: 'K2' }),
    ]
    const [g1, g2] = [
      await createSession(url, gone, { title: 'G1' }),
      await createSession(url, gone, { title: 'G2' }),
    ]
    const single = await createBoard(url, 'Los')
    const later = Date.now() + 91 * DAY
    // K2 was used a day before the sweep: K1, idle as long as the rest, stays with it.
    await store.touchBoard(k2.id, later - DAY)
    const swept = await server.server.sweepRetention(later)
    expect(swept.communities).toContain(gone.id)
    expect(swept.boards).toContain(single.id)
    expect(await store.getBoard(single.id)).toBeNull()
    for (const board of [g1, g2]) expect(await store.getBoard(board.id)).toBeNull()
    expect(await store.getCommunity(gone.id)).toBeNull()
    for (const board of [k1, k2]) expect(await store.getBoard(board.id)).not.toBeNull()
    expect((await store.communitySessions(kept.id)).map((s) => s.boardId)).toEqual([k1.id, k2.id])

    const muchLater = later + 91 * DAY
    const second = await server.server.sweepRetention(muchLater)
    expect(second.communities).toContain(kept.id)
    for (const board of [k1, k2]) expect(await store.getBoard(board.id)).toBeNull()
    expect(await store.getCommunity(kept.id)).toBeNull()
  })

  it('refuses a burst of status changes from one address on one board', async () => {
    const board = await createBoard(url, 'Druk')
    const token = await tokenFor(url, board, 'participant', 'Snel')
    const post = () =>
      api<ErrorBody>(
        url,
        'POST',
        `/api/boards/${board.id}/actions/actie1234567/status`,
        { status: 'done' },
        bearer(token),
      )
    const answers = []
    for (let i = 0; i < 61; i++) answers.push((await post()).status)
    // Not a Terugblik session: each is a 404, until the limit.
    expect(answers.slice(0, 60).every((status) => status === 404)).toBe(true)
    expect(answers[60]).toBe(429)
  })

  it('counts communities and their sessions against the creation limit', async () => {
    const { limits } = testConfig({ dataDir: tempDataDir() })
    const limited = await startTestServer({
      store: createMemoryPersistence(),
      config: { limits: { ...limits, boardCreatesPerHour: 2 } },
    })
    try {
      await createCommunity(limited.url, 'Een')
      await createBoard(limited.url, 'Twee')
      const third = await api<ErrorBody>(limited.url, 'POST', '/api/communities', { name: 'Drie' })
      expect([third.status, third.body.error.code]).toEqual([429, 'too_many_requests'])
    } finally {
      await limited.close()
    }
  })
})
