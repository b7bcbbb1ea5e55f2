import i18next from 'i18next'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { VoteResults } from '../../client/src/session/banner/Voting'
import en from '../../client/src/session/i18n/en.json'
import nl from '../../client/src/session/i18n/nl.json'
import { createNote, listNotes } from '../../shared/src/model'

/** The facilitator's ranked results with "Gestemd door: …" under each note of a named vote. */
describe('vote results with voters', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng: 'nl',
      interpolation: { escapeValue: false },
      initAsync: false,
    })
  })

  const doc = new Y.Doc()
  const green = createNote(doc, {
    x: 0,
    y: 0,
    authorId: 'a',
    authorName: 'A',
    text: 'Meer groen',
    zoneId: null,
  })
  const bench = createNote(doc, { x: 9, y: 0, authorId: 'a', authorName: 'A', text: 'Bankjes', zoneId: null })
  const results = { [green]: 3, [bench]: 1 }
  const byNote = new Map([
    [
      green,
      [
        { participantId: 'p1', name: 'Ahmed', count: 2 },
        { participantId: 'p2', name: 'Fatima', count: 1 },
      ],
    ],
    [bench, [{ participantId: 'p3', name: '', count: 1 }]],
  ])
  const render = (voters?: Parameters<typeof VoteResults>[0]['voters']) =>
    renderToStaticMarkup(createElement(VoteResults, { notes: listNotes(doc), results, voters }))

  it('names who voted, with their dots, under each note', () => {
    const html = render({ byNote, failed: false })
    expect(html).toContain('Gestemd door: Ahmed (2), Fatima (1)')
    expect(html).toContain('Gestemd door: Naam onbekend (1)')
    expect(html.indexOf('Meer groen')).toBeLessThan(html.indexOf('Ahmed'))
    expect(html.indexOf('Ahmed')).toBeLessThan(html.indexOf('Bankjes'))
  })

  it('shows no names without voters (anonymous votes, participants)', () => {
    expect(render()).not.toContain('Gestemd door')
    expect(render(null)).not.toContain('Gestemd door')
    expect(render({ byNote: new Map(), failed: true })).toContain('kan nu niet worden getoond')
  })

  it('has the same keys in English', async () => {
    await i18next.changeLanguage('en')
    expect(render({ byNote, failed: false })).toContain('Voted by: Ahmed (2), Fatima (1)')
    await i18next.changeLanguage('nl')
  })
})
