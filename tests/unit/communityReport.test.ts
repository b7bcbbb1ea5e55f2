import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { ReportAction } from '../../shared/src/community/actionHistory'
import { type SessionSummary, summariseSession } from '../../shared/src/community/sessionSummary'
import { recurringGroups, recurringWords } from '../../shared/src/community/themes'
import { buildYearReportDocument, type YearReportInput } from '../../shared/src/community/yearReport'
import { writeLookbackEntry } from '../../shared/src/model/lookback'
import { createNote } from '../../shared/src/model/notes'
import { createZone } from '../../shared/src/model/zones'
import type { Block, TableBlock } from '../../shared/src/report/blocks'
import { buildReport } from '../../shared/src/report/buildReport'
import { buildReportDocument } from '../../shared/src/report/document'
import { renderHtmlBlocks } from '../../shared/src/report/html'
import { renderMarkdown, renderMarkdownBlocks, unescapeMarkdown } from '../../shared/src/report/markdown'
import { buildSampleBoard, SAMPLE_START } from '../../shared/src/report/sampleBoard'

const NOW = Date.UTC(2025, 11, 1, 9, 0)
const DAY = 86_400_000
const ZONE = 'Europe/Amsterdam'

const headings = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []))
const tableAfter = (blocks: Block[], heading: string): TableBlock => {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading)
  const table = blocks.slice(at).find((b): b is TableBlock => b.kind === 'table')
  if (at < 0 || !table) throw new Error(`no table after "${heading}"`)
  return table
}

/** A summary as the pool makes it, with the texts and groups a test needs. */
function summary(boardId: string, fields: Partial<SessionSummary> & { texts?: string[] }): SessionSummary {
  const { texts = [], ...rest } = fields
  return {
    boardId,
    title: boardId,
    language: 'nl',
    sessionDate: SAMPLE_START,
    question: null,
    status: 'ended',
    participants: 0,
    topNotes: [],
    agreements: [],
    insights: [],
    groupNames: [],
    searchEntries: texts.map((text, i) => ({ boardId, noteId: `n${i}`, kind: 'note', text, stems: '' })),
    ...rest,
  }
}

const flyer: ReportAction = {
  id: 'a-flyer',
  who: 'Fatima',
  what: 'flyer maken',
  when: '1 april',
  sourceBoardId: 'b-1',
  sourceNoteId: 'n-wie',
  history: [
    {
      status: 'ongoing',
      note: 'flyer bijna klaar',
      byName: 'Fatima',
      at: SAMPLE_START + 30 * DAY,
      boardId: 'b-2',
    },
    { status: 'done', note: '', byName: 'Bram', at: SAMPLE_START + 60 * DAY, boardId: 'b-3' },
  ],
}
const hall: ReportAction = {
  id: 'a-zaal',
  who: '',
  what: 'Youssef regelt de zaal voor 15 maart',
  when: 'voor 15 maart',
  sourceBoardId: 'b-1',
  sourceNoteId: 'n-zaal',
  history: [],
}

function yearInput(language: 'nl' | 'en' = 'nl'): YearReportInput {
  return {
    community: {
      name: 'Wijkteams Zuidoost',
      description: 'Praktijkgemeenschap van de wijkteams',
      createdAt: 0,
    },
    language,
    sessions: [
      {
        boardId: 'b-1',
        position: 1,
        summary: summary('b-1', {
          title: 'Aftrap',
          question: 'Hoe bereiken we eenzame buurtbewoners?',
          participants: 12,
          insights: ['Buurtbewoners kennen het wijkteam niet'],
          topNotes: [{ text: 'Koffieochtend in de buurtkamer', votes: 5 }],
          agreements: [{ noteId: 'n-wie', who: 'Fatima', what: 'flyer maken', when: '1 april' }],
          groupNames: ['Vervoer', 'Ontmoeten'],
          texts: ['Eenzame buurtbewoners bereiken via de huisarts', 'De buurtbus rijdt niet meer'],
        }),
      },
      {
        boardId: 'b-2',
        position: 2,
        summary: summary('b-2', {
          title: 'Verdieping',
          sessionDate: SAMPLE_START + 30 * DAY,
          participants: 6,
          groupNames: ['vervoer'],
          texts: ['Een buurtbewoner zonder vervoer blijft thuis'],
        }),
      },
      {
        boardId: 'b-3',
        position: 3,
        summary: summary('b-3', {
          title: 'Afsluiting',
          sessionDate: SAMPLE_START + 60 * DAY,
          status: 'planned',
        }),
      },
    ],
    actions: [flyer, hall],
    now: NOW,
    timeZone: ZONE,
  }
}

