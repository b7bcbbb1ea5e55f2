import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardOps } from '../../client/src/board/ops/BoardOps'
import { groupNotes, moveCluster, ungroup } from '../../client/src/board/ops/groupOps'
import { rankNotes } from '../../client/src/session/banner/Voting'
import { formatClock } from '../../client/src/session/clock'
import { readSessionState } from '../../client/src/session/sessionData'
import { noteUnderCentre } from '../../client/src/session/useDropToCluster'
import { centreOf, viewportFor } from '../../client/src/session/useSessionFollow'
import { refusalKey } from '../../client/src/session/useVoting'
import {
  addRound,
  createNote,
  createZone,
  ensureFacilitationState,
  getNote,
  listClusters,
  listNotes,
  notesInCluster,
  writeTimer,
} from '../../shared/src/model'
import { votingConfig } from '../helpers/votingConfig'

describe('session client helpers', () => {
  it('formats the timer rounded up, so 0:00 means time is really up', () => {
    expect(formatClock(60_000)).toBe('1:00')
    expect(formatClock(59_001)).toBe('1:00')
    expect(formatClock(9_000)).toBe('0:09')
    expect(formatClock(1)).toBe('0:01')
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(-5)).toBe('0:00')
  })

  it('shares the leader view as a screen-independent centre and shows it centred elsewhere', () => {
    const centre = centreOf({ x: -200, y: -100, scale: 0.5 }, { width: 1200, height: 800 })
    expect(centre).toEqual({ x: 1600, y: 1000, scale: 0.5 })
    const phone = viewportFor(centre, { width: 400, height: 800 })
    // The same board point lands in the middle of the phone's screen.
    expect((200 - phone.x) / phone.scale).toBeCloseTo(1600)
    expect((400 - phone.y) / phone.scale).toBeCloseTo(1000)
  })

  it('explains a refused vote from what the client knows', () => {
    const mine = { perPerson: 3, used: 3, remaining: 0, mine: { a: 2 } }
    expect(refusalKey(votingConfig({ open: false }), mine, 'a', 1)).toBe('session.voteClosed')
    expect(refusalKey(votingConfig(), mine, 'b', 1)).toBe('session.voteNoneLeft')
    expect(refusalKey(votingConfig(), { ...mine, used: 2, remaining: 1 }, 'a', 1)).toBe(
      'session.voteMaxPerNote',
    )
    expect(
      refusalKey(votingConfig({ scope: 'zone' }), { ...mine, used: 0, remaining: 3, mine: {} }, 'a', 1),
    ).toBe('session.voteOutOfScope')
  })

  it('ranks voted notes, most votes first, ties oldest first', () => {
    const doc = new Y.Doc()
    const a = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'a', createdAt: 1 })
    const b = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'b', createdAt: 2 })
    const c = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'c', createdAt: 3 })
    const ranked = rankNotes(listNotes(doc), { [a]: 2, [b]: 5, [c]: 2 })
    expect(ranked.map((entry) => entry.note.text)).toEqual(['b', 'a', 'c'])
    expect(rankNotes(listNotes(doc), {})).toEqual([])
  })

  it('groups notes, moves a group in one transaction, and ungroups', () => {
    const doc = new Y.Doc()
    const zone = createZone(doc, { title: 'Vraag', x: 0, y: 0, width: 1000, height: 1000 })
    const one = createNote(doc, { x: 100, y: 100, authorId: 'p', authorName: 'P', zoneId: zone })
    const two = createNote(doc, { x: 400, y: 100, authorId: 'p', authorName: 'P', zoneId: zone })
    const cluster = groupNotes(doc, [one, two], 'Vervoer')
    expect(cluster).not.toBeNull()
    expect(listClusters(doc)).toEqual([expect.objectContaining({ name: 'Vervoer', zoneId: zone })])
    expect(notesInCluster(doc, cluster ?? '').sort()).toEqual([one, two].sort())

    let transactions = 0
    doc.on('afterTransaction', () => {
      transactions += 1
    })
    const ops = new BoardOps(doc, () => ({
      author: { id: 'f', name: 'F' },
      isFacilitator: true,
      closed: new Set<string>(),
      control: null,
    }))
    moveCluster(ops, [one, two], { dx: 50, dy: -20 })
    expect(transactions).toBe(1)
    expect(getNote(doc, one)).toEqual(expect.objectContaining({ x: 150, y: 80, zoneId: zone }))
    expect(getNote(doc, two)).toEqual(expect.objectContaining({ x: 450, y: 80 }))

    // A third note joins the existing group rather than making a new one.
    const three = createNote(doc, { x: 700, y: 100, authorId: 'p', authorName: 'P' })
    expect(groupNotes(doc, [three, one], 'Nieuw')).toBe(cluster)
    expect(listClusters(doc)).toHaveLength(1)

    ungroup(doc, cluster ?? '')
    expect(listClusters(doc)).toEqual([])
    expect(listNotes(doc)).toHaveLength(3)
  })

  it('finds the note a dropped note landed on by its centre', () => {
    const doc = new Y.Doc()
    createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'under' })
    createNote(doc, { x: 150, y: 150, authorId: 'p', authorName: 'P', text: 'dropped' })
    const notes = listNotes(doc)
    const dropped = notes.find((note) => note.text === 'dropped')
    if (!dropped) throw new Error('missing')
    expect(noteUnderCentre(dropped, notes)).toBeNull()
    expect(noteUnderCentre({ ...dropped, x: 50, y: 50 }, notes)?.text).toBe('under')
  })

  it('reads the session: the current round follows the timer, options and locks come along', () => {
    const control = new Y.Doc()
    ensureFacilitationState(control)
    const first = addRound(control, { title: 'Alleen', minutes: 2, privateWriting: true })
    const second = addRound(control, { title: 'Samen', minutes: 5 })
    expect(readSessionState(control).current).toBeNull()
    writeTimer(control, {
      roundId: second,
      status: 'running',
      endsAt: 10_000,
      remainingMs: null,
      startedAt: 0,
    })
    const state = readSessionState(control)
    expect(state.current?.title).toBe('Samen')
    expect(state.currentIndex).toBe(1)
    expect(state.rounds.map((round) => round.id)).toEqual([first, second])
  })
})
