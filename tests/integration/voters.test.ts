import { describe, expect, it } from 'vitest'
import { readVoting, writeVoting } from '../../shared/src/model/facilitation'
import { createNote, getNote } from '../../shared/src/model/notes'
import { listParticipantsEverJoined } from '../../shared/src/model/session'
import { controlRoom } from '../../shared/src/rooms'
import { serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { waitFor } from '../helpers/yclient'

type ErrorBody = { error: { code: string; message: string } }
type Voters = {
  voteId: string
  open: boolean
  notes: { noteId: string; total: number; voters: { participantId: string; name: string; count: number }[] }[]
}

/**
 * GET /api/boards/:id/votes/voters: who put dots on which note, for facilitators, in named votes
 * only. Real server on port 0, notes written by real y-websocket clients, votes cast over HTTP.
 */
describe('who voted for what (named votes)', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Stemmen', { templateId: 'los-model' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const ahmed = await tokenFor(server.url, board, 'participant', 'Ahmed')
    const fatima = await tokenFor(server.url, board, 'participant', 'Fatima')
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(server.url, method, `/api/boards/${board.id}${path}`, body, { authorization: `Bearer ${token}` })
    // Ahmed opens the board (so he is in the control document's participants); Fatima votes
    // over HTTP only, and still has to show up by name.
    const content = harness.connect(board.id, ahmed)
    const control = harness.connect(controlRoom(board.id), facilitator)
    await Promise.all([content.synced, control.synced])
    const notes = ['Meer groen', 'Fietspad', 'Bankjes'].map((text, i) =>
      createNote(content.doc, { x: i * 200, y: 0, authorId: 'a', authorName: 'Ahmed', text, zoneId: null }),
    )
    // Votes need the notes on the server: a second client seeing them means they are stored.
    const watcher = harness.connect(board.id, facilitator)
    await watcher.synced
    await waitFor(() => notes.every((id) => getNote(watcher.doc, id)))
    await waitFor(() => listParticipantsEverJoined(control.doc).some((p) => p.name === 'Ahmed'))
    const open = (extra: object) =>
      call(facilitator, 'POST', '/voting', {
        action: 'open',
        perPerson: 3,
        maxPerNote: 2,
        scope: 'board',
        ...extra,
      })
    const vote = async (token: string, noteId: string | undefined) =>
      expect((await call(token, 'POST', '/votes', { noteId, delta: 1 })).status).toBe(200)
    return { board, facilitator, ahmed, fatima, call, notes, control, open, vote }
  }

  it('shows facilitators names and dot counts per note when the vote is not anonymous', async () => {
    const { board, facilitator, ahmed, fatima, call, notes, open, vote } = await setup()
    expect((await open({ anonymous: false })).status).toBe(200)
    await vote(ahmed, notes[0])
    await vote(ahmed, notes[0])
    await vote(fatima, notes[0])
    await vote(fatima, notes[1])
    // A dot taken back is not a vote.
    await vote(fatima, notes[2])
    expect((await call(fatima, 'POST', '/votes', { noteId: notes[2], delta: -1 })).status).toBe(200)

    const seen = await call<Voters>(facilitator, 'GET', '/votes/voters')
    expect(seen.status).toBe(200)
    expect(seen.body.open).toBe(true)
    expect(
      seen.body.notes.map(({ noteId, total, voters }) => ({
        noteId,
        total,
        voters: voters.map((v) => [v.name, v.count]),
      })),
    ).toEqual([
      {
        noteId: notes[0],
        total: 3,
        voters: [
          ['Ahmed', 2],
          ['Fatima', 1],
        ],
      },
      { noteId: notes[1], total: 1, voters: [['Fatima', 1]] },
    ])
    // The board's facilitator key works too, and so does naming the vote after it closed.
    expect((await call(facilitator, 'POST', '/voting', { action: 'close' })).status).toBe(200)
    const byKey = await call<Voters>(board.facilitatorKey, 'GET', `/votes/voters?voteId=${seen.body.voteId}`)
    expect(byKey.status).toBe(200)
    expect(byKey.body).toMatchObject({ voteId: seen.body.voteId, open: false })
    expect(byKey.body.notes).toEqual(seen.body.notes)

    // Participants, viewers and strangers never get it.
    for (const token of [ahmed, fatima]) {
      const refused = await call<ErrorBody>(token, 'GET', '/votes/voters')
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('forbidden')
    }
    const viewer = await tokenFor(harness.server.url, board, 'viewer', 'Beamer')
    expect((await call(viewer, 'GET', '/votes/voters')).status).toBe(403)
    expect((await call('nonsense', 'GET', '/votes/voters')).status).toBe(401)

    const badQuery = await call<ErrorBody>(facilitator, 'GET', '/votes/voters?noteId=x')
    expect(badQuery.status).toBe(400)
    expect(badQuery.body.error.code).toBe('invalid_query')
    const unknown = await call<ErrorBody>(facilitator, 'GET', '/votes/voters?voteId=AAAAAAAAAAAAAAAAAAAAAA')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('unknown_vote')
  })

  it('refuses with 403 vote_anonymous for an anonymous vote, even after the config is edited', async () => {
    const { board, facilitator, ahmed, call, notes, control, open, vote } = await setup()
    const none = await call<ErrorBody>(facilitator, 'GET', '/votes/voters')
    expect(none.status).toBe(404)
    expect(none.body.error.code).toBe('unknown_vote')

    // Anonymous is the default: no `anonymous` in the body.
    expect((await open({})).status).toBe(200)
    await vote(ahmed, notes[0])
    const refused = await call<ErrorBody>(facilitator, 'GET', '/votes/voters')
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('vote_anonymous')

    // Facilitators may write the control document; turning the stored config into a named vote
    // afterwards must not unmask it, since the server keeps its own record.
    const config = readVoting(control.doc)
    expect(config?.anonymous).toBe(true)
    if (config) writeVoting(control.doc, { ...config, anonymous: false })
    // The server broadcasts only what it stored, so a second client seeing the edit means it is in.
    const watcher = harness.connect(controlRoom(board.id), facilitator)
    await watcher.synced
    await waitFor(() => readVoting(watcher.doc)?.anonymous === false)
    const stillRefused = await call<ErrorBody>(facilitator, 'GET', '/votes/voters')
    expect(stillRefused.status).toBe(403)
    expect(stillRefused.body.error.code).toBe('vote_anonymous')

    // A later named vote does not open up the earlier anonymous one.
    expect((await open({ anonymous: false })).status).toBe(200)
    expect((await call(facilitator, 'GET', '/votes/voters')).status).toBe(200)
    const earlier = await call<ErrorBody>(facilitator, 'GET', `/votes/voters?voteId=${config?.voteId}`)
    expect(earlier.status).toBe(403)
    expect(earlier.body.error.code).toBe('vote_anonymous')
  })

  it('refuses a co-facilitator at once after they are made a participant', async () => {
    const { board, call, open } = await setup()
    const co = await tokenFor(harness.server.url, board, 'facilitator', 'Co')
    expect((await open({ anonymous: false })).status).toBe(200)
    expect((await call(co, 'GET', '/votes/voters')).status).toBe(200)
    const { participantId } = (await call<{ participantId: string }>(co, 'GET', '')).body
    const demote = await call(board.facilitatorKey, 'POST', `/participants/${participantId}/role`, {
      role: 'participant',
    })
    expect(demote.status).toBe(204)
    const refused = await call<ErrorBody>(co, 'GET', '/votes/voters')
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('forbidden')
  })
})
