import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sessionSummariesTask } from '../../server/src/work/communityTasks'
import {
  HARVEST_INSIGHTS_ID,
  sessionStatus,
  summariseSession,
} from '../../shared/src/community/sessionSummary'
import { writeGroupStep } from '../../shared/src/groups/peopleGroups'
import { setHarvestNotes } from '../../shared/src/model/harvestNotes'
import { initBoardMeta } from '../../shared/src/model/meta'
import { createNote } from '../../shared/src/model/notes'
import { addRound, ensureRounds } from '../../shared/src/model/rounds'
import { appendRoundLogEntry, ensureSessionState } from '../../shared/src/model/session'
import { createZone } from '../../shared/src/model/zones'
import { buildSampleBoard, SAMPLE_START } from '../../shared/src/report/sampleBoard'
import { stemDutch } from '../../shared/src/suggest/text'

const NOW = Date.UTC(2025, 2, 13, 9, 0)
const MINUTE = 60_000

/** A board with a script of two rounds and nothing run yet. */
function scriptedBoard() {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title: 'Sessie 2', language: 'nl', createdAt: SAMPLE_START })
  ensureRounds(control)
  ensureSessionState(control)
  addRound(control, { id: 'r-1', title: 'Terugblik', minutes: 5 })
  addRound(control, { id: 'r-2', title: 'Verkennen', minutes: 10 })
  return { content, control }
}