describe('recurring themes', () => {
  it('finds a word by its stem in two sessions, shown as people wrote it most, and not a word of one session', () => {
    const themes = recurringWords([
      {
        position: 1,
        texts: ['Eenzame buurtbewoners bereiken', 'buurtbewoners en de huisarts'],
        groupNames: [],
      },
      { position: 2, texts: ['Een buurtbewoner alleen'], groupNames: [] },
      { position: 3, texts: ['De huisarts belt'], groupNames: [] },
    ])
    expect(themes).toContainEqual({ label: 'buurtbewoners', positions: [1, 2], count: 3 })
    expect(themes).toContainEqual({ label: 'huisarts', positions: [1, 3], count: 2 })
    expect(themes.map((theme) => theme.label)).not.toContain('eenzame')
    // Stop words never make a theme, however often they come back.
    expect(themes.map((theme) => theme.label)).not.toContain('een')
  })

  it('finds a group name again in any case or spelling of accents, most sessions first', () => {
    const themes = recurringGroups([
      { position: 1, texts: [], groupNames: ['Vervoer', 'Ontmoeten', 'Café'] },
      { position: 2, texts: [], groupNames: ['vervoer ', 'Cafe'] },
      { position: 3, texts: [], groupNames: ['VERVOER'] },
    ])
    expect(themes).toEqual([
      { label: 'Vervoer', positions: [1, 2, 3], count: 3 },
      { label: 'Café', positions: [1, 2], count: 2 },
    ])
  })
})

