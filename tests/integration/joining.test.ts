import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/src/config'
import { randomBase64Url } from '../../shared/src/ids'
import { createNote } from '../../shared/src/model/notes'
import { serverHarness } from '../helpers/harness'
import { fuzzStores } from '../helpers/httpFuzz'
import { api, type CreatedBoard, createBoard, tokenFor } from '../helpers/testServer'
import { sleep } from '../helpers/yclient'

type Joined = { boardId: string; participantId: string; token: string }
type Refusal = { error: { code: string; message: string } }
type JoinState = { joinCode: string; joinOpen: boolean; participantUrl: string }

/** Issue 14, parts 3 and 4: one browser is one person; the facilitator controls the join code. */
describe.each(fuzzStores)('joining by code ($name)', (backing) => {
  // Registered before the harness, so it runs after the server is closed (hooks run as a stack).
  const drops: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop()
  })
  const harness = serverHarness()
  const storeOption = async () => {
    const { store, drop } = await backing.open()
    drops.push(drop)
    return store ? { store } : {}
  }

  async function setup() {
    const server = await harness.start(await storeOption())
    const board = await createBoard(server.url, 'Sessie', { templateId: 'los-model' })
    const key = { authorization: `Bearer ${board.facilitatorKey}` }
    const join = (body: object) => api<Joined & Refusal>(server.url, 'POST', '/api/join', body)
    const facilitator = <T>(method: string, path: string, body?: unknown) =>
      api<T & Refusal>(server.url, method, `/api/boards/${board.id}${path}`, body, key)
    return { url: server.url, board, join, facilitator }
  }
  const device = () => randomBase64Url(32)

  it('makes three joins from the same browser one participant, whose dots are not renewed', async () => {
    const { url, board, join, facilitator } = await setup()
    const anouk = device()
    const first = await join({ joinCode: board.joinCode, name: 'Anouk', device: anouk })
    expect(first.status).toBe(200)
    const note = harness.connect(board.id, first.body.token)
    await note.synced
    const noteId = createNote(note.doc, { x: 0, y: 0, authorId: 'x', authorName: 'Anouk', text: 'idee' })
    await sleep(200)
    const open = { action: 'open', perPerson: 2, maxPerNote: 2, scope: 'board', hideResults: false }
    expect((await facilitator('POST', '/voting', open)).status).toBe(200)
    const vote = (token: string) =>
      api(
        url,
        'POST',
        `/api/boards/${board.id}/votes`,
        { noteId, delta: 1 },
        { authorization: `Bearer ${token}` },
      )
    expect((await vote(first.body.token)).status).toBe(200)

    // The same browser opens the link twice more (lower-case code, a new name the second time).
    const second = await join({ joinCode: board.joinCode.toLowerCase(), name: 'Anouk', device: anouk })
    const third = await join({ joinCode: board.joinCode, name: 'Anouk B', device: anouk })
    expect(new Set([first, second, third].map((r) => r.body.participantId)).size).toBe(1)
    expect((await vote(third.body.token)).status).toBe(200)
    expect((await vote(second.body.token)).status).toBe(409) // 2 dots in all, not 2 per join
    const who = await api<{ participantId: string; name: string }>(
      url,
      'GET',
      `/api/boards/${board.id}`,
      undefined,
      {
        authorization: `Bearer ${third.body.token}`,
      },
    )
    expect(who.body).toMatchObject({ participantId: first.body.participantId, name: 'Anouk B' })

    // Another browser is another person; a client without a secret gets a new one each time.
    const other = await join({ joinCode: board.joinCode, name: 'Anouk', device: device() })
    const bare1 = await join({ joinCode: board.joinCode, name: 'Script' })
    const bare2 = await join({ joinCode: board.joinCode, name: 'Script' })
    const ids = [first, other, bare1, bare2].map((r) => r.body.participantId)
    expect(new Set(ids).size).toBe(4)
  })

  it('rotates the code: old links stop working, the new code works, people already in stay', async () => {
    const { board, join, facilitator } = await setup()
    const before = await join({ joinCode: board.joinCode, name: 'Anouk', device: device() })
    const rotated = await facilitator<JoinState>('POST', '/join-code')
    expect(rotated.status).toBe(200)
    expect(rotated.body.joinCode).not.toBe(board.joinCode)
    expect(rotated.body).toMatchObject({ joinOpen: true })
    expect(rotated.body.participantUrl).toMatch(new RegExp(`/j/${rotated.body.joinCode}$`))
    const old = await join({ joinCode: board.joinCode, name: 'Bram' })
    expect(old.status).toBe(404)
    expect(old.body.error.code).toBe('unknown_join_code')
    expect((await join({ joinCode: rotated.body.joinCode, name: 'Bram' })).status).toBe(200)
    const info = await api<{ joinCode: string }>(
      harness.server.url,
      'GET',
      `/api/boards/${board.id}`,
      undefined,
      {
        authorization: `Bearer ${before.body.token}`,
      },
    )
    expect(info.status).toBe(200)
    expect(info.body.joinCode).toBe(rotated.body.joinCode)
  })

  it('closes and opens joining; closed is refused with joining_closed, the code comes back', async () => {
    const { board, join, facilitator } = await setup()
    const closed = await facilitator<JoinState>('POST', '/joining', { open: false })
    expect(closed.body).toMatchObject({ joinCode: board.joinCode, joinOpen: false })
    const refused = await join({ joinCode: board.joinCode, name: 'Bram', device: device() })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('joining_closed')
    const member = (await join({ joinCode: board.joinCode, name: 'x' })).body.token // closed: none
    expect(member).toBeUndefined()
    const token = await tokenFor(harness.server.url, board, 'facilitator')
    const info = await api<JoinState>(harness.server.url, 'GET', `/api/boards/${board.id}`, undefined, {
      authorization: `Bearer ${token}`,
    })
    expect(info.body).toMatchObject({ joinCode: board.joinCode, joinOpen: false })
    // Rotating while closed stays closed.
    const rotated = await facilitator<JoinState>('POST', '/join-code')
    expect(rotated.body.joinOpen).toBe(false)
    expect((await join({ joinCode: rotated.body.joinCode, name: 'Bram' })).body.error.code).toBe(
      'joining_closed',
    )
    const opened = await facilitator<JoinState>('POST', '/joining', { open: true })
    expect(opened.body).toMatchObject({ joinCode: rotated.body.joinCode, joinOpen: true })
    expect((await join({ joinCode: rotated.body.joinCode, name: 'Bram' })).status).toBe(200)
  })

  it('keeps a revoked participant out, under any name from that browser, until let back in', async () => {
    const { board, join, facilitator } = await setup()
    const anouk = device()
    const joined = await join({ joinCode: board.joinCode, name: 'Anouk', device: anouk })
    const pid = joined.body.participantId
    expect((await facilitator('POST', `/participants/${pid}/revoke`)).status).toBe(204)
    for (const name of ['Anouk', 'Iemand anders']) {
      const again = await join({ joinCode: board.joinCode, name, device: anouk })
      expect(again.status).toBe(403)
      expect(again.body.error.code).toBe('participant_removed')
    }
    const removed = await facilitator<{ participantIds: string[] }>('GET', '/participants/removed')
    expect(removed.body.participantIds).toEqual([pid])
    expect((await facilitator('POST', `/participants/${pid}/link`, { name: 'Anouk' })).status).toBe(409)
    expect((await facilitator('POST', `/participants/${pid}/allow`)).status).toBe(204)
    const back = await join({ joinCode: board.joinCode, name: 'Anouk', device: anouk })
    expect(back.status).toBe(200)
    expect(back.body.participantId).toBe(pid)
    expect(
      (await facilitator<{ participantIds: string[] }>('GET', '/participants/removed')).body.participantIds,
    ).toEqual([])
  })

  it('hands a facilitator a link that is the same participant on a new device', async () => {
    const { url, board, join, facilitator } = await setup()
    const joined = await join({ joinCode: board.joinCode, name: 'Anouk', device: device() })
    const link = await facilitator<{ url: string }>(
      'POST',
      `/participants/${joined.body.participantId}/link`,
      {
        name: 'Anouk',
      },
    )
    expect(link.status).toBe(201)
    const token = link.body.url.split('#token=')[1] ?? ''
    const who = await api<{ participantId: string; role: string }>(
      url,
      'GET',
      `/api/boards/${board.id}`,
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    )
    expect(who.body).toMatchObject({ participantId: joined.body.participantId, role: 'participant' })
  })

  it('lets only facilitators rotate, close, list, allow and link', async () => {
    const { url, board, join } = await setup()
    const participant = (await join({ joinCode: board.joinCode, name: 'Anouk', device: device() })).body.token
    const calls: [string, string, unknown?][] = [
      ['POST', '/join-code'],
      ['POST', '/joining', { open: false }],
      ['GET', '/participants/removed'],
      ['POST', '/participants/abc/allow'],
      ['POST', '/participants/abc/link', { name: 'X' }],
    ]
    for (const [method, path, body] of calls) {
      const as = (auth: Record<string, string>) =>
        api(url, method, `/api/boards/${board.id}${path}`, body, auth)
      expect((await as({ authorization: `Bearer ${participant}` })).status).toBe(403)
      expect((await as({})).status).toBe(401)
    }
  })

  it('refuses hand-made requests: wrong types, huge bodies, odd secrets and codes', async () => {
    const { url, board, join, facilitator } = await setup()
    const bad: unknown[] = [
      { joinCode: board.joinCode, name: 'A', device: 12 },
      { joinCode: board.joinCode, name: 'A', device: 'short' },
      { joinCode: board.joinCode, name: 'A', device: `${'a'.repeat(30)}!` },
      { joinCode: board.joinCode, name: 'A', device: 'a'.repeat(87) },
      { joinCode: board.joinCode, name: ['A'] },
      { joinCode: 7, name: 'A' },
      { joinCode: board.joinCode, name: 'A', extra: true },
    ]
    for (const body of bad) expect((await join(body as object)).status).toBe(400)
    const huge = await api<Refusal>(url, 'POST', '/api/join', {
      joinCode: board.joinCode,
      name: 'x'.repeat(10_000),
    })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('body_too_large')
    for (const open of ['false', 0, null])
      expect((await facilitator('POST', '/joining', { open })).status).toBe(400)
    expect((await facilitator('POST', '/joining', { open: false, code: 'AAA-AAA' })).status).toBe(400)
    expect((await facilitator('POST', '/participants/bad%20id/allow')).status).toBe(400)
    const closedForm = await join({ joinCode: `closed:${board.joinCode}`, name: 'A' })
    expect(closedForm.status).toBe(404) // the stored form of a closed code is not a code
  })

  it('a replayed browser secret is that same browser: still revoked, never another person', async () => {
    const { board, join, facilitator } = await setup()
    const secret = device()
    const joined = await join({ joinCode: board.joinCode, name: 'Anouk', device: secret })
    await facilitator('POST', `/participants/${joined.body.participantId}/revoke`)
    const replay = await join({ joinCode: board.joinCode, name: 'Anouk', device: secret })
    expect(replay.body.error.code).toBe('participant_removed')
    // The same secret on another board is a different, unrelated participant id.
    const other: CreatedBoard = await createBoard(harness.server.url, 'Ander bord')
    const elsewhere = await join({ joinCode: other.joinCode, name: 'Anouk', device: secret })
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.body.participantId).not.toBe(joined.body.participantId)
  })

  it('rate-limits per address and name: wrong codes lock out only that name; successes are limited too', async () => {
    const base = loadConfig({}).limits
    const server = await harness.start({
      ...(await storeOption()),
      config: { limits: { ...base, joinFailuresPer10Min: 3, joinsPerMinute: 5 } },
    })
    const board = await createBoard(server.url)
    const join = (joinCode: string, name: string) =>
      api<Refusal>(server.url, 'POST', '/api/join', { joinCode, name, device: device() })
    for (let i = 0; i < 10; i++) expect([404, 429]).toContain((await join('AAA-AAA', 'Mallory')).status)
    const locked = await join(board.joinCode, 'Mallory')
    expect(locked.status).toBe(429)
    expect(locked.body.error.code).toBe('too_many_attempts')
    // Someone else behind the same address (a school network) joins with the right code.
    expect((await join(board.joinCode, 'Anouk')).status).toBe(200)
    // Successful joins: 5 per minute per address and code (one is used above).
    for (let i = 0; i < 4; i++) expect((await join(board.joinCode, `p${i}`)).status).toBe(200)
    const tooMany = await join(board.joinCode, 'p5')
    expect(tooMany.status).toBe(429)
    expect(tooMany.body.error.code).toBe('too_many_joins')
    const other = await createBoard(server.url, 'Ander bord')
    expect((await join(other.joinCode, 'p5')).status).toBe(200)
    // Guessing under ever new names still ends: 20 × the per-name limit per address.
    let status = 0
    for (let i = 0; i < 60 && status !== 429; i++) status = (await join('AAA-AAA', `guess${i}`)).status
    expect(status).toBe(429)
  })
})
