import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, createZone, initBoardMeta, listNotes, setNoteAnonymous } from '../../shared/src/model'
import {
  recordFacilitatorJoined,
  recordParticipantJoined,
  setFacilitatorName,
} from '../../shared/src/model/session'
import {
  buildReport,
  buildReportWithFlags,
  buildSampleBoard,
  cleanText,
  docsFromBackup,
  findPersonalData,
  parseAgreement,
  parseBackup,
  parseCsv,
  redactText,
  renderBoardSvg,
  renderCsv,
  renderJson,
  renderMarkdown,
  reportFilename,
  SAMPLE_START,
  UnknownZoneError,
  unescapeMarkdown,
} from '../../shared/src/report'

const NOW = Date.UTC(2025, 2, 13, 9, 0)
const ANONYMOUS = 'Geheime Gerrit'
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1
const sample = () => {
  const board = buildSampleBoard()
  return { ...board, model: buildReport(board.content, board.control, { now: NOW }) }
}

describe('the report model', () => {
  it('puts every note in exactly one section, clusters first, ordered by votes then time', () => {
    const { content, model } = sample()
    const placed = model.sections.flatMap((s) => s.groups.flatMap((g) => g.notes.map((n) => n.id)))
    expect(placed.sort()).toEqual(
      listNotes(content)
        .map((n) => n.id)
        .sort(),
    )
    expect(new Set(placed).size).toBe(placed.length)

    const better = model.sections.find((s) => s.zone?.id === 'z-beter')
    expect(better?.groups.map((g) => g.cluster?.name ?? null)).toEqual(['Vervoer', null])
    expect(better?.groups[0]?.notes.map((n) => n.id)).toEqual(['n-bus', 'n-fiets'])
    expect(better?.groups[1]?.notes[0]?.id).toBe('n-anon') // 3 votes beats the older notes without votes
    expect(model.sections.map((s) => s.kind)).toEqual(['zone', 'zone', 'zone', 'agreements', 'unzoned'])
  })

  it('reports title, date, facilitator, central question, rounds and figures', () => {
    const { model } = sample()
    expect(model.title).toBe('Buurtavond Zuidoost: “samen sterker”')
    expect(model.sessionDate).toBe(SAMPLE_START + 5 * 60_000)
    expect(model.facilitatorName).toBe('Anouk de Wit')
    expect(model.centralQuestion).toBe('Hoe zorgen we dat iedereen in de wijk mee kan doen?')
    expect(model.rounds.map((r) => [r.title, r.plannedMinutes, r.actualMinutes])).toEqual([
      ['Verkennen', 10, 12],
      ['Stemmen', 5, 6],
      ['Afspraken maken', 10, 13],
    ])
    expect(model.summary).toMatchObject({
      noteCount: 22,
      voteCount: 17,
      reactionCount: 7,
      anonymousNoteCount: 2,
    })
    expect(model.summary.notesPerSection.map((s) => s.count)).toEqual([1, 5, 13, 2, 1])
    expect(reportFilename(model, 'docx')).toBe('oogst-buurtavond-zuidoost-samen-sterker-2025-03-12.docx')
  })

  it('never carries the author of an anonymous note, and keeps the names of who took part', () => {
    const { model } = sample()
    const anonymous = model.notes.filter((n) => n.anonymous)
    expect(anonymous.map((n) => [n.authorId, n.authorName])).toEqual([
      [null, null],
      [null, null],
    ])
    // Only the anonymous notes hide who wrote them; the list of who took part stays.
    expect(model.participants.names).toContain(ANONYMOUS)
    expect(model.participants).toMatchObject({ count: 5, countIsMinimum: false })
    const markdown = renderMarkdown(model)
    expect(count(markdown, ANONYMOUS)).toBe(1) // in "Deelnemers (5): …" only
    expect(renderCsv(model)).not.toContain(ANONYMOUS)
    const backup = JSON.parse(renderJson(model)) as { notes: { anonymous: boolean; authorName: string }[] }
    expect(backup.notes.filter((n) => n.anonymous).map((n) => n.authorName)).toEqual(['', ''])
  })

  it('names the facilitator as such and does not count them among the participants', () => {
    const content = new Y.Doc()
    initBoardMeta(content, { title: 'Buurtavond', language: 'nl' })
    const control = new Y.Doc()
    recordParticipantJoined(control, 'fac', 'Marieke')
    recordFacilitatorJoined(control, 'fac')
    setFacilitatorName(control, 'Marieke')
    recordParticipantJoined(control, 'p1', 'Ahmed')
    const model = buildReport(content, control, { now: NOW })
    expect(model.facilitatorName).toBe('Marieke')
    expect(model.participants).toEqual({ count: 1, countIsMinimum: false, names: ['Ahmed'] })
    // A backup keeps who facilitated, so the imported board reports the same.
    const parsed = parseBackup(JSON.parse(renderJson(model)))
    if (!parsed.ok) throw new Error(parsed.message)
    const again = docsFromBackup(parsed.backup)
    expect(buildReport(again.content, again.control, { now: NOW }).participants.names).toEqual(['Ahmed'])
  })

  it('lists participant names when nobody wrote anonymously', () => {
    const content = new Y.Doc()
    initBoardMeta(content, { title: 'Open', language: 'nl' })
    createNote(content, { x: 0, y: 0, authorId: 'a', authorName: 'Ans', text: 'hoi' })
    const first = buildReport(content, new Y.Doc(), { now: NOW })
    expect(first.participants).toEqual({ count: 1, countIsMinimum: false, names: [] })
    const id = createNote(content, { x: 0, y: 0, authorId: 'b', authorName: 'Bo', text: 'stil' })
    setNoteAnonymous(content, id, true)
    expect(buildReport(content, new Y.Doc()).participants.names).toEqual([])
    // A note revealed anonymously has no author at all: its writer cannot be counted.
    const revealed = createNote(content, { x: 0, y: 0, authorId: '', authorName: '', text: 'onthuld' })
    setNoteAnonymous(content, revealed, true)
    const model = buildReport(content, new Y.Doc())
    expect(model.participants).toEqual({ count: 2, countIsMinimum: true, names: [] })
    expect(renderMarkdown(model)).toContain('- **Deelnemers:** ≥ 2\n')
  })

  it('limits a report to one zone and refuses an unknown zone', () => {
    const { content, control } = buildSampleBoard()
    const model = buildReport(content, control, { zoneId: 'z-goed' })
    expect(model.zones.map((z) => z.id)).toEqual(['z-goed'])
    expect(model.notes.every((n) => n.zoneId === 'z-goed')).toBe(true)
    expect(model.sections).toHaveLength(1)
    expect(() => buildReport(content, control, { zoneId: 'nope' })).toThrow(UnknownZoneError)
  })

  it('uses English labels for an English board', () => {
    const { content, control } = buildSampleBoard('en')
    const md = renderMarkdown(buildReport(content, control, { now: NOW }))
    expect(md).toContain('# Harvest: ')
    expect(md).toContain('**Date:** 12 March 2025')
    expect(md).toContain('Anonymous')
    expect(md).not.toContain('Anoniem')
  })
})

