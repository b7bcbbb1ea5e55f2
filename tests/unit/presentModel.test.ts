import { describe, expect, it } from 'vitest'
import { isPresentMode, newNoteIds, presentModel, presentUrl } from '../../client/src/present/presentModel'
import type { NoteData, RoundData, ZoneData } from '../../shared/src/model'

const zone = (id: string, title: string, x: number, prompt = ''): ZoneData => ({
  id,
  title,
  prompt,
  x,
  y: 0,
  width: 400,
  height: 300,
  color: '#ffffff',
  order: x,
})
const note = (id: string, zoneId: string, createdAt: number, text = `briefje ${id}`): NoteData => ({
  id,
  text,
  x: 0,
  y: 0,
  width: 160,
  height: 100,
  color: 'yellow',
  zoneId,
  authorId: 'p',
  authorName: 'Anouk',
  createdAt,
  z: 0,
})
const round = (zoneIds: string[]): RoundData => ({
  id: 'r1',
  title: 'Ronde',
  prompt: '',
  zoneIds,
  minutes: 10,
  privateWriting: false,
  voting: false,
})

const zones = [
  zone('c', 'Centrale vraag', 0, 'Hoe leren we samen?'),
  zone('a', 'Wat werkt?', 500),
  zone('b', 'Wat is lastig?', 1000),
]
const notes = [note('1', 'a', 1), note('2', 'a', 3), note('3', 'b', 2), note('4', 'a', 2, '  ')]

describe('presentModel (projector)', () => {
  it('before a round: the central question and the other questions, without notes', () => {
    const model = presentModel({ zones, notes, round: null, follow: null })
    expect(model.centralQuestion).toBe('Hoe leren we samen?')
    expect(model.source).toBe('overview')
    expect(model.questions.map((q) => q.zone.id)).toEqual(['a', 'b'])
  })

  it("during a round: the round's questions, newest note first, empty notes left out", () => {
    const model = presentModel({ zones, notes, round: round(['a', 'c']), follow: null })
    expect(model.source).toBe('round')
    expect(model.questions.map((q) => q.zone.id)).toEqual(['a'])
    expect(model.questions[0]?.notes.map((n) => n.id)).toEqual(['2', '1'])
  })

  it('the question the facilitator leads wins over the round', () => {
    const follow = { participantId: 'f', name: 'Marieke', viewport: { x: 1200, y: 100, scale: 1 } }
    const model = presentModel({ zones, notes, round: round(['a']), follow })
    expect(model.source).toBe('follow')
    expect(model.questions.map((q) => q.zone.id)).toEqual(['b'])
    // Leading from an empty spot (or the central question) falls back to the round.
    const away = { ...follow, viewport: { x: 100, y: 100, scale: 1 } }
    expect(presentModel({ zones, notes, round: round(['a']), follow: away }).source).toBe('round')
  })

  it('new notes are those not seen before; the first list has none', () => {
    expect(newNoteIds(null, notes)).toEqual([])
    expect(newNoteIds(new Set(['1', '2', '3']), notes)).toEqual(['4'])
  })

  it('the present link is the viewer link with ?present, the token kept in the hash', () => {
    expect(presentUrl('https://oogst.example/b/abc#token=v1.x')).toBe(
      'https://oogst.example/b/abc?present#token=v1.x',
    )
    expect(isPresentMode('?present')).toBe(true)
    expect(isPresentMode('')).toBe(false)
  })
})
