import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addReaction,
  appendRoundLogEntry,
  clustersRoot,
  createCluster,
  createNote,
  deleteCluster,
  endRoundRun,
  ensureReactions,
  ensureSessionState,
  getCluster,
  getNoteReactions,
  listClusters,
  listParticipantsEverJoined,
  listRoundLog,
  notesInCluster,
  notesRoot,
  publishVoteResults,
  readNoteAnonymous,
  readNoteClusterId,
  readNoteRoundId,
  readSessionInfo,
  readVoteResults,
  recordParticipantJoined,
  removeReaction,
  sessionRoot,
  setFacilitatorName,
  setNoteAnonymous,
  setNoteCluster,
  setNoteRound,
  setReportsShared,
  setVotingAnonymous,
  startRoundRun,
  toggleReaction,
  updateCluster,
} from '../../shared/src/model'

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

const note = (doc: Y.Doc, id: string) => notesRoot(doc).get(id) as Y.Map<unknown>

describe('clusters', () => {
  it('creates, renames, lists and deletes clusters; notes point at them', () => {
    const doc = new Y.Doc()
    const a = createCluster(doc, { name: 'Vervoer', zoneId: 'z1', createdAt: 2 })
    const b = createCluster(doc, { name: 'Eenzaamheid', createdAt: 1 })
    expect(listClusters(doc).map((c) => c.name)).toEqual(['Eenzaamheid', 'Vervoer'])
    updateCluster(doc, a, { name: 'Vervoer en bereikbaarheid', zoneId: null })
    expect(getCluster(doc, a)).toEqual({
      id: a,
      name: 'Vervoer en bereikbaarheid',
      zoneId: null,
      createdAt: 2,
    })

    const n1 = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'bus' })
    const n2 = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P', text: 'trein' })
    setNoteCluster(doc, n1, a)
    setNoteCluster(doc, n2, a)
    expect(notesInCluster(doc, a).sort()).toEqual([n1, n2].sort())
    setNoteCluster(doc, n2, b)
    expect(readNoteClusterId(note(doc, n2))).toBe(b)

    deleteCluster(doc, a)
    expect(getCluster(doc, a)).toBeNull()
    expect(readNoteClusterId(note(doc, n1))).toBeNull()
    expect(readNoteClusterId(note(doc, n2))).toBe(b)
  })

  it('reads junk written by a foreign client as defaults', () => {
    const doc = new Y.Doc()
    const junk = new Y.Map<unknown>()
    junk.set('name', 42)
    junk.set('zoneId', { no: 1 })
    clustersRoot(doc).set('c1', junk)
    clustersRoot(doc).set('c2', 'not a map' as unknown as Y.Map<unknown>)
    expect(listClusters(doc)).toEqual([{ id: 'c1', name: '', zoneId: null, createdAt: 0 }])
    const n = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    note(doc, n).set('clusterId', 7)
    expect(readNoteClusterId(note(doc, n))).toBeNull()
  })
})

describe('reactions', () => {
  it('adds, removes and toggles reactions per participant in the fixed emoji order', () => {
    const doc = new Y.Doc()
    const n = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    addReaction(doc, n, '🎉', 'p2')
    addReaction(doc, n, '👍', 'p2')
    addReaction(doc, n, '👍', 'p1')
    addReaction(doc, n, '👍', 'p1')
    expect(getNoteReactions(doc, n)).toEqual([
      { emoji: '👍', participantIds: ['p1', 'p2'] },
      { emoji: '🎉', participantIds: ['p2'] },
    ])
    removeReaction(doc, n, '👍', 'p2')
    expect(toggleReaction(doc, n, '🎉', 'p2')).toBe(false)
    expect(toggleReaction(doc, n, '💡', 'p3')).toBe(true)
    expect(getNoteReactions(doc, n)).toEqual([
      { emoji: '👍', participantIds: ['p1'] },
      { emoji: '💡', participantIds: ['p3'] },
    ])
  })

  it('keeps concurrent first reactions of two people once the maps exist', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const n = createNote(a, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    ensureReactions(a, n)
    sync(a, b)
    addReaction(a, n, '❤️', 'pa')
    addReaction(b, n, '❤️', 'pb')
    sync(a, b)
    expect(getNoteReactions(a, n)).toEqual([{ emoji: '❤️', participantIds: ['pa', 'pb'] }])
    expect(getNoteReactions(b, n)).toEqual(getNoteReactions(a, n))
  })

  it('ignores unknown emoji and junk values, and accepts a heart without variation selector', () => {
    const doc = new Y.Doc()
    const n = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    const reactions = new Y.Map<unknown>()
    const heart = new Y.Map<unknown>()
    heart.set('p1', true)
    heart.set('p2', 'yes')
    const skull = new Y.Map<unknown>()
    skull.set('p1', true)
    reactions.set('❤', heart)
    reactions.set('💀', skull)
    reactions.set('👍', 5)
    note(doc, n).set('reactions', reactions)
    expect(getNoteReactions(doc, n)).toEqual([{ emoji: '❤️', participantIds: ['p1'] }])
    note(doc, n).set('reactions', 'junk')
    expect(getNoteReactions(doc, n)).toEqual([])
  })
})