describe('a session summary', () => {
  it('tells the question, who took part, the three most-voted notes and the agreements', () => {
    const { content, control } = buildSampleBoard()
    const summary = summariseSession('b-1', content, control, { now: NOW })
    expect(summary.question).toBe('Hoe zorgen we dat iedereen in de wijk mee kan doen?')
    expect(summary.status).toBe('ended')
    expect(summary.participants).toBe(5)
    expect(summary.topNotes).toEqual([
      { text: 'Koffieochtend in de buurtkamer trekt elke week nieuwe mensen', votes: 5 },
      { text: 'De buurtbus rijdt niet meer na 18:00 – ouderen blijven thuis', votes: 4 },
      { text: 'Ik durf niet te zeggen dat ik me eenzaam voel', votes: 3 },
    ])
    expect(summary.agreements).toEqual([
      { noteId: 'n-zaal', who: '', what: 'Youssef regelt de zaal voor 15 maart', when: 'voor 15 maart' },
      { noteId: 'n-wie', who: 'Fatima', what: 'flyer maken voor de koffieochtend', when: '1 april' },
    ])
    expect(summary.groupNames).toEqual(['Ontmoeten', 'Vervoer'])
    expect(summary.title).toContain('Buurtavond Zuidoost')
  })

  it('indexes every written note once, agreements and insights under their own kind, with Dutch stems', () => {
    const { content, control } = buildSampleBoard()
    setHarvestNotes(control, {
      insights: '- Buurtbewoners willen elkaar vaker zien\n- Vervoer blijft lastig',
    })
    // Groepje 1 chose the taalcafé note as "ons inzicht"; its copy sits in the plenary zone.
    createNote(content, {
      id: 'n-copy',
      text: 'Taalcafé: buren helpen elkaar met Nederlands',
      x: 0,
      y: 0,
      zoneId: 'z-vraag',
      color: 'yellow',
      authorId: 'p-fatima',
      authorName: 'Fatima',
      createdAt: SAMPLE_START + 50 * MINUTE,
    })
    writeGroupStep(control, {
      roundId: 'r-verkennen',
      size: 2,
      formedAt: SAMPLE_START,
      keepApart: false,
      roleTurn: 0,
      inbrengerListens: false,
      groups: [
        {
          id: 'g-1',
          number: 1,
          members: [{ id: 'p-fatima', name: 'Fatima el Amrani' }],
          zoneId: null,
          insightNoteId: 'n-taal',
          gatheredNoteId: 'n-copy',
        },
      ],
    })
    const summary = summariseSession('b-1', content, control, { now: NOW })
    expect(summary.insights).toEqual([
      'Buurtbewoners willen elkaar vaker zien',
      'Vervoer blijft lastig',
      'Taalcafé: buren helpen elkaar met Nederlands',
    ])
    const entries = summary.searchEntries
    const ids = entries.map((entry) => entry.noteId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).not.toContain('n-empty')
    const kindOf = (id: string) => entries.find((entry) => entry.noteId === id)?.kind
    expect(kindOf('n-wie')).toBe('agreement')
    expect(kindOf('n-taal')).toBe('insight')
    expect(kindOf('n-copy')).toBe('insight')
    expect(kindOf('n-koffie')).toBe('note')
    expect(kindOf(HARVEST_INSIGHTS_ID)).toBe('insight')
    expect(entries.every((entry) => entry.boardId === 'b-1')).toBe(true)
    // "buurtbewoners" is found by the stem of "buurtbewoner": the search compares stems.
    const harvest = entries.find((entry) => entry.noteId === HARVEST_INSIGHTS_ID)
    expect(harvest?.stems.split(' ')).toContain(stemDutch('buurtbewoner'))
    const bus = entries.find((entry) => entry.noteId === 'n-bus')
    expect(bus?.stems.split(' ')).toContain(stemDutch('ouderen'))
  })

  it('is planned before any round started, running during and between rounds, ended after the last', () => {
    const { control } = scriptedBoard()
    expect(sessionStatus(control, false)).toBe('planned')
    // Held without rounds (notes written, nobody pressed Start): it took place, it is not planned.
    expect(sessionStatus(control, true)).toBe('ended')
    appendRoundLogEntry(control, { roundId: 'r-1', startedAt: SAMPLE_START, endedAt: null })
    expect(sessionStatus(control, true)).toBe('running')
    control.transact(() => {
      const log = control.getMap('session').get('roundLog') as Y.Array<Y.Map<unknown>>
      log.get(0).set('endedAt', SAMPLE_START + 5 * MINUTE)
    })
    expect(sessionStatus(control, true)).toBe('running')
    appendRoundLogEntry(control, {
      roundId: 'r-2',
      startedAt: SAMPLE_START + 6 * MINUTE,
      endedAt: SAMPLE_START + 16 * MINUTE,
    })
    expect(sessionStatus(control, true)).toBe('ended')
  })

  it('a session without notes has an empty summary, not an error', () => {
    const { content, control } = scriptedBoard()
    createZone(content, {
      id: 'z-q',
      title: 'Centrale vraag',
      prompt: 'Wat leren we?',
      x: 0,
      y: 0,
      width: 800,
      height: 600,
    })
    const summary = summariseSession('b-2', content, control, { now: NOW })
    expect(summary).toMatchObject({
      question: 'Wat leren we?',
      status: 'planned',
      participants: 0,
      topNotes: [],
      agreements: [],
      insights: [],
      searchEntries: [],
    })
  })

  it('the pool task decodes stored documents and answers by board id', () => {
    const first = buildSampleBoard()
    const second = scriptedBoard()
    const stored = (doc: Y.Doc) => ({ snapshot: Y.encodeStateAsUpdate(doc), updates: [] })
    const { summaries } = sessionSummariesTask({
      sessions: [
        { boardId: 'b-1', content: stored(first.content), control: stored(first.control) },
        {
          boardId: 'b-2',
          content: { snapshot: null, updates: [Y.encodeStateAsUpdate(second.content)] },
          control: stored(second.control),
        },
      ],
      now: NOW,
    })
    expect(Object.keys(summaries).sort()).toEqual(['b-1', 'b-2'])
    expect(summaries['b-1']?.status).toBe('ended')
    expect(summaries['b-1']?.agreements).toHaveLength(2)
    expect(summaries['b-2']?.title).toBe('Sessie 2')
    expect(summaries['b-2']?.status).toBe('planned')
  })
})
