import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_LIMITS, createBoardBody, joinBody, links, templateFromBoardBody } from '../../shared/src/api'
import { api, createBoard, startTestServer, type TestServer } from '../helpers/testServer'

/**
 * One HTTP contract (issue 16, item 6): the server accepts exactly what the app's forms let people
 * type (the form fields take their maxLength from the same API_LIMITS), and the links it hands
 * out are the ones the app builds itself.
 */
describe('the HTTP contract shared by server, app and tests', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  const text = (length: number) =>
    'Wijkavond '
      .repeat(Math.ceil(length / 10))
      .slice(0, length)
      .replace(/ $/, 'x')

  it('takes a board title as long as the form allows, and not a character more', async () => {
    const longest = text(API_LIMITS.boardTitle)
    expect(createBoardBody.safeParse({ title: longest }).success).toBe(true)
    const made = await api(server.url, 'POST', '/api/boards', { title: longest })
    expect(made.status).toBe(201)
    const tooLong = await api(server.url, 'POST', '/api/boards', { title: text(API_LIMITS.boardTitle + 1) })
    expect(tooLong.status).toBe(400)
  })

  it("takes a person's name as long as the join form allows, and not longer", async () => {
    const board = await createBoard(server.url, 'Namen')
    const join = (name: string) => api(server.url, 'POST', '/api/join', { joinCode: board.joinCode, name })
    expect(joinBody.safeParse({ joinCode: board.joinCode, name: text(API_LIMITS.personName) }).success).toBe(
      true,
    )
    expect((await join(text(API_LIMITS.personName))).status).toBe(200)
    expect((await join(text(API_LIMITS.personName + 1))).status).toBe(400)
  })

  it("takes a template's name and description as long as 'Bewaar als sjabloon' allows", async () => {
    const board = await createBoard(server.url, 'Sjabloon')
    const save = (label: string, description: string) =>
      api(
        server.url,
        'POST',
        `/api/boards/${board.id}/template`,
        { label, description },
        {
          authorization: `Bearer ${board.facilitatorKey}`,
        },
      )
    const label = text(API_LIMITS.templateLabel)
    const description = text(API_LIMITS.templateDescription)
    expect(templateFromBoardBody.safeParse({ label, description }).success).toBe(true)
    expect((await save(label, description)).status).toBe(201)
    expect((await save(text(API_LIMITS.templateLabel + 1), description)).status).toBe(400)
  })

  it('hands out the links the app builds itself', async () => {
    const board = await createBoard(server.url, 'Links')
    expect(board.facilitatorUrl).toBe(links.facilitator(server.url, board.id, board.facilitatorKey))
    expect(board.participantUrl).toBe(links.join(server.url, board.joinCode))
    expect(board.viewerUrl.startsWith(links.withToken(server.url, board.id, ''))).toBe(true)
  })
})
