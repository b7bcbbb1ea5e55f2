import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import {
  createNote,
  listNotes,
  listRounds,
  listZones,
  NOTE_DEFAULT_SIZE,
  type RoundData,
  spotForZone,
  updateRound,
  type ZoneData,
} from '../../shared/src/model'
import { controlRoom } from '../../shared/src/rooms'
import { joinInBrowser, waitConnected } from './boardPages'
import { api, type CreatedBoard, createBoard, tokenFor } from './testServer'
import { connectClient, waitFor, type YClient } from './yclient'

/**
 * A board at a real session's volume for browser tests: the LOS template with the 60 notes of
 * `../shared/fixtures/session-volume.json` (20 per question, three authors) written into three
 * of its questions, and the session API at hand (start a round, open voting, reveal).
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../../shared/fixtures/session-volume.json')
const AUTHORS = ['Anouk', 'Bas', 'Chaima']

interface Fixture {
  questions: { title: string; notes: string[] }[]
}

function fixtureNotes(): string[][] {
  if (fs.existsSync(FIXTURE)) {
    const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Fixture
    return fixture.questions.map((question) => question.notes)
  }
  // A clone without the design folder next to it still gets 60 notes of the same kind.
  return [0, 1, 2].map((q) => Array.from({ length: 20 }, (_, i) => `Vraag ${q + 1}, briefje ${i + 1}`))
}

export interface VolumeSession {
  board: CreatedBoard
  facilitatorToken: string
  content: YClient
  control: YClient
  /** The three questions that hold the notes, in board order. */
  questions: ZoneData[]
  rounds: RoundData[]
  call<T = unknown>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }>
  /** Starts round `index` (0-based), first setting its questions and private writing. */
  startRound(index: number, options?: { privateWriting?: boolean; zoneIds?: string[] }): Promise<void>
  openVoting(patch?: Record<string, unknown>): Promise<void>
  close(): void
}

export async function volumeSession(baseUrl: string): Promise<VolumeSession> {
  const board = await createBoard(baseUrl, 'Vakgemeenschap Noord', { templateId: 'los-model' })
  const facilitatorToken = await tokenFor(baseUrl, board, 'facilitator', 'Marieke')
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/sync`
  const content = connectClient(wsUrl, board.id, facilitatorToken)
  const control = connectClient(wsUrl, controlRoom(board.id), facilitatorToken)
  await Promise.all([content.synced, control.synced])
  // The three questions after the central one (LOS: "Verkenning", "Do's & don'ts", "Oplossingen").
  const questions = listZones(content.doc).slice(1, 4)
  const texts = fixtureNotes()
  questions.forEach((zone, q) => {
    for (const [i, text] of (texts[q] ?? []).entries()) {
      const geometry = { zones: listZones(content.doc), notes: listNotes(content.doc) }
      const spot = spotForZone(zone.id, geometry.zones, geometry.notes, NOTE_DEFAULT_SIZE)
      const author = AUTHORS[i % AUTHORS.length] ?? 'Anouk'
      createNote(content.doc, { ...spot, zoneId: zone.id, text, authorId: `p-${author}`, authorName: author })
    }
  })
  const total = texts.reduce((sum, list) => sum + list.length, 0)
  await waitFor(() => listNotes(content.doc).length >= total, 10_000, 'fixture notes')
  const call = <T = unknown>(method: string, route: string, body?: unknown) =>
    api<T>(baseUrl, method, `/api/boards/${board.id}${route}`, body, {
      authorization: `Bearer ${facilitatorToken}`,
    })
  const rounds = listRounds(control.doc)
  return {
    board,
    facilitatorToken,
    content,
    control,
    questions,
    rounds,
    call,
    async startRound(index, options = {}) {
      const round = rounds[index]
      if (!round) throw new Error(`no round ${index}`)
      updateRound(control.doc, round.id, {
        privateWriting: options.privateWriting ?? false,
        zoneIds: options.zoneIds ?? round.zoneIds,
      })
      await new Promise((resolve) => setTimeout(resolve, 200))
      const started = await call('POST', '/session', { action: 'start', roundId: round.id })
      if (started.status !== 200) throw new Error(`start failed: ${started.status}`)
    },
    async openVoting(patch = {}) {
      const opened = await call('POST', '/voting', {
        action: 'open',
        perPerson: 5,
        maxPerNote: 2,
        scope: 'board',
        ...patch,
      })
      if (opened.status !== 200)
        throw new Error(`voting failed: ${opened.status} ${JSON.stringify(opened.body)}`)
    },
    close() {
      content.destroy()
      control.destroy()
    },
  }
}

/** A participant on a phone-sized touch screen, joined by the join code. */
export async function phoneParticipant(
  browser: Browser,
  baseUrl: string,
  joinCode: string,
  name: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, bypassCSP: true })
  const page = await context.newPage()
  await joinInBrowser(page, baseUrl, joinCode, name)
  await waitConnected(page)
  return page
}
