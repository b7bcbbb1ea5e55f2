import { createNote } from '../../shared/src/model/notes'
import { connectClient } from '../load/clients'
import { connectMany, destroyAll } from '../load/pool'
import { createBenchBoard } from '../rooms'
import type { RoomRef, TargetSpec } from '../targets'

/**
 * The crowd of the session norm (issue 17): a board made like a begeleider makes it (join code,
 * facilitator key), 100 participants as lean Node clients (real handshake, then they only count what
 * arrives, see BenchClient.lean) who add notes and give dots at a steady pace, as a room of people
 * on their phones would, while real browsers measure.
 */
export interface SessionBoard {
  room: RoomRef
  joinCode: string
  facilitatorKey: string
  httpBase: string
}

export async function createSessionBoard(httpBase: string, participants: number): Promise<SessionBoard> {
  const title = 'Vakgemeenschap: wat werkt in de wijk?'
  const board = await createBenchBoard(httpBase, title, participants, (i) => `Deelnemer ${i + 1}`)
  return { ...board, httpBase }
}

/** Opens dot voting for the whole board (the begeleider's action), 5 dots each. */
export async function openVoting(board: SessionBoard): Promise<void> {
  const response = await fetch(`${board.httpBase}/api/boards/${board.room.name}/voting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${board.facilitatorKey}` },
    body: JSON.stringify({ action: 'open', perPerson: 5, maxPerNote: 2, scope: 'board' }),
  })
  if (response.status !== 200)
    throw new Error(`opening voting failed: ${response.status} ${await response.text()}`)
}

export interface Crowd {
  connected: number
  failed: number
  notesAdded(): number
  votesCast(): number
  votesRefused(): number
  stop(): void
}

/**
 * Connects `board.room.tokens.length` participants and starts their activity: together they add
 * `notesPerSecond` notes and cast `votesPerSecond` dots (on the given notes) until `stop()`.
 */
export async function startCrowd(
  target: TargetSpec,
  board: SessionBoard,
  options: { notesPerSecond: number; votesPerSecond: number; voteOn: () => string[] },
): Promise<Crowd> {
  const assignments = board.room.tokens.map((_, index) => ({ room: board.room, index }))
  const pool = await connectMany(target, assignments, { concurrency: 20, timeoutMs: 20_000 })
  for (const client of pool.clients) client.lean()
  let notes = 0
  let votes = 0
  let refused = 0
  let tick = 0
  const noteEvery = 1000 / Math.max(0.1, options.notesPerSecond)
  const voteEvery = 1000 / Math.max(0.1, options.votesPerSecond)
  const noteTimer = setInterval(() => {
    const who = tick++ % pool.clients.length
    const client = pool.clients[who]
    if (!client) return
    createNote(client.doc, {
      x: 400 + ((notes * 37) % 3000),
      y: 200 + ((notes * 53) % 2000),
      authorId: `crowd-${who}`,
      authorName: `Deelnemer ${who + 1}`,
      text: `Vanuit de zaal ${notes + 1}: buurtkamer vaker open, ook op zaterdag`,
    })
    notes++
  }, noteEvery)
  const voteTimer = setInterval(() => {
    const candidates = options.voteOn()
    const noteId = candidates[(votes + refused) % Math.max(1, candidates.length)]
    const token = board.room.tokens[(votes + refused) % board.room.tokens.length]
    if (!noteId || !token) return
    void fetch(`${board.httpBase}/api/boards/${board.room.name}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ noteId, delta: 1 }),
    })
      .then((response) => {
        if (response.ok) votes++
        else refused++ // out of dots, or this note's maximum: what real people run into too
        return response.body?.cancel()
      })
      .catch(() => refused++)
  }, voteEvery)
  return {
    connected: pool.clients.length,
    failed: pool.failed,
    notesAdded: () => notes,
    votesCast: () => votes,
    votesRefused: () => refused,
    stop() {
      clearInterval(noteTimer)
      clearInterval(voteTimer)
      destroyAll(pool.clients)
    },
  }
}

/** A full client that adds marked notes, for "a note from another phone is visible after …". */
export function remoteWriter(target: TargetSpec, board: SessionBoard) {
  const client = connectClient(target, board.room, 0)
  return {
    synced: client.synced,
    doc: client.doc,
    /** Adds a note with `marker` in its text; returns Date.now() at the moment it was written. */
    write(marker: string): number {
      const at = Date.now()
      createNote(client.doc, { x: 300, y: 300, authorId: 'remote', authorName: 'Telefoon 4', text: marker })
      return at
    },
    destroy: () => client.destroy(),
  }
}
