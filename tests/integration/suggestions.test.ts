import { describe, expect, it } from 'vitest'
import type { BoardSuggestion } from '../../server/src/suggest/suggestTask'
import { createCluster, setNoteCluster } from '../../shared/src/model/clusters'
import { setLocked } from '../../shared/src/model/facilitation'
import { createNote, listNotes } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { createZone } from '../../shared/src/model/zones'
import { controlRoom, draftsRoom } from '../../shared/src/rooms'
import { mergeNotes, readMergedCount } from '../../shared/src/suggest/merge'
import { serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'

/**
 * "Stel groepen voor" through the real server (issue 20): facilitators only, drafts never read,
 * locked notes and questions left out, the clustering run in the heavy-work pool.
 */
describe('grouping suggestions', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Oogst', { templateId: 'leeg' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    const call = <T = unknown>(token: string | null, body: unknown) =>
      api<T>(server.url, 'POST', `/api/boards/${board.id}/suggestions`, body, {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      })

    const content = harness.connect(board.id, facilitator)
    const control = harness.connect(controlRoom(board.id), facilitator)
    await Promise.all([content.synced, control.synced])
    const doc = content.doc
    const question = createZone(doc, { title: 'Wat werkt?', x: 0, y: 0, width: 2000, height: 1000 })
    const lockedQuestion = createZone(doc, { title: 'Dicht', x: 0, y: 1200, width: 2000, height: 1000 })
    const note = (text: string, zoneId: string | null) =>
      createNote(doc, { x: 10, y: 10, authorId: 'f', authorName: 'Fenna', text, zoneId })
    const ids = {
      equality: ['Gelijkwaardigheid', 'gelijkwaardigheid!!', 'Gelijkwaardigheid 🤝'].map((t) =>
        note(t, question),
      ),
      volunteers: ['Te weinig vrijwilligers', 'vrijwilligers vinden is lastig'].map((t) => note(t, question)),
      lockedNote: note('Gelijkwaardig samenwerken', question),
      grouped: note('vrijwilligers vasthouden', question),
      inLockedQuestion: ['Vrijwilligers bedanken', 'Vrijwilligers waarderen'].map((t) =>
        note(t, lockedQuestion),
      ),
    }
    const cluster = createCluster(doc, { name: 'Al gedaan', zoneId: question })
    setNoteCluster(doc, ids.grouped, cluster)
    setLocked(control.doc, ids.lockedNote, true)
    setLocked(control.doc, lockedQuestion, true)

    // A draft with the very same word, in Anna's own drafts room: never part of a suggestion.
    const annaId = (
      await api<{ participantId: string }>(server.url, 'GET', `/api/boards/${board.id}`, undefined, {
        authorization: `Bearer ${anna}`,
      })
    ).body.participantId
    const drafts = harness.connect(draftsRoom(board.id, annaId), anna)
    await drafts.synced
    const draftId = createNote(drafts.doc, {
      x: 10,
      y: 10,
      authorId: annaId,
      authorName: 'Anna',
      text: 'Gelijkwaardigheid',
      zoneId: question,
    })
    await expect.poll(() => server.server.rooms.read(board.id, (d) => listNotes(d).length)).toBe(9)
    await expect
      .poll(() => server.server.rooms.read(draftsRoom(board.id, annaId), (d) => listNotes(d).length))
      .toBe(1)
    return { server, board, facilitator, anna, call, question, lockedQuestion, ids, draftId }
  }

  const everyNote = (s: BoardSuggestion) => [...s.groups.flatMap((g) => g.noteIds), ...s.ungrouped]

  it('proposes groups of one question to a facilitator, without drafts, locked or grouped notes', async () => {
    const { facilitator, call, question, ids, draftId } = await setup()
    // Wait until the lock on the note is stored too (the control room is written separately).
    await expect
      .poll(async () => (await call<BoardSuggestion>(facilitator, { zoneId: question })).body.locked)
      .toBe(1)
    const { status, body } = await call<BoardSuggestion>(facilitator, { zoneId: question })
    expect(status).toBe(200)
    const groups = body.groups.map((g) => [...g.noteIds].sort())
    expect(groups).toContainEqual([...ids.equality].sort())
    expect(groups).toContainEqual([...ids.volunteers].sort())
    const equality = body.groups.find((g) => g.noteIds.includes(ids.equality[0] ?? ''))
    expect(equality?.name).toBe('Gelijkwaardigheid')
    expect(equality?.duplicates.map((set) => [...set].sort())).toEqual([[...ids.equality].sort()])
    expect(everyNote(body)).not.toContain(draftId)
    expect(everyNote(body)).not.toContain(ids.lockedNote)
    expect(everyNote(body)).not.toContain(ids.grouped)
    expect(body).toMatchObject({ considered: 5, locked: 1, grouped: 1 })
  })

  it('for the whole board leaves out the notes of a locked question', async () => {
    const { facilitator, call, ids } = await setup()
    await expect.poll(async () => (await call<BoardSuggestion>(facilitator, {})).body.locked).toBe(3)
    const { body } = await call<BoardSuggestion>(facilitator, {})
    for (const id of ids.inLockedQuestion) expect(everyNote(body)).not.toContain(id)
    expect(body.considered).toBe(5)
  })

  it('merged near-duplicates leave one note with the count, the others in the Prullenbak', async () => {
    const { server, board, facilitator, ids } = await setup()
    const [keep, ...others] = ids.equality
    const client = harness.connect(board.id, facilitator)
    await client.synced
    mergeNotes(client.doc, keep ?? '', others)
    const trash = () =>
      api<{ notes: { id: string }[] }>(server.url, 'GET', `/api/boards/${board.id}/trash`, undefined, {
        authorization: `Bearer ${facilitator}`,
      })
    await expect
      .poll(async () => (await trash()).body.notes.map((n) => n.id).sort())
      .toEqual([...others].sort())
    const stored = await server.server.rooms.read(board.id, (doc) =>
      readMergedCount(notesRoot(doc).get(keep ?? '')),
    )
    expect(stored).toBe(3)
  })

  it('refuses participants and strangers, and says what is wrong with a request', async () => {
    const { facilitator, anna, call, lockedQuestion } = await setup()
    expect((await call(anna, {})).status).toBe(403)
    expect((await call(null, {})).status).toBe(401)
    expect((await call(facilitator, { zoneId: 'not an id!' })).status).toBe(400)
    expect((await call(facilitator, { zoneId: '0123456789abcdef', extra: 1 })).status).toBe(400)
    expect((await call(facilitator, { zoneId: 'Zzzzzzzzzzzzzzzzzzzz' })).status).toBe(404)
    await expect.poll(async () => (await call(facilitator, { zoneId: lockedQuestion })).status).toBe(409)
  })
})
