import { createNote, listNotes } from '../../shared/src/model/notes'
import { listRounds } from '../../shared/src/model/rounds'
import { clustersRoot, metaRoot, notesRoot, shapesRoot, zonesRoot } from '../../shared/src/model/schema'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom } from '../../shared/src/rooms'
import type { BoardFacts } from './httpFuzz'
import { api, type CreatedBoard, createBoard, type TestServer, tokenFor } from './testServer'
import { connectClient, waitFor } from './yclient'

/** A real board for the authenticated HTTP fuzz (tests/integration/httpFuzzAuthed.test.ts). */

export const bearer = (credential: string): Record<string, string> =>
  credential ? { authorization: `Bearer ${credential}` } : {}

/** Joins with the join code, as a participant does: their token and participant id. */
export async function joinBoard(server: TestServer, board: CreatedBoard, name: string) {
  const joined = await api<{ token: string }>(server.url, 'POST', '/api/join', {
    joinCode: board.joinCode,
    name,
  })
  const me = await api<{ participantId: string }>(
    server.url,
    'GET',
    `/api/boards/${board.id}`,
    undefined,
    bearer(joined.body.token),
  )
  return { token: joined.body.token, participantId: me.body.participantId }
}

/** Saves the board's layout as a template: its id and edit key. */
export async function saveTemplate(server: TestServer, board: CreatedBoard) {
  const saved = await api<{ id: string; editKey: string }>(
    server.url,
    'POST',
    `/api/boards/${board.id}/template`,
    { label: 'Fuzz' },
    bearer(board.facilitatorKey),
  )
  return saved.body
}

/** A board from the "los-model" template (zones, rounds) with a participant and four notes. */
export async function seedBoard(server: TestServer) {
  const board = await createBoard(server.url, 'Fuzz', { templateId: 'los-model' })
  const facilitatorToken = await tokenFor(server.url, board, 'facilitator', 'Fenna')
  const participant = await joinBoard(server, board, 'Anna')
  const writer = connectClient(server.wsUrl, board.id, facilitatorToken)
  const control = connectClient(server.wsUrl, controlRoom(board.id), facilitatorToken)
  await Promise.all([writer.synced, control.synced])
  const zoneIds = listZones(writer.doc).map((zone) => zone.id)
  for (let i = 0; i < 4; i++) {
    createNote(writer.doc, {
      x: 100 * i,
      y: 50,
      zoneId: zoneIds[i % zoneIds.length] ?? null,
      authorId: participant.participantId,
      authorName: 'Anna',
      text: `notitie ${i}`,
    })
  }
  const probe = connectClient(server.wsUrl, board.id, facilitatorToken)
  await probe.synced
  await waitFor(() => listNotes(probe.doc).length === 4, 5000, 'notes stored')
  const facts: BoardFacts = {
    zoneIds,
    noteIds: listNotes(writer.doc).map((note) => note.id),
    roundIds: listRounds(control.doc).map((round) => round.id),
    joinCodes: [board.joinCode],
  }
  for (const client of [writer, control, probe]) client.destroy()
  return { board, facilitatorToken, participant, facts, template: await saveTemplate(server, board) }
}

/** Everything about a board a request could spoil, read through the public interfaces. */
export async function boardState(server: TestServer, board: CreatedBoard, participantToken: string) {
  const token = await tokenFor(server.url, board, 'facilitator', 'Controle')
  const content = connectClient(server.wsUrl, board.id, token)
  const control = connectClient(server.wsUrl, controlRoom(board.id), token)
  await Promise.all([content.synced, control.synced])
  const info = await api(server.url, 'GET', `/api/boards/${board.id}`, undefined, bearer(participantToken))
  const state = {
    info,
    roots: [notesRoot, zonesRoot, shapesRoot, clustersRoot, metaRoot].map((root) =>
      root(content.doc).toJSON(),
    ),
    rounds: listRounds(control.doc),
  }
  content.destroy()
  control.destroy()
  return state
}
