import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createCluster,
  createNote,
  createZone,
  initBoardMeta,
  setNoteAnonymous,
  setNoteCluster,
} from '../../shared/src/model'
import { setHarvestNotes } from '../../shared/src/model/harvestNotes'
import {
  ensureSessionState,
  publishVoteResults,
  recordParticipantJoined,
} from '../../shared/src/model/session'
import {
  type Block,
  buildLargeBoard,
  buildReport,
  buildReportDocument,
  buildSampleBoard,
  isQuestion,
  type NoteItem,
  type ReportModel,
} from '../../shared/src/report'

/**
 * The report document: what the verslag says and in which order, decided once for every format.
 * These tests read the blocks the way a reader reads the verslag: the summary first, then the
 * questions, then the appendix.
 */

const NOW = Date.UTC(2025, 2, 13, 9, 0)

function board(notes: { id: string; zone: string; votes?: number; cluster?: string; author?: string }[]) {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title: 'Vakgemeenschap', language: 'nl' })
  ensureSessionState(control)
  createZone(content, {
    id: 'z1',
    title: 'Wat gaat goed?',
    prompt: 'Waar zijn we trots op?',
    x: 0,
    y: 0,
    width: 900,
    height: 900,
  })
  createZone(content, {
    id: 'z2',
    title: 'Ideeën',
    prompt: 'Schrijf één idee per briefje.',
    x: 1000,
    y: 0,
    width: 900,
    height: 900,
  })
  createZone(content, {
    id: 'z3',
    title: 'Leeg vak',
    prompt: 'Hier schreef niemand iets?',
    x: 2000,
    y: 0,
    width: 900,
    height: 900,
  })
  createCluster(content, { id: 'c1', name: 'Ontmoeten', zoneId: 'z1', createdAt: 1 })
  // As the server's tallies: no prototype, so "__proto__" is a note id like any other.
  const votes: Record<string, number> = Object.create(null)
  notes.forEach((note, i) => {
    const x = note.zone === 'z1' ? 10 : 1010
    createNote(content, {
      id: note.id,
      text: `Briefje ${note.id}`,
      x,
      y: 10 + i,
      zoneId: note.zone,
      authorId: note.author ?? 'p-ans',
      authorName: note.author === 'p-bo' ? 'Bo' : 'Ans',
      createdAt: 1000 + i,
    })
    if (note.cluster) setNoteCluster(content, note.id, note.cluster)
    if (note.votes) votes[note.id] = note.votes
  })
  publishVoteResults(control, votes)
  recordParticipantJoined(control, 'p-ans', 'Ans')
  recordParticipantJoined(control, 'p-bo', 'Bo')
  return { content, control }
}

const headings = (blocks: Block[], level?: 2 | 3) =>
  blocks.flatMap((b) => (b.kind === 'heading' && (level === undefined || b.level === level) ? [b.text] : []))

/** Note ids in reading order, from `from` (a level-2 heading) to the next level-2 heading. */
function notesUnder(blocks: Block[], from: string): string[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text === from)
  expect(start, from).toBeGreaterThanOrEqual(0)
  const ids: string[] = []
  for (const block of blocks.slice(start + 1)) {
    if (block.kind === 'heading' && block.level === 2) break
    if (block.kind === 'notes') ids.push(...block.notes.map((n: NoteItem) => n.id))
  }
  return ids
}

function summaryOf(blocks: Block[]): Block[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Samenvatting')
  const end = blocks.findIndex((b) => b.kind === 'pageBreak')
  return blocks.slice(start, end)
}

