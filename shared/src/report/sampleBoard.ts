import * as Y from 'yjs'
import { createCluster, setNoteCluster } from '../model/clusters'
import type { NoteColor } from '../model/colors'
import { NOTE_COLORS } from '../model/colors'
import { initBoardMeta, type Language } from '../model/meta'
import { createNote } from '../model/notes'
import { addReaction, REACTION_EMOJIS } from '../model/reactions'
import { addRound, ensureRounds } from '../model/rounds'
import {
  appendRoundLogEntry,
  ensureSessionState,
  publishVoteResults,
  recordParticipantJoined,
  setFacilitatorName,
  setNoteAnonymous,
  setNoteRound,
} from '../model/session'
import { createShape } from '../model/shapes'
import { createZone } from '../model/zones'

/**
 * Deterministic example boards: the report tests, the benchmark and demos use them. Built with
 * the shared model accessors only, the way the client writes a board.
 */

export interface SampleBoard {
  content: Y.Doc
  control: Y.Doc
  zoneIds: string[]
  roundIds: string[]
}

/** 19:00 in Amsterdam on 12 March 2025. */
export const SAMPLE_START = Date.UTC(2025, 2, 12, 18, 0)
const MINUTE = 60_000

const PEOPLE = [
  { id: 'p-fatima', name: 'Fatima el Amrani' },
  { id: 'p-youssef', name: 'Youssef Bakker' },
  { id: 'p-bram', name: 'Bram de Vries' },
  { id: 'p-sanne', name: 'Sanne Jansen' },
  { id: 'p-gerrit', name: 'Geheime Gerrit' },
]

const WORDS = (
  'buurtkamer vrijwilligers ontmoeten eenzaamheid wijkteam vervoer bus koffie ouderen jongeren ' +
  'taalcafé moestuin speeltuin veiligheid verlichting gemeente welzijn mantelzorg buren samen ' +
  'activiteiten budget ruimte zichtbaar bereikbaar laagdrempelig vertrouwen netwerk signalen'
).split(' ')

function board(title: string, language: Language): { content: Y.Doc; control: Y.Doc } {
  const content = new Y.Doc()
  const control = new Y.Doc()
  initBoardMeta(content, { title, language, createdAt: SAMPLE_START - 30 * MINUTE })
  return { content, control }
}

export const SAMPLE_TITLE = 'Buurtavond Zuidoost: “samen sterker”'

/** A small board with every feature and every kind of awkward text the report must survive. */
export function buildSampleBoard(language: Language = 'nl'): SampleBoard {
  const { content, control } = board(SAMPLE_TITLE, language)
  return { content, control, ...fillSampleBoard(content, control) }
}

/**
 * Writes the sample's zones, notes, clusters, votes, reactions and session facts into existing
 * documents (a fresh pair, or a live board's through real clients, as the integration test does).
 */
