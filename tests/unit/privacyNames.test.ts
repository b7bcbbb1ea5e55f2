import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNote, createZone, initBoardMeta } from '../../shared/src/model'
import {
  recordFacilitatorJoined,
  recordParticipantJoined,
  setFacilitatorName,
} from '../../shared/src/model/session'
import { buildReport, buildSampleBoard } from '../../shared/src/report'
import { initialsOf, pseudonymiseNames } from '../../shared/src/report/privacy'
import type { ReportModel } from '../../shared/src/report/types'

/**
 * "Namen vervangen": a report that leaves the room can say what was said without saying who said
 * it. Every place a participant's name can appear is checked, in the model every format renders.
 */

const NOW = Date.UTC(2025, 2, 13, 9, 0)
const PARTICIPANTS = ['Bram de Vries', 'Fatima el Amrani', 'Geheime Gerrit', 'Sanne Jansen', 'Youssef Bakker']
const NAME_WORDS = ['Bram', 'Vries', 'Fatima', 'Amrani', 'Gerrit', 'Sanne', 'Jansen', 'Youssef', 'Bakker']

const sampleModel = (zoneId?: string) => {
  const { content, control } = buildSampleBoard()
  return buildReport(content, control, { now: NOW, ...(zoneId ? { zoneId } : {}) })
}

/** Everything in the model a reader could see, facilitator's own name aside. */
function visibleText(model: ReportModel): string {
  return JSON.stringify({ ...model, facilitatorName: '' })
}