describe('privacy', () => {
  it('finds Dutch phone numbers, e-mail addresses and postcodes with house numbers', () => {
    const found = (text: string) => findPersonalData(text).map((m) => `${m.kind}:${m.text}`)
    expect(found('bel 06-12345678 of 06 1234 5678')).toEqual(['phone:06-12345678', 'phone:06 1234 5678'])
    expect(found('+31 6 12345678, +31 (0)20 123 4567 en 020-1234567')).toEqual([
      'phone:+31 6 12345678',
      'phone:+31 (0)20 123 4567',
      'phone:020-1234567',
    ])
    expect(found('mail jan.de.vries@gemeente.nl')).toEqual(['email:jan.de.vries@gemeente.nl'])
    expect(found('woont op 1234 AB 5 en 1234AB 12a')).toEqual(['address:1234 AB 5', 'address:1234AB 12a'])
    expect(found('in 2024 en 2025, 1234 AB Utrecht, 12-03-2025, NL91ABNA0417164301, 06-1234567')).toEqual([])
  })

  it('flags matches per note and redacts them in the model', () => {
    const { content, control } = buildSampleBoard()
    const { model, flags } = buildReportWithFlags(content, control, { redact: true })
    expect(flags).toEqual([
      { noteId: 'n-privacy', kind: 'phone', text: '06-12345678' },
      { noteId: 'n-privacy', kind: 'email', text: 'fatima@example.nl' },
      { noteId: 'n-privacy', kind: 'address', text: '1234 AB 5' },
      { noteId: 'n-plus', kind: 'phone', text: '+31 6 1234 5678' },
    ])
    expect(model.notes.find((n) => n.id === 'n-privacy')?.text).toBe(
      'Bel Fatima: [verwijderd] of mail [verwijderd], adres [verwijderd]',
    )
    expect(redactText('call 0612345678', '[removed]')).toBe('call [removed]')
  })
})