export function fillSampleBoard(content: Y.Doc, control: Y.Doc): Pick<SampleBoard, 'zoneIds' | 'roundIds'> {
  ensureRounds(control)
  ensureSessionState(control)
  setFacilitatorName(control, 'Anouk de Wit')
  const zone = (title: string, prompt: string, x: number, id: string) =>
    createZone(content, { id, title, prompt, x, y: 0, width: 820, height: 900 })
  const zoneIds = [
    zone('Centrale vraag', 'Hoe zorgen we dat iedereen in de wijk mee kan doen?', 0, 'z-vraag'),
    zone('Wat gaat goed?', 'Waar zijn we trots op?', 900, 'z-goed'),
    zone('Wat kan beter?', 'Wat hebben bewoners nodig?', 1800, 'z-beter'),
    zone('Afspraken', 'Wie doet wat, en wanneer?', 2700, 'z-afspraken'),
  ]
  const roundIds = [
    addRound(control, { id: 'r-verkennen', title: 'Verkennen', minutes: 10, zoneIds: zoneIds.slice(1, 3) }),
    addRound(control, { id: 'r-stemmen', title: 'Stemmen', minutes: 5, voting: true }),
    addRound(control, {
      id: 'r-afspraken',
      title: 'Afspraken maken',
      minutes: 10,
      zoneIds: [zoneIds[3] ?? ''],
    }),
  ]
  appendRoundLogEntry(control, {
    roundId: 'r-verkennen',
    startedAt: SAMPLE_START + 5 * MINUTE,
    endedAt: SAMPLE_START + 17 * MINUTE,
  })
  appendRoundLogEntry(control, {
    roundId: 'r-stemmen',
    startedAt: SAMPLE_START + 17 * MINUTE,
    endedAt: SAMPLE_START + 23 * MINUTE,
  })
  appendRoundLogEntry(control, {
    roundId: 'r-afspraken',
    startedAt: SAMPLE_START + 25 * MINUTE,
    endedAt: SAMPLE_START + 38 * MINUTE,
  })
  for (const person of PEOPLE) recordParticipantJoined(control, person.id, person.name)

  const ontmoeten = createCluster(content, {
    id: 'c-ontmoeten',
    name: 'Ontmoeten',
    zoneId: 'z-goed',
    createdAt: SAMPLE_START + 15 * MINUTE,
  })
  const vervoer = createCluster(content, {
    id: 'c-vervoer',
    name: 'Vervoer',
    zoneId: 'z-beter',
    createdAt: SAMPLE_START + 16 * MINUTE,
  })

  let minute = 6
  const perZone = new Map<string | null, number>()
  const note = (
    id: string,
    text: string,
    zoneId: string | null,
    options: {
      author?: number
      anonymous?: boolean
      cluster?: string
      round?: string
      color?: NoteColor
    } = {},
  ) => {
    const person = PEOPLE[options.author ?? 0] ?? PEOPLE[0]
    const zoneIndex = zoneId ? zoneIds.indexOf(zoneId) : 4
    const slot = perZone.get(zoneId) ?? 0
    perZone.set(zoneId, slot + 1)
    createNote(content, {
      id,
      text,
      x: zoneIndex * 900 + 20 + (slot % 4) * 195,
      y: 140 + (Math.floor(slot / 4) % 4) * 190,
      zoneId,
      color: options.color ?? NOTE_COLORS[minute % NOTE_COLORS.length],
      authorId: person?.id ?? '',
      authorName: person?.name ?? '',
      createdAt: SAMPLE_START + minute++ * MINUTE,
    })
    if (options.anonymous) setNoteAnonymous(content, id, true)
    if (options.cluster) setNoteCluster(content, id, options.cluster)
    setNoteRound(content, id, options.round ?? 'r-verkennen')
  }
  note('n-koffie', 'Koffieochtend in de buurtkamer trekt elke week nieuwe mensen', 'z-goed', {
    cluster: ontmoeten,
  })
  note('n-taal', 'Taalcafé: buren helpen elkaar met Nederlands', 'z-goed', { author: 1, cluster: ontmoeten })
  note('n-xss', '<script>alert("xss")</script> & <b>vet</b> <img src=x onerror=alert(1)>', 'z-goed', {
    author: 2,
  })
  note('n-rtl', '\u200Fשלום\u200F buren \u202Eomgekeerd\u202C (RTL-tekens)', 'z-goed', { author: 3 })
  note('n-emoji', 'Top avond 🎉👍🏽 ❤️ 👨‍👩‍👧 samen', 'z-goed', { author: 1 })
  note('n-bus', 'De buurtbus rijdt niet meer na 18:00 – ouderen blijven thuis', 'z-beter', {
    cluster: vervoer,
    author: 3,
  })
  note('n-fiets', 'Fietsmaatjes zoeken vrijwilligers', 'z-beter', {
    cluster: vervoer,
    anonymous: true,
    author: 4,
  })
  note('n-anon', 'Ik durf niet te zeggen dat ik me eenzaam voel', 'z-beter', { anonymous: true, author: 4 })
  note('n-privacy', 'Bel Fatima: 06-12345678 of mail fatima@example.nl, adres 1234 AB 5', 'z-beter', {
    author: 2,
  })
  note('n-formula', '=HYPERLINK("http://evil.example","klik")', 'z-beter', { author: 2 })
  note('n-plus', '+31 6 1234 5678 belt de wijkagent', 'z-beter', { author: 1 })
  note('n-minus', '-5 graden en geen warme ruimte', 'z-beter', { author: 3 })
  note('n-at', '@gemeente: luister naar ons', 'z-beter', { author: 0 })
  note('n-md', '# geen kop *geen nadruk* [link](javascript:alert(1)) | pijp', 'z-beter', { author: 2 })
  note('n-lines', 'regel een\nregel twee\n\nregel vier\twith tab', 'z-beter', { author: 0 })
  note('n-control', 'bel\u0007 mij\u0000 niet', 'z-beter', { author: 1 })
  note('n-empty', '', 'z-beter', { author: 3 })
  note(
    'n-long',
    `LANG-BEGIN ${`${WORDS.join(' ')} `.repeat(40)}`.slice(0, 4985).concat(' LANG-EINDE'),
    'z-beter',
    {
      author: 0,
    },
  )
  note('n-wie', 'Wie: Fatima; Wat: flyer maken voor de koffieochtend; Wanneer: 1 april', 'z-afspraken', {
    round: 'r-afspraken',
  })
  note('n-zaal', 'Youssef regelt de zaal voor 15 maart', 'z-afspraken', { author: 1, round: 'r-afspraken' })
  note('n-los', 'Los briefje naast de vakken', null, { author: 2, round: 'r-stemmen', color: 'grey' })
  note('n-vraag', 'Iedereen telt mee', 'z-vraag', { author: 3 })

  publishVoteResults(control, {
    'n-koffie': 5,
    'n-taal': 2,
    'n-bus': 4,
    'n-fiets': 1,
    'n-anon': 3,
    'n-zaal': 2,
  })
  addReaction(content, 'n-koffie', '👍', 'p-youssef')
  addReaction(content, 'n-koffie', '👍', 'p-bram')
  addReaction(content, 'n-koffie', '❤️', 'p-sanne')
  addReaction(content, 'n-anon', '❤️', 'p-fatima')
  addReaction(content, 'n-emoji', '🎉', 'p-bram')
  addReaction(content, 'n-bus', '💡', 'p-fatima')
  addReaction(content, 'n-bus', '❓', 'p-youssef')
  const label = { authorId: 'p-anouk', createdAt: SAMPLE_START }
  createShape(content, {
    ...label,
    id: 's-label',
    kind: 'text',
    text: 'Belangrijk!',
    x: 1810,
    y: 100,
    color: 'red',
  })
  createShape(content, {
    ...label,
    id: 's-ring',
    kind: 'ellipse',
    x: 1800,
    y: 120,
    width: 420,
    height: 220,
    color: 'green',
  })
  createShape(content, {
    ...label,
    id: 's-arrow',
    kind: 'connector',
    fromId: 'n-bus',
    toId: 'n-zaal',
    color: 'blue',
  })
  return { zoneIds, roundIds }
}