describe('the Jaaroverzicht document', () => {
  it('has the facts, a part per session, the actions, the themes and the attendance, in that order', () => {
    const blocks = buildYearReportDocument(yearInput())
    expect(blocks[0]).toEqual({ kind: 'title', text: 'Jaaroverzicht: Wijkteams Zuidoost' })
    const facts = blocks.find((b) => b.kind === 'facts')
    expect(facts?.kind === 'facts' && facts.items).toEqual([
      { label: 'Gemeenschap', value: 'Wijkteams Zuidoost' },
      { label: 'Omschrijving', value: 'Praktijkgemeenschap van de wijkteams' },
      { label: 'Periode', value: '12 maart 2025 – 11 mei 2025' },
      { label: 'Aantal sessies', value: '3' },
      { label: 'Afspraken', value: '1 van de 2 afspraken zijn gedaan.' },
    ])
    expect(headings(blocks)).toEqual([
      'De sessies',
      'Sessie 1: Aftrap (12 maart 2025)',
      'Sessie 2: Verdieping (11 april 2025)',
      'Sessie 3: Afsluiting (11 mei 2025)',
      'Wat er met de afspraken gebeurde',
      'Wat steeds terugkomt',
      'Wie er waren',
    ])
    const contents = blocks.find((b) => b.kind === 'contents')
    expect(contents?.kind === 'contents' && contents.entries.map((e) => e.text)).toHaveLength(4)
  })

  it('does not number a session twice when its title already says which session it is', () => {
    const input = yearInput()
    const first = input.sessions[0]
    if (!first) throw new Error('no first session')
    first.summary = { ...first.summary, title: 'Sessie 1: ontmoeten' }
    expect(headings(buildYearReportDocument(input))).toContain('Sessie 1: ontmoeten (12 maart 2025)')
    expect(headings(buildYearReportDocument(input)).join('\n')).not.toContain('Sessie 1: Sessie 1')
  })

  it('tells each session in a few lines: question, insight, most-voted note, agreement', () => {
    const text = unescapeMarkdown(renderMarkdownBlocks(buildYearReportDocument(yearInput()), 'nl'))
    expect(text).toContain('**Vraag:** “Hoe bereiken we eenzame buurtbewoners?”')
    expect(text).toContain('- **Inzicht:** Buurtbewoners kennen het wijkteam niet')
    expect(text).toContain('- **Veel stippen:** Koffieochtend in de buurtkamer (5 stippen)')
    expect(text).toContain('- **Afspraak:** Fatima: flyer maken (1 april)')
    expect(text).toContain('Deze sessie is nog niet gehouden.')
  })

  it('shows every action with its status over time and the newest one', () => {
    const blocks = buildYearReportDocument(yearInput())
    const table = tableAfter(blocks, 'Wat er met de afspraken gebeurde')
    expect(table.header).toEqual(['Afspraak', 'Uit', 'Verloop', 'Nu'])
    expect(table.rows).toEqual([
      [
        'Fatima: flyer maken (1 april)',
        'sessie 1',
        'sessie 2: loopt — “flyer bijna klaar”; sessie 3: gedaan',
        'gedaan',
      ],
      // The date is in the text already, so it is not said twice; nobody set a status yet.
      ['Youssef regelt de zaal voor 15 maart', 'sessie 1', '–', 'open'],
    ])
  })

  it('names the recurring words and groups with their sessions, and the attendance with a bar', () => {
    const blocks = buildYearReportDocument(yearInput())
    expect(tableAfter(blocks, 'Wat steeds terugkomt').rows).toEqual([['Vervoer', '1, 2']])
    const words = blocks.filter((b): b is TableBlock => b.kind === 'table' && b.header[0] === 'Woord')[0]
    expect(words?.rows).toContainEqual(['buurtbewoner', '1, 2'])
    const attendance = tableAfter(blocks, 'Wie er waren')
    expect(attendance.rows.map((row) => [row[0], row[3]])).toEqual([
      ['1. Aftrap', '12'],
      ['2. Verdieping', '6'],
      ['3. Afsluiting', '–'],
    ])
    expect(attendance.rows[0]?.[2]).toBe('█'.repeat(20))
    expect(attendance.rows[1]?.[2]).toBe('█'.repeat(10))
  })

  it('shows what people typed, never runs or formats it (name, status note, agreement)', () => {
    const input = yearInput()
    input.community.name = '<script>alert(1)</script> **vet**'
    const sneaky = {
      ...flyer.history[0],
      note: '| kolom | <img src=x onerror=alert(1)> [link](javascript:x)',
    }
    input.actions = [{ ...flyer, what: '# kop', history: [sneaky as ReportAction['history'][0]] }]
    const blocks = buildYearReportDocument(input)
    const html = renderHtmlBlocks(blocks, { language: 'nl', title: 'x' })
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    const markdown = renderMarkdownBlocks(blocks, 'nl')
    const row = markdown.split('\n').find((line) => line.includes('onerror'))
    // One table row of four cells: the note's "|" stays inside its cell.
    expect(row?.split(/(?<!\\)\|/).length).toBe(6)
    expect(markdown).toContain('[link\\](javascript:x)')
    expect(unescapeMarkdown(markdown)).toContain('# Jaaroverzicht: <script>alert(1)</script> **vet**')
  })

  it('a new community without sessions or actions gets a short report, not an error', () => {
    const blocks = buildYearReportDocument({ ...yearInput(), sessions: [], actions: [] })
    const text = renderMarkdownBlocks(blocks, 'nl')
    expect(text).toContain('- **Aantal sessies:** 0')
    expect(text).toContain('Er zijn nog geen afspraken gemaakt.')
    expect(text).toContain('Er zijn nog geen woorden of groepen die in meer dan één sessie terugkomen.')
    expect(text).not.toContain('Periode')
  })

  it('speaks English for an English community', () => {
    const blocks = buildYearReportDocument(yearInput('en'))
    expect(headings(blocks)).toContain('What happened to the agreements')
    const table = tableAfter(blocks, 'What happened to the agreements')
    expect(table.rows[0]?.[2]).toBe('session 2: ongoing — “flyer bijna klaar”; session 3: done')
  })
})

/** Session 2 of the community: the sample board with a Terugblik zone holding session 1's flyer. */
function secondSession(): { content: Y.Doc; control: Y.Doc } {
  const { content, control } = buildSampleBoard()
  createZone(content, {
    id: 'z-terug',
    title: 'Terugblik',
    prompt: 'Wat is er gebeurd?',
    x: 0,
    y: -500,
    width: 800,
    height: 400,
  })
  createNote(content, {
    id: 'n-terug',
    text: 'Wie: Fatima\nWat: flyer maken\nWanneer: 1 april',
    x: 20,
    y: -400,
    zoneId: 'z-terug',
    color: 'yellow',
    authorId: 'terugblik',
    authorName: 'Terugblik',
    createdAt: SAMPLE_START,
  })
  return { content, control }
}

const sessions = [
  { boardId: 'b-1', position: 1 },
  { boardId: 'b-2', position: 2 },
  { boardId: 'b-3', position: 3 },
]