describe('participant names replaced in the report', () => {
  it('numbers participants by their (random) id, never by name, the same number everywhere', () => {
    const model = pseudonymiseNames(sampleModel(), 'numbered')
    expect(model.participants.names).toEqual([
      'Deelnemer 1',
      'Deelnemer 2',
      'Deelnemer 3',
      'Deelnemer 4',
      'Deelnemer 5',
    ])
    const authorOf = (id: string) => model.notes.find((note) => note.id === id)?.authorName
    expect(authorOf('n-xss')).toBe('Deelnemer 1') // p-bram
    expect(authorOf('n-koffie')).toBe('Deelnemer 2') // Fatima
    expect(authorOf('n-zaal')).toBe('Deelnemer 5') // Youssef
    expect(authorOf('n-anon')).toBeNull() // anonymous stays anonymous
    const inSections = model.sections.flatMap((s) => s.groups.flatMap((g) => g.notes))
    expect(inSections.find((note) => note.id === 'n-koffie')?.authorName).toBe('Deelnemer 2')
    expect(model.session.participantsEverJoined.map((p) => p.name)).toEqual(model.participants.names)
  })

  it('lists pseudonyms in their own order, so the list does not give away the alphabetical order of names', () => {
    const content = new Y.Doc()
    const control = new Y.Doc()
    initBoardMeta(content, { title: 'Volgorde', language: 'en', createdAt: NOW })
    recordParticipantJoined(control, 'p-1', 'Zoë Zwart')
    recordParticipantJoined(control, 'p-2', 'Aart Appel')
    recordParticipantJoined(control, 'p-3', 'Mila Mol')
    const model = pseudonymiseNames(buildReport(content, control, { now: NOW }), 'numbered')
    expect(model.participants.names).toEqual(['Participant 1', 'Participant 2', 'Participant 3'])
    expect(model.session.participantsEverJoined).toEqual([
      { id: 'p-1', name: 'Participant 1' },
      { id: 'p-2', name: 'Participant 2' },
      { id: 'p-3', name: 'Participant 3' },
    ])
  })

  it('replaces names inside note text and in the agreements Wie/Wat columns', () => {
    const model = pseudonymiseNames(sampleModel(), 'numbered')
    const text = (id: string) => model.notes.find((note) => note.id === id)?.text
    expect(text('n-privacy')).toMatch(/^Bel Deelnemer 2: /)
    expect(text('n-zaal')).toBe('Deelnemer 5 regelt de zaal voor 15 maart')
    const agreements = model.sections.flatMap((section) => section.agreements)
    expect(agreements.find((item) => item.noteId === 'n-wie')?.who).toBe('Deelnemer 2')
    expect(agreements.find((item) => item.noteId === 'n-zaal')?.what).toBe(
      'Deelnemer 5 regelt de zaal voor 15 maart',
    )
  })

  it('leaves no participant name anywhere in the model, in either mode', () => {
    const harvest = {
      insights: 'Fatima en Bram trekken dit',
      followUp: 'Sanne Jansen belt de wijkagent',
      nextMeeting: '',
    }
    for (const mode of ['numbered', 'initials'] as const) {
      const visible = visibleText(pseudonymiseNames({ ...sampleModel(), harvest }, mode))
      for (const word of NAME_WORDS) expect(visible, `${mode}: ${word}`).not.toContain(word)
    }
    const kept = visibleText(pseudonymiseNames(sampleModel(), 'keep'))
    for (const name of PARTICIPANTS) expect(kept).toContain(name)
  })

  it('writes initials with particles in lower case and tells equal initials apart', () => {
    expect(initialsOf('Bram de Vries')).toBe('B.d.V.')
    expect(initialsOf('Fatima el Amrani')).toBe('F.e.A.')
    expect(initialsOf('Anne-Marie')).toBe('A.M.')
    expect(initialsOf('  ')).toBe('?')
    const model = pseudonymiseNames(sampleModel(), 'initials')
    expect(model.participants.names).toEqual(['B.d.V.', 'F.e.A.', 'G.G.', 'S.J.', 'Y.B.'])
  })

  it('keeps the numbering of the whole board in a report of one zone', () => {
    const whole = pseudonymiseNames(sampleModel(), 'numbered')
    const zone = pseudonymiseNames(sampleModel('z-afspraken'), 'numbered')
    const author = (model: ReportModel, id: string) => model.notes.find((note) => note.id === id)?.authorName
    expect(author(zone, 'n-zaal')).toBe(author(whole, 'n-zaal'))
    expect(author(zone, 'n-wie')).toBe(author(whole, 'n-wie'))
  })

  it('does not touch the original model, and "keep" changes nothing', () => {
    const model = sampleModel()
    const before = JSON.stringify(model)
    pseudonymiseNames(model, 'numbered')
    expect(JSON.stringify(model)).toBe(before)
    expect(pseudonymiseNames(model, 'keep')).toBe(model)
  })

  it('replaces a shared first name by a neutral word, and a name that is also a word only when capitalised', () => {
    const content = new Y.Doc()
    const control = new Y.Doc()
    initBoardMeta(content, { title: 'Namen', language: 'nl', createdAt: NOW })
    setFacilitatorName(control, 'Anouk de Wit')
    recordParticipantJoined(control, 'p-anouk', 'Anouk de Wit')
    recordFacilitatorJoined(control, 'p-anouk')
    recordParticipantJoined(control, 'p-jan1', 'Jan Smit')
    recordParticipantJoined(control, 'p-jan2', 'Jan Peters')
    recordParticipantJoined(control, 'p-roos', 'Roos')
    const zoneId = createZone(content, { title: 'Vraag', x: 0, y: 0, width: 800, height: 600 })
    const text = 'Jan en Roos praten met jan smit over een roos; Anouk de Wit leidt'
    createNote(content, { text, authorId: 'p-roos', authorName: 'Roos', x: 10, y: 10, zoneId })
    const model = pseudonymiseNames(buildReport(content, control, { now: NOW }), 'numbered')
    expect(model.notes[0]?.text).toBe(
      '[naam] en Deelnemer 3 praten met Deelnemer 1 over een roos; Anouk de Wit leidt',
    )
    expect(model.notes[0]?.authorName).toBe('Deelnemer 3') // ids p-jan1, p-jan2, p-roos
    expect(model.facilitatorName).toBe('Anouk de Wit')
  })
})