/** A big, ordinary board for the benchmark: `noteCount` notes over eight zones. */
export function buildLargeBoard(noteCount: number, language: Language = 'nl'): SampleBoard {
  const { content, control } = board('Grote wijkconferentie', language)
  return { content, control, ...fillLargeBoard(content, control, noteCount) }
}

/**
 * Writes the large board into existing documents: a fresh pair, or a live board's through real
 * clients (merging a separately built board would not do: both sides' session maps would clash).
 */
export function fillLargeBoard(
  content: Y.Doc,
  control: Y.Doc,
  noteCount: number,
): Pick<SampleBoard, 'zoneIds' | 'roundIds'> {
  ensureRounds(control)
  ensureSessionState(control)
  setFacilitatorName(control, 'Anouk de Wit')
  const zoneIds = Array.from({ length: 8 }, (_, i) =>
    createZone(content, {
      id: `z${i}`,
      title: i === 7 ? 'Afspraken' : `Vraag ${i + 1}`,
      prompt: `Wat vinden jullie van onderwerp ${i + 1}?`,
      x: (i % 4) * 2100,
      y: Math.floor(i / 4) * 5100,
      width: 2000,
      height: 5000,
    }),
  )
  const roundIds = [0, 1, 2].map((i) =>
    addRound(control, { id: `r${i}`, title: `Ronde ${i + 1}`, minutes: 15 }),
  )
  roundIds.forEach((roundId, i) => {
    const startedAt = SAMPLE_START + i * 20 * MINUTE
    appendRoundLogEntry(control, { roundId, startedAt, endedAt: startedAt + 17 * MINUTE })
  })
  for (let p = 0; p < 40; p++) recordParticipantJoined(control, `p${p}`, `Deelnemer ${p + 1}`)
  const clusterIds = zoneIds.flatMap((zoneId, z) =>
    [0, 1, 2].map((c) =>
      createCluster(content, {
        id: `c${z}-${c}`,
        name: `Thema ${z + 1}.${c + 1}`,
        zoneId,
        createdAt: SAMPLE_START,
      }),
    ),
  )
  const votes: Record<string, number> = {}
  content.transact(() => {
    for (let i = 0; i < noteCount; i++) {
      const z = i % zoneIds.length
      const slot = Math.floor(i / zoneIds.length)
      const id = `n${i}`
      const words = Array.from(
        { length: 8 + (i % 25) },
        (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length],
      ).join(' ')
      createNote(content, {
        id,
        text: `${words} (${i})`,
        x: (z % 4) * 2100 + 20 + (slot % 10) * 195,
        y: Math.floor(z / 4) * 5100 + 120 + Math.floor(slot / 10) * 190,
        zoneId: zoneIds[z] ?? null,
        color: NOTE_COLORS[i % NOTE_COLORS.length],
        authorId: `p${i % 40}`,
        authorName: `Deelnemer ${(i % 40) + 1}`,
        createdAt: SAMPLE_START + i * 1000,
      })
      setNoteRound(content, id, roundIds[i % 3] ?? null)
      if (i % 3 === 0) setNoteCluster(content, id, clusterIds[z * 3 + (i % 9) / 3] ?? null)
      if (i % 11 === 0) setNoteAnonymous(content, id, true)
      if (i % 4 === 0) addReaction(content, id, REACTION_EMOJIS[i % 5] ?? '👍', `p${(i + 1) % 40}`)
      if (i % 5 === 0) votes[id] = i % 7
    }
  })
  publishVoteResults(control, votes)
  return { zoneIds, roundIds }
}
