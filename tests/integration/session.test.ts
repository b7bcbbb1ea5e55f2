import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { measureClockOffset } from '../../shared/src/clock'
import { listDrafts } from '../../shared/src/model/drafts'
import { readDraftCounts, readTimer, remainingMs, setLocked } from '../../shared/src/model/facilitation'
import { createNote, listNotes, updateNote } from '../../shared/src/model/notes'
import { listRounds } from '../../shared/src/model/rounds'
import {
  getFacilitatorName,
  listFacilitatorIds,
  listParticipantsEverJoined,
  readVoteResults,
} from '../../shared/src/model/session'
import { listZones, updateZone } from '../../shared/src/model/zones'
import { buildReport } from '../../shared/src/report/buildReport'
import { controlRoom, draftsRoom } from '../../shared/src/rooms'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { api, createBoard, tokenFor } from '../helpers/testServer'
import { roomUpgradeStatus } from '../helpers/upgrade'
import { sleep, waitFor } from '../helpers/yclient'

type Info = { participantId: string; role: string }

describe('facilitation, enforced by the server', () => {
  const harness = serverHarness()

  async function setup(templateId = 'los-model') {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Sessie', { templateId })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    const bram = await tokenFor(server.url, board, 'participant', 'Bram')
    const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
      api<T>(harness.server.url, method, `/api/boards/${board.id}${path}`, body, {
        authorization: `Bearer ${token}`,
      })
    const who = async (token: string) => (await call<Info>(token, 'GET', '')).body
    return { board, facilitator, anna, bram, call, who }
  }

  it('runs the timer on the server clock, and it survives a restart', async () => {
    const { board, facilitator, anna, call } = await setup()
    const control = harness.connect(controlRoom(board.id), facilitator)
    await control.synced
    const round = listRounds(control.doc)[0]
    expect(round).toBeDefined()
    expect((await call(anna, 'POST', '/session', { action: 'start', roundId: round?.id })).status).toBe(403)
    const started = await call<{ timer: { endsAt: number } }>(facilitator, 'POST', '/session', {
      action: 'start',
      roundId: round?.id,
    })
    expect(started.status).toBe(200)
    expect(started.body.timer.endsAt - Date.now()).toBeGreaterThan((round?.minutes ?? 0) * 60_000 - 2000)
    const paused = await call<{ timer: { status: string; remainingMs: number } }>(
      facilitator,
      'POST',
      '/session',
      { action: 'pause' },
    )
    expect(paused.body.timer.status).toBe('paused')
    const extended = await call<{ timer: { remainingMs: number } }>(facilitator, 'POST', '/session', {
      action: 'addMinute',
    })
    expect(extended.body.timer.remainingMs - paused.body.timer.remainingMs).toBe(60_000)
    expect((await call(facilitator, 'POST', '/session', { action: 'resume' })).status).toBe(200)
    expect((await call(facilitator, 'POST', '/session', { action: 'resume' })).status).toBe(409)

    control.destroy()
    await harness.restart()
    const after = harness.connect(controlRoom(board.id), facilitator)
    await after.synced
    expect(readTimer(after.doc)).toMatchObject({ status: 'running', roundId: round?.id })
  })

  it('shows the right remaining time on a client whose clock is 5 minutes off', async () => {
    const { board, facilitator, call } = await setup()
    const control = harness.connect(controlRoom(board.id), facilitator)
    await control.synced
    await call(facilitator, 'POST', '/session', { action: 'start', roundId: listRounds(control.doc)[0]?.id })
    await waitFor(() => readTimer(control.doc).status === 'running')
    const serverTime = async () =>
      (await api<{ now: number }>(harness.server.url, 'GET', '/api/time')).body.now
    for (const skew of [-5 * 60_000, 5 * 60_000]) {
      const skewedNow = () => Date.now() + skew
      const offset = await measureClockOffset(serverTime, skewedNow)
      const shown = remainingMs(readTimer(control.doc), skewedNow() + offset) ?? 0
      const truth = remainingMs(readTimer(control.doc), Date.now()) ?? 0
      expect(Math.abs(shown - truth)).toBeLessThan(1000)
      // Without the correction the skewed device would be 5 minutes off.
      expect(Math.abs((remainingMs(readTimer(control.doc), skewedNow()) ?? 0) - truth)).toBeGreaterThan(
        60_000,
      )
    }
  })

  it('keeps drafts private, lets the facilitator hide one, and reveals the rest', async () => {
    const { board, facilitator, anna, bram, call, who } = await setup()
    const annaId = (await who(anna)).participantId
    const bramId = (await who(bram)).participantId
    const annaDrafts = harness.connect(draftsRoom(board.id, annaId), anna)
    await annaDrafts.synced
    createNote(annaDrafts.doc, { x: 0, y: 0, authorId: annaId, authorName: 'Anna', text: 'Buurtkamer werkt' })
    createNote(annaDrafts.doc, { x: 0, y: 0, authorId: annaId, authorName: 'Anna', text: 'Bel 06-12345678' })

    // Bram can open neither Anna's drafts room nor see their text anywhere.
    const status = await roomUpgradeStatus(harness.server, draftsRoom(board.id, annaId), bram)
    expect(status).toBe(403)
    const bramControl = harness.connect(controlRoom(board.id), bram)
    await bramControl.synced
    await waitFor(() => readDraftCounts(bramControl.doc).get(annaId)?.count === 2, 3000, 'draft counter')
    expect(JSON.stringify(bramControl.doc.toJSON())).not.toContain('Buurtkamer')
    expect((await call(bram, 'GET', '/drafts')).status).toBe(403)
    expect((await call(bram, 'POST', '/reveal', {})).status).toBe(403)

    const overview = await call<{
      participants: { participantId: string; notes: { id: string; text: string }[] }[]
    }>(facilitator, 'GET', '/drafts')
    const phone = overview.body.participants
      .find((p) => p.participantId === annaId)
      ?.notes.find((n) => n.text.includes('06-'))
    expect(phone).toBeDefined()
    expect(
      (await call(facilitator, 'PATCH', `/drafts/${annaId}/${phone?.id}`, { hidden: true })).status,
    ).toBe(204)
    // A hidden draft is no longer "being written", but Anna stays listed for review.
    await waitFor(() => readDraftCounts(bramControl.doc).get(annaId)?.count === 1, 3000, 'hidden not counted')
    expect(readDraftCounts(bramControl.doc).get(annaId)?.hidden).toBe(1)
    const revealed = await call<{ revealed: number }>(facilitator, 'POST', '/reveal', { anonymous: true })
    expect(revealed.body.revealed).toBe(1)

    const bramContent = harness.connect(board.id, bram)
    await waitFor(() => listNotes(bramContent.doc).length === 1, 3000, 'revealed note')
    expect(listNotes(bramContent.doc)[0]).toMatchObject({ text: 'Buurtkamer werkt', authorName: '' })
    expect(JSON.stringify(bramContent.doc.toJSON())).not.toContain('06-12345678')
    await waitFor(() => listDrafts(annaDrafts.doc).length === 1, 3000, 'revealed draft left the drafts')
    expect(listDrafts(annaDrafts.doc)[0]).toMatchObject({ hidden: true })
    // After the reveal only the hidden draft is left: nothing counts as being written.
    await waitFor(() => readDraftCounts(bramControl.doc).get(annaId)?.count === 0, 3000, 'nothing written')
    expect((await call(facilitator, 'GET', '/drafts')).status).toBe(200)
    expect(bramId).not.toBe(annaId)
  })

  it('enforces the dot budget, the per-note maximum and the scope, even for simultaneous votes', async () => {
    const { board, facilitator, anna, bram, call } = await setup()
    const content = harness.connect(board.id, anna)
    await content.synced
    const [zoneA, zoneB] = listZones(content.doc)
    const inScope = Array.from({ length: 5 }, (_, i) =>
      createNote(content.doc, {
        x: i,
        y: 0,
        authorId: 'a',
        authorName: 'Anna',
        text: `in ${i}`,
        zoneId: zoneA?.id ?? null,
      }),
    )
    const outside = createNote(content.doc, {
      x: 0,
      y: 0,
      authorId: 'a',
      authorName: 'Anna',
      text: 'out',
      zoneId: zoneB?.id ?? null,
    })
    await sleep(200)
    expect((await call(anna, 'POST', '/votes', { noteId: inScope[0], delta: 1 })).status).toBe(409) // not open
    const open = {
      action: 'open',
      perPerson: 3,
      maxPerNote: 1,
      scope: 'zone',
      zoneIds: [zoneA?.id],
      hideResults: false,
    }
    expect((await call(anna, 'POST', '/voting', open)).status).toBe(403)
    expect((await call(facilitator, 'POST', '/voting', open)).status).toBe(200)

    const results = await Promise.all(
      inScope.map((noteId) => call(bram, 'POST', '/votes', { noteId, delta: 1 })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 409, 409])
    expect((await call(anna, 'POST', '/votes', { noteId: outside, delta: 1 })).status).toBe(409)
    expect((await call(anna, 'POST', '/votes', { noteId: inScope[0], delta: 1 })).status).toBe(200)
    expect((await call(anna, 'POST', '/votes', { noteId: inScope[0], delta: 1 })).status).toBe(409) // max 1 per note
    const mine = await call<{ used: number; remaining: number }>(bram, 'GET', '/votes/mine')
    expect(mine.body).toMatchObject({ used: 3, remaining: 0 })
    const closed = await call<{ results: Record<string, number> }>(facilitator, 'POST', '/voting', {
      action: 'close',
    })
    expect(Object.values(closed.body.results).reduce((a, b) => a + b, 0)).toBe(4)
    const control = harness.connect(controlRoom(board.id), anna)
    await control.synced
    expect(readVoteResults(control.doc)).toEqual(closed.body.results)
  })

  it('refuses participant edits to zones and locked notes: not stored, not broadcast', async () => {
    const { board, facilitator, anna, bram } = await setup()
    const fac = harness.connect(controlRoom(board.id), facilitator)
    const facContent = harness.connect(board.id, facilitator)
    const a = harness.connect(board.id, anna)
    const b = harness.connect(board.id, bram)
    await Promise.all([fac.synced, facContent.synced, a.synced, b.synced])
    const noteId = createNote(facContent.doc, { x: 10, y: 10, authorId: 'f', authorName: 'F', text: 'vast' })
    setLocked(fac.doc, noteId, true)
    await waitFor(() => listNotes(a.doc).length === 1 && listNotes(b.doc).length === 1)
    await sleep(100)

    const refused = nextCloseCode(a)
    updateNote(a.doc, noteId, { x: 999 })
    expect(await refused).toBe(4409)
    const zoneRefused = nextCloseCode(b)
    const zone = listZones(b.doc)[0]
    updateZone(b.doc, zone?.id ?? '', { title: 'Gekaapt' })
    expect(await zoneRefused).toBe(4409)
    await sleep(100)
    expect(listNotes(facContent.doc)[0]?.x).toBe(10)
    expect(listZones(facContent.doc)[0]?.title).toBe(zone?.title)
    const room = await harness.server.server.rooms.peek(board.id)
    const stored = await harness.server.server.store.loadRoom(board.id)
    const fresh = new Y.Doc()
    for (const update of stored?.updates ?? []) Y.applyUpdate(fresh, update)
    expect(listNotes(fresh)[0]?.x).toBe(10)
    expect(room && listZones(room.doc)[0]?.title).toBe(zone?.title)
  })

  it('lets a viewer write nothing: no votes, no ready, no session actions', async () => {
    const { board, facilitator, call } = await setup()
    const viewer = await tokenFor(harness.server.url, board, 'viewer')
    await call(facilitator, 'POST', '/voting', {
      action: 'open',
      perPerson: 3,
      maxPerNote: 1,
      scope: 'board',
    })
    const content = harness.connect(board.id, facilitator)
    await content.synced
    const noteId = createNote(content.doc, {
      x: 0,
      y: 0,
      authorId: 'f',
      authorName: 'F',
      text: 'stem hierop',
    })
    await sleep(100)
    expect((await call(viewer, 'POST', '/votes', { noteId, delta: 1 })).status).toBe(403)
    expect((await call(viewer, 'POST', '/ready', { ready: true })).status).toBe(403)
    expect((await call(viewer, 'POST', '/voting', { action: 'close' })).status).toBe(403)
    expect((await call(viewer, 'POST', '/reveal', {})).status).toBe(403)
  })

  it('remembers who joined and who facilitated, for the report', async () => {
    const { board, facilitator, anna, bram } = await setup()
    for (const token of [facilitator, anna, bram]) await harness.connect(board.id, token).synced
    const control = harness.connect(controlRoom(board.id), anna)
    await control.synced
    await waitFor(() => listParticipantsEverJoined(control.doc).length === 3, 3000, 'participants recorded')
    expect(listParticipantsEverJoined(control.doc).map((p) => p.name)).toEqual(['Anna', 'Bram', 'Fenna'])
    expect(getFacilitatorName(control.doc)).toBe('Fenna')
    // Fenna joined as the facilitator: the report names her as such, not as a participant.
    const fenna = listParticipantsEverJoined(control.doc).find((p) => p.name === 'Fenna')
    await waitFor(() => listFacilitatorIds(control.doc).length === 1, 3000, 'facilitator recorded')
    expect(listFacilitatorIds(control.doc)).toEqual([fenna?.id])
    expect(buildReport(new Y.Doc(), control.doc).participants.names).toEqual(['Anna', 'Bram'])
  })

  it('changes a role at once: a promoted participant reconnects as facilitator', async () => {
    const { board, facilitator, anna, call, who } = await setup()
    const annaId = (await who(anna)).participantId
    const control = harness.connect(controlRoom(board.id), anna)
    await control.synced
    const reconnect = nextCloseCode(control)
    expect(
      (await call(facilitator, 'POST', `/participants/${annaId}/role`, { role: 'facilitator' })).status,
    ).toBe(204)
    expect(await reconnect).toBe(4000)
    expect((await who(anna)).role).toBe('facilitator')
    await waitFor(() => control.provider.synced, 3000, 'reconnected')
    const rounds = listRounds(control.doc).length
    expect(
      (await call(anna, 'POST', '/session', { action: 'start', roundId: listRounds(control.doc)[0]?.id }))
        .status,
    ).toBe(200)
    expect(rounds).toBeGreaterThan(0)
  })
})