describe('the verslag of a community session', () => {
  it('session 2 shows its Terugblik with the status set there, instead of the copied notes', () => {
    const { content, control } = secondSession()
    const community = { boardId: 'b-2', sessions, actions: [flyer, hall] }
    const model = buildReport(content, control, { now: NOW, community })
    expect(model.community?.lookback.map((item) => item.actionId)).toEqual(['a-zaal', 'a-flyer'])
    const blocks = buildReportDocument(model)
    expect(headings(blocks)).toContain('Terugblik')
    expect(tableAfter(blocks, 'Terugblik').rows).toEqual([
      ['Youssef regelt de zaal voor 15 maart', 'sessie 1', 'niet besproken', '–'],
      ['Fatima: flyer maken (1 april)', 'sessie 1', 'loopt', 'flyer bijna klaar'],
    ])
    // The Terugblik's own notes are not a question part of their own.
    const notes = blocks.flatMap((b) => (b.kind === 'notes' ? b.notes.map((n) => n.id) : []))
    expect(notes).not.toContain('n-terug')
    // Session 2 made no agreements of its own that later sessions spoke about.
    expect(headings(blocks)).not.toContain('Wat er met de afspraken gebeurde')
  })

  it("session 2 lists what its Terugblik holds: an agreement written after it was made is not 'niet besproken' there", () => {
    const { content, control } = secondSession()
    writeLookbackEntry(control, 'n-terug', { actionId: 'a-flyer' })
    const model = buildReport(content, control, {
      now: NOW,
      community: { boardId: 'b-2', sessions, actions: [flyer, hall] },
    })
    expect(model.community?.lookback.map((item) => [item.actionId, item.statuses.length])).toEqual([
      ['a-flyer', 1],
    ])
  })

  it('session 1 shows what became of its agreements, in every format that reads the blocks', () => {
    const { content, control } = buildSampleBoard()
    const model = buildReport(content, control, {
      now: NOW,
      community: { boardId: 'b-1', sessions, actions: [flyer, hall] },
    })
    const blocks = buildReportDocument(model)
    expect(headings(blocks)).not.toContain('Terugblik')
    expect(tableAfter(blocks, 'Wat er met de afspraken gebeurde').rows).toEqual([
      ['Youssef regelt de zaal voor 15 maart', '–', 'open'],
      ['Fatima: flyer maken (1 april)', 'sessie 2: loopt — “flyer bijna klaar”; sessie 3: gedaan', 'gedaan'],
    ])
    expect(unescapeMarkdown(renderMarkdown(model))).toContain(
      'sessie 2: loopt — “flyer bijna klaar”; sessie 3: gedaan',
    )
  })

  it('session 3 no longer looks back on an action that was done, and a board outside the community gets nothing', () => {
    const { content, control } = buildSampleBoard()
    const done: ReportAction = {
      ...flyer,
      history: [{ ...flyer.history[1], boardId: 'b-2' } as ReportAction['history'][0]],
    }
    const third = buildReport(content, control, {
      now: NOW,
      community: { boardId: 'b-3', sessions, actions: [done, hall] },
    })
    expect(third.community?.lookback.map((item) => item.actionId)).toEqual(['a-zaal'])
    const alone = buildReport(content, control, {
      now: NOW,
      community: { boardId: 'b-9', sessions, actions: [flyer] },
    })
    expect(alone.community).toBeUndefined()
    expect(buildReport(content, control, { now: NOW }).community).toBeUndefined()
  })

  it('leaves personal data and names out of the statuses when asked', () => {
    const { content, control } = secondSession()
    const phone: ReportAction = {
      ...flyer,
      history: [{ ...flyer.history[0], note: 'bel Fatima op 06-12345678' } as ReportAction['history'][0]],
    }
    const community = { boardId: 'b-2', sessions, actions: [phone] }
    const model = buildReport(content, control, { now: NOW, community, redact: true, names: 'initials' })
    const json = JSON.stringify(model.community)
    expect(json).not.toContain('12345678')
    expect(json).not.toContain('Fatima')
    expect(json).toContain('[verwijderd]')
  })
})

describe('the session summary the year report reads', () => {
  it('leaves the Terugblik out of the question, the top notes and the search entries', () => {
    const { content, control } = secondSession()
    const result = summariseSession('b-2', content, control, { now: NOW })
    expect(result.searchEntries.map((entry) => entry.noteId)).not.toContain('n-terug')
    expect(result.question).toBe('Hoe zorgen we dat iedereen in de wijk mee kan doen?')
  })
})