describe('formats', () => {
  it('Markdown shows every note once after the summary, escaped so nothing on a note becomes markup', () => {
    const { model } = sample()
    const md = renderMarkdown(model)
    expect(md).not.toMatch(/(^|[^\\])<script/)
    expect(md).toContain('\\# geen kop \\*geen nadruk\\* [link\\](javascript:alert(1)) | pijp')
    // The summary repeats the top notes; after it, each note is in the verslag once.
    const body = md.slice(md.indexOf('\n## ', md.indexOf('## Samenvatting') + 1))
    const plain = unescapeMarkdown(body).replace(/\s+/g, '')
    for (const note of model.notes.filter((n) => n.text.trim() && n.zoneId !== 'z-afspraken')) {
      expect(plain.split(note.text.replace(/\s+/g, '')).length - 1, note.id).toBe(1)
    }
    expect(md.split('(leeg briefje)').length - 1).toBe(1)
  })

  it('CSV has one row per note, neutralises formulas and quotes properly', () => {
    const { model } = sample()
    const csv = renderCsv(model)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv, ';')
    expect(rows[0]).toEqual([
      'Vraag',
      'Groep',
      'Schrijver',
      'Stippen',
      'Reacties',
      'Ronde',
      'Geschreven',
      'Tekst',
      'Wie',
      'Wat',
      'Wanneer',
    ])
    expect(rows).toHaveLength(model.notes.length + 1)
    const texts = rows.slice(1).map((row) => row[7])
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","klik")`)
    expect(texts).toContain("'+31 6 1234 5678 belt de wijkagent")
    expect(texts).toContain("'-5 graden en geen warme ruimte")
    expect(texts).toContain("'@gemeente: luister naar ons")
    expect(texts).toContain('regel een\nregel twee\n\nregel vier\twith tab')
    for (const row of rows.slice(1)) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/)
    expect(rows.filter((row) => row[2] === 'Anoniem')).toHaveLength(2)
  })

  it('cleans characters that break XML formats but keeps the rest of the text', () => {
    expect(cleanText('bel\u0007 mij\u0000 niet\r\nok')).toBe('bel mij niet\nok')
    expect(cleanText('a\uD800b')).toBe('a\uFFFDb')
    expect(cleanText('\u202Eomgekeerd\u202C 👍🏽')).toBe('omgekeerd 👍🏽')
  })

  it('JSON backup → documents → JSON backup is identical', () => {
    const { model } = sample()
    const json = renderJson(model)
    const parsed = parseBackup(JSON.parse(json))
    if (!parsed.ok) throw new Error(parsed.message)
    const docs = docsFromBackup(parsed.backup)
    const again = renderJson(buildReport(docs.content, docs.control, { now: NOW }))
    expect(again).toBe(json)
  })

  it('refuses a malformed backup with a message naming the field', () => {
    const { model } = sample()
    const backup = JSON.parse(renderJson(model))
    backup.notes[0].color = 'red'
    const result = parseBackup(backup)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/notes\.0\.color/)
    expect(parseBackup({ format: 'something else' }).ok).toBe(false)
    expect(parseBackup({ ...JSON.parse(renderJson(model)), extra: 1 }).ok).toBe(false)
  })
})

describe('the board picture', () => {
  it('draws zones, groups, notes (escaped), vote badges and annotations, and shortens text when small', () => {
    const { model } = sample()
    const svg = renderBoardSvg(model)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toMatch(/<script/i)
    expect(svg).toContain('&#60;script&#62;alert(&#34;xss')
    expect(svg).toContain('>Wat kan beter?<')
    expect(svg).toContain('Belangrijk!')
    expect(svg).toContain('marker-end="url(#arrow-blue)"')
    expect(svg).toContain('<ellipse')
    expect(count(svg, '<circle')).toBe(6) // one badge per note with votes
    expect(svg).not.toContain(ANONYMOUS)
    expect(svg).toContain('>Ontmoeten<') // the group's name
    expect(svg).toContain('👍2') // reactions
    // Small, the note text is shortened (never dropped): every note still shows its first words.
    const overview = renderBoardSvg(model, { targetWidth: 300 })
    expect(overview).not.toContain('Koffieochtend in de buurtkamer trekt')
    expect(overview).toContain('>Koffie')
    expect(overview).toContain('>Taalcafé')
    expect(overview).toMatch(/…<\/tspan>/)
    expect(overview).toContain('>Wat kan beter?<')
  })
})

describe('agreements', () => {
  it('splits labelled notes into who, what and when, and keeps other notes whole', () => {
    expect(parseAgreement('a', 'Wie: Fatima; Wat: flyer maken; Wanneer: 1 april')).toEqual({
      noteId: 'a',
      who: 'Fatima',
      what: 'flyer maken',
      when: '1 april',
    })
    expect(parseAgreement('b', 'Youssef regelt de zaal voor 15 maart')).toEqual({
      noteId: 'b',
      who: '',
      what: 'Youssef regelt de zaal voor 15 maart',
      when: 'voor 15 maart',
    })
  })

  it('recognises the agreements zone by its title', () => {
    const content = new Y.Doc()
    initBoardMeta(content, { title: 'x', language: 'nl' })
    createZone(content, { id: 'z1', title: 'Onze afspraken', x: 0, y: 0, width: 500, height: 500 })
    createNote(content, { x: 1, y: 1, authorId: 'a', authorName: 'A', text: 'Wie: Bo', zoneId: 'z1' })
    const model = buildReport(content, new Y.Doc())
    expect(model.sections[0]?.kind).toBe('agreements')
    expect(model.sections[0]?.agreements).toEqual([
      { noteId: expect.any(String), who: 'Bo', what: '', when: '' },
    ])
  })
})
