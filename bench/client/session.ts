import type { Browser } from 'playwright-core'
import { notesRoot } from '../../shared/src/model/schema'
import { sleep, withTimeout } from '../load/pool'
import { distribution } from '../stats'
import type { RunningServer } from '../targets'
import { createSessionBoard, openVoting, remoteWriter, startCrowd } from './crowd'
import type { FrameStats } from './page'
import { joinPhone, type Phone } from './phones'
import { seedBoard } from './seed'

/**
 * The session norm (issue 17, `npm run bench:client`): one board, 100 participants (lean clients)
 * adding notes and giving dots, while 3 real Chromium "phones" with the CPU slowed 4× measure what a
 * person on a cheap Android sees: join → first note on screen, a note from another phone visible,
 * frame rate while panning a 500- and a 2,000-note board (slowed and at full speed), memory.
 */
export const SESSION_GOALS = {
  joinMs: 3000,
  remoteNoteMs: 500,
  panFpsThrottled: 30,
  panFpsFull: 55,
} as const

export interface SessionNormResult {
  participants: number
  participantsFailed: number
  phones: number
  throttle: number
  joinMs: ReturnType<typeof distribution>
  remoteNoteMs: ReturnType<typeof distribution>
  remoteNotesMissed: number
  startNotes: number
  endNotes: number
  /** Panning on the board as it was when the phones joined, and after it grew. */
  pan: Record<'start' | 'end', { throttled: FrameStats; full: FrameStats }>
  heapMb: number[]
  notesAdded: number
  votesCast: number
  votesRefused: number
  durationMs: number
}

export interface SessionNormOptions {
  participants: number
  phones: number
  throttle: number
  /** The board before the phones join, and after it grows (the norm: 500 and 2,000). */
  startNotes: number
  endNotes: number
  remoteNotes: number
  panMs: number
  log: (line: string) => void
}

/** The published norm; the smoke test runs the same code much smaller. */
export const SESSION_NORM = {
  participants: 100,
  phones: 3,
  throttle: 4,
  startNotes: 500,
  endNotes: 2000,
  remoteNotes: 10,
  panMs: 3000,
} as const

export async function runSessionNorm(
  browser: Browser,
  server: RunningServer,
  options: SessionNormOptions,
): Promise<SessionNormResult> {
  const started = performance.now()
  const { log } = options
  const board = await createSessionBoard(server.httpBase, options.participants)
  log(`session norm: seeding ${options.startNotes} notes, ${options.participants} participants …`)
  await seedBoard(server.spec, board.room, options.startNotes)
  const writer = remoteWriter(server.spec, board)
  if (!(await withTimeout(writer.synced, 15_000))) throw new Error('the remote writer did not sync')
  const seeded = [...notesRoot(writer.doc).keys()]
  await openVoting(board)
  const crowd = await startCrowd(server.spec, board, {
    notesPerSecond: 2,
    votesPerSecond: 5,
    voteOn: () => seeded,
  })
  const phones: Phone[] = []
  try {
    for (let i = 0; i < options.phones; i++) {
      const phone = await joinPhone(browser, {
        httpBase: server.httpBase,
        joinCode: board.joinCode,
        name: `Telefoon ${i + 1}`,
        throttle: options.throttle,
      })
      phones.push(phone)
      log(`  phone ${i + 1} joined: first note after ${phone.joinMs} ms`)
    }
    const remote = await remoteNoteLatencies(phones, writer.write, options.remoteNotes)
    log(`  another phone's note visible: p50 ${remote.latency.p50} ms, p99 ${remote.latency.p99} ms`)
    const first = phones[0] as Phone
    const panStart = await panBothSpeeds(first, options.throttle, options.panMs)
    log(
      `  pan at ${options.startNotes} notes: ${panStart.throttled.fps} fps slowed, ${panStart.full.fps} fps full`,
    )
    await seedBoard(server.spec, board.room, options.endNotes - options.startNotes)
    if (!(await waitForNotes(first, options.endNotes)))
      log(`  the phone did not show ${options.endNotes} notes in 60 s`)
    const panEnd = await panBothSpeeds(first, options.throttle, options.panMs)
    log(`  pan at ${options.endNotes} notes: ${panEnd.throttled.fps} fps slowed, ${panEnd.full.fps} fps full`)
    const heapMb = await Promise.all(phones.map((phone) => phone.heapMb()))
    return {
      participants: options.participants,
      participantsFailed: crowd.failed,
      phones: phones.length,
      throttle: options.throttle,
      joinMs: distribution(phones.map((phone) => phone.joinMs)),
      remoteNoteMs: remote.latency,
      remoteNotesMissed: remote.missed,
      startNotes: options.startNotes,
      endNotes: options.endNotes,
      pan: { start: panStart, end: panEnd },
      heapMb,
      notesAdded: crowd.notesAdded(),
      votesCast: crowd.votesCast(),
      votesRefused: crowd.votesRefused(),
      durationMs: Math.round(performance.now() - started),
    }
  } finally {
    crowd.stop()
    writer.destroy()
    await Promise.all(phones.map((phone) => phone.close()))
  }
}

/** Writes marked notes one by one from Node; every phone reports when each was painted. */
async function remoteNoteLatencies(phones: Phone[], write: (marker: string) => number, count: number) {
  const samples: number[] = []
  let missed = 0
  for (let k = 0; k < count; k++) {
    const marker = `Markering-${k}-${Math.random().toString(36).slice(2, 8)}`
    await Promise.all(phones.map((phone) => phone.watch(marker)))
    const writtenAt = write(marker)
    for (const phone of phones) {
      let seen: number | null = null
      const deadline = Date.now() + 10_000
      while (seen === null && Date.now() < deadline) {
        seen = await phone.seenAt(marker)
        if (seen === null) await sleep(25)
      }
      if (seen === null) missed++
      else samples.push(seen - writtenAt)
    }
    await sleep(700)
  }
  return { latency: distribution(samples), missed }
}

async function panBothSpeeds(phone: Phone, throttle: number, ms: number) {
  const throttled = await phone.panFrames(ms)
  await phone.setThrottle(1)
  const full = await phone.panFrames(ms)
  await phone.setThrottle(throttle)
  return { throttled, full }
}

async function waitForNotes(phone: Phone, count: number): Promise<boolean> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if ((await phone.noteCount()) >= count) return true
    await sleep(500)
  }
  return false
}