describe('session state in the control document', () => {
  it('logs round runs with actual start and end times', () => {
    const doc = new Y.Doc()
    ensureSessionState(doc)
    startRoundRun(doc, 'r1', 1000)
    startRoundRun(doc, 'r2', 5000)
    endRoundRun(doc, 9000)
    startRoundRun(doc, 'r1', 10_000)
    expect(listRoundLog(doc)).toEqual([
      { roundId: 'r1', startedAt: 1000, endedAt: 5000 },
      { roundId: 'r2', startedAt: 5000, endedAt: 9000 },
      { roundId: 'r1', startedAt: 10_000, endedAt: null },
    ])
    appendRoundLogEntry(doc, { roundId: 'r3', startedAt: 20, endedAt: 10 })
    expect(listRoundLog(doc).at(-1)).toEqual({ roundId: 'r3', startedAt: 20, endedAt: null })
  })

  it('publishes vote results, replacing earlier tallies, and reads only whole counts', () => {
    const doc = new Y.Doc()
    publishVoteResults(doc, { n1: 3, n2: 1 })
    publishVoteResults(doc, { n1: 4, n3: 2.4 })
    expect(readVoteResults(doc)).toEqual({ n1: 4, n3: 2 })
    ;(sessionRoot(doc).get('voteResults') as Y.Map<unknown>).set('n9', -1)
    expect(readVoteResults(doc)).toEqual({ n1: 4, n3: 2 })
  })

  it('stores flags, facilitator and participants, and reads them in one go', () => {
    const doc = new Y.Doc()
    setVotingAnonymous(doc, true)
    setReportsShared(doc, true)
    setFacilitatorName(doc, 'Anouk de Vries')
    recordParticipantJoined(doc, 'p2', 'Youssef')
    recordParticipantJoined(doc, 'p1', 'Bram')
    recordParticipantJoined(doc, 'p1', 'Bram K.')
    expect(listParticipantsEverJoined(doc)).toEqual([
      { id: 'p1', name: 'Bram K.' },
      { id: 'p2', name: 'Youssef' },
    ])
    expect(readSessionInfo(doc)).toMatchObject({
      votingAnonymous: true,
      reportsShared: true,
      facilitatorName: 'Anouk de Vries',
      roundLog: [],
      voteResults: {},
    })
  })

  it('reads a session map full of junk as defaults', () => {
    const doc = new Y.Doc()
    const session = sessionRoot(doc)
    session.set('roundLog', 'x')
    session.set('voteResults', [1, 2])
    session.set('votingAnonymous', 'true')
    session.set('facilitatorName', 12)
    session.set('participantsEverJoined', null)
    session.set('facilitatorIds', 'x')
    expect(readSessionInfo(doc)).toEqual({
      roundLog: [],
      voteResults: {},
      votingAnonymous: false,
      facilitatorName: '',
      participantsEverJoined: [],
      facilitatorIds: [],
      reportsShared: false,
    })
    // Writers replace the junk with a proper collection.
    publishVoteResults(doc, { n1: 1 })
    expect(readVoteResults(doc)).toEqual({ n1: 1 })
  })

  it('marks notes anonymous and ties them to a round', () => {
    const doc = new Y.Doc()
    const n = createNote(doc, { x: 0, y: 0, authorId: 'p', authorName: 'P' })
    expect(readNoteAnonymous(note(doc, n))).toBe(false)
    expect(readNoteRoundId(note(doc, n))).toBeNull()
    setNoteAnonymous(doc, n, true)
    setNoteRound(doc, n, 'r1')
    expect(readNoteAnonymous(note(doc, n))).toBe(true)
    expect(readNoteRoundId(note(doc, n))).toBe('r1')
    note(doc, n).set('anonymous', 'yes')
    expect(readNoteAnonymous(note(doc, n))).toBe(false)
  })
})