describe('buildReportDocument', () => {
  it('orders a question by votes across groups and loose notes: top notes are never buried', () => {
    const { content, control } = board([
      { id: 'g1', zone: 'z1', votes: 3, cluster: 'c1' },
      { id: 'g2', zone: 'z1', votes: 1, cluster: 'c1' },
      { id: 'l1', zone: 'z1', votes: 4 },
      { id: 'l2', zone: 'z1' },
      { id: 'l3', zone: 'z1', votes: 4 },
    ])
    const blocks = buildReportDocument(buildReport(content, control, { now: NOW }))
    // The loose notes with 4 dots come before the group whose best note has 3.
    expect(notesUnder(blocks, 'Wat gaat goed?')).toEqual(['l1', 'l3', 'l2', 'g1', 'g2'])
    const groupHeadings = headings(blocks, 3).filter((h) => h.startsWith('Groep') || h.startsWith('Niet'))
    expect(groupHeadings).toEqual(['Niet gegroepeerd · 8 stippen', 'Groep: Ontmoeten · 4 stippen'])
  })

  it('puts a summary first: central question, who took part, top notes, agreements, own notes, figures', () => {
    const sample = buildSampleBoard()
    setHarvestNotes(sample.control, {
      insights: 'Vervoer is het grootste knelpunt.',
      followUp: 'Fatima belt de gemeente.',
      nextMeeting: '2025-04-10',
    })
    const model = buildReport(sample.content, sample.control, { now: NOW })
    const blocks = buildReportDocument(model)
    expect(blocks[0]).toEqual({ kind: 'title', text: 'Oogst: Buurtavond Zuidoost: “samen sterker”' })
    expect(headings(blocks, 2)[0]).toBe('Samenvatting')
    const summary = summaryOf(blocks)
    expect(headings(summary, 3)).toEqual([
      'Meeste stippen',
      'Meeste stippen per vraag',
      'Afspraken',
      'Belangrijkste inzichten',
      'Vervolg',
      'Kerncijfers',
    ])
    const facts = blocks.find((b) => b.kind === 'facts')
    // Names stay although two notes are anonymous: only those notes hide who wrote them.
    expect(facts).toMatchObject({
      items: expect.arrayContaining([
        {
          label: 'Deelnemers (5)',
          value: 'Bram de Vries, Fatima el Amrani, Geheime Gerrit, Sanne Jansen, Youssef Bakker',
        },
      ]),
    })
    expect(JSON.stringify(facts)).not.toContain('deelnemers:')
    // The five most-voted notes of the board, whatever group or question they are in.
    const byVotes = [...model.notes]
      .filter((n) => n.votes > 0)
      .sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt)
    const top = summary.find((b) => b.kind === 'notes')
    expect(top?.kind === 'notes' && top.notes.map((n) => n.id)).toEqual(byVotes.slice(0, 5).map((n) => n.id))
    const agreements = summary.find((b) => b.kind === 'table' && b.header[0] === 'Wie')
    expect(agreements).toMatchObject({ header: ['Wie', 'Wat', 'Wanneer'] })
    expect(JSON.stringify(agreements)).toContain('flyer maken voor de koffieochtend')
    const text = JSON.stringify(summary)
    expect(text).toContain('Vervoer is het grootste knelpunt.')
    expect(text).toContain('Fatima belt de gemeente.')
    expect(text).toContain('10 april 2025')
    expect(text).toContain('Hoe zorgen we dat iedereen in de wijk mee kan doen?')
    // The agreements are in the summary, not again as a part of their own.
    expect(headings(blocks, 2)).not.toContain('Afspraken')
    // Rounds with their real note counts, in the appendix.
    const rounds = blocks.find((b) => b.kind === 'table' && b.header[0] === 'Ronde')
    expect(rounds?.kind === 'table' && rounds.rows.map((r) => r[3])).toEqual(['19', '1', '2'])
  })

  it('names an instruction "Opdracht" and a question "Vraag", and leaves empty questions out', () => {
    const { content, control } = board([
      { id: 'a', zone: 'z1', votes: 1 },
      { id: 'b', zone: 'z2' },
    ])
    const blocks = buildReportDocument(buildReport(content, control, { now: NOW }))
    const prompts = blocks.flatMap((b) =>
      b.kind === 'paragraph' && b.tone === 'question' ? [`${b.label}: ${b.text}`] : [],
    )
    // Without a "Centrale vraag" zone the first question is the central one, shown once on top.
    expect(prompts).toEqual([
      'Centrale vraag: “Waar zijn we trots op?”',
      'Opdracht: Schrijf één idee per briefje.',
    ])
    expect(headings(blocks, 2)).not.toContain('Leeg vak')
    expect(JSON.stringify(blocks)).not.toContain('Geen briefjes.')
    expect(isQuestion('Wat gaat goed?')).toBe(true)
    expect(isQuestion('Wat gaat goed? Schrijf het op.')).toBe(false)
  })

  it('keeps names and hides only the anonymous notes’ authorship', () => {
    const { content, control } = board([
      { id: 'open', zone: 'z1', author: 'p-ans' },
      { id: 'secret', zone: 'z1', author: 'p-bo' },
    ])
    setNoteAnonymous(content, 'secret', true)
    const blocks = buildReportDocument(buildReport(content, control, { now: NOW }))
    const notes = blocks.flatMap((b) => (b.kind === 'notes' ? b.notes : []))
    expect(notes.find((n) => n.id === 'secret')).toMatchObject({ author: 'Anoniem', anonymous: true })
    expect(notes.find((n) => n.id === 'open')).toMatchObject({ author: 'Ans' })
    expect(JSON.stringify(blocks.find((b) => b.kind === 'facts'))).toContain('Ans, Bo')
    expect(JSON.stringify(notes)).not.toContain('Bo')
  })

  it('is compact above 200 notes: groups, the 10 most-voted per question, the rest counted in the appendix', () => {
    const large = buildLargeBoard(400)
    const model = buildReport(large.content, large.control, { now: NOW })
    expect(model.compact).toBe(true)
    expect(buildReport(large.content, large.control, { now: NOW, compact: false }).compact).toBe(false)
    const blocks = buildReportDocument(model)
    const part = notesUnder(blocks, 'Vraag 2')
    expect(part).toHaveLength(10)
    const votesOf = new Map(model.notes.map((n) => [n.id, n.votes]))
    const inZone = model.notes
      .filter((n) => n.zoneId === 'z1')
      .map((n) => n.votes)
      .sort((a, b) => b - a)
    expect(part.map((id) => votesOf.get(id))).toEqual(inZone.slice(0, 10))
    expect(JSON.stringify(blocks)).toContain('Nog 40 briefjes staan in de bijlage.')
    expect(blocks.some((b) => b.kind === 'table' && b.header.join() === 'Groep,Briefjes,Stippen')).toBe(true)
    // Every note once outside the summary: the questions' top notes, the rest in the appendix.
    const outside = blocks.slice(blocks.findIndex((b) => b.kind === 'pageBreak'))
    const ids = outside.flatMap((b) => (b.kind === 'notes' ? b.notes.map((n) => n.id) : []))
    const agreementIds = outside.flatMap((b) => (b.kind === 'table' && b.rowIds ? b.rowIds : []))
    const all = [...ids, ...agreementIds].sort()
    expect(all).toEqual(model.notes.map((n) => n.id).sort())
  })

  it('counts votes of notes whose ids are Object members as votes, not as prototype members', () => {
    const { content, control } = board([
      { id: 'constructor', zone: 'z1', votes: 2 },
      { id: 'toString', zone: 'z1' },
      { id: '__proto__', zone: 'z1', votes: 5 },
      { id: 'hasOwnProperty', zone: 'z1', votes: 1 },
    ])
    const model: ReportModel = buildReport(content, control, { now: NOW })
    const votes = Object.fromEntries(model.notes.map((n) => [n.id, n.votes]))
    expect(model.notes.map((n) => [n.id, n.votes])).toEqual([
      ['constructor', 2],
      ['toString', 0],
      ['__proto__', 5],
      ['hasOwnProperty', 1],
    ])
    expect(typeof votes.toString).toBe('number')
    expect(model.summary.voteCount).toBe(8)
    const top = summaryOf(buildReportDocument(model)).find((b) => b.kind === 'notes')
    expect(top?.kind === 'notes' && top.notes.map((n) => n.id)).toEqual([
      '__proto__',
      'constructor',
      'hasOwnProperty',
    ])
  })
})
