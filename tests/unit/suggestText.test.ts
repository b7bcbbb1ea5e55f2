import { describe, expect, it } from 'vitest'
import { averageLinkageMerges, clusterByThreshold } from '../../shared/src/suggest/cluster'
import { suggestGroups } from '../../shared/src/suggest/suggest'
import { analyseText, contentWords, normaliseText, stemDutch } from '../../shared/src/suggest/text'
import { cosine, vectorise } from '../../shared/src/suggest/vectors'

describe('the Dutch text pipeline of grouping suggestions', () => {
  it('brings common Dutch word forms to one stem', () => {
    expect(stemDutch('bewoners')).toBe(stemDutch('bewoner'))
    expect(stemDutch('vrijwilligers')).toBe(stemDutch('vrijwilliger'))
    expect(stemDutch('samenwerking')).toBe(stemDutch('samenwerken'))
    expect(stemDutch('gelijkwaardigheid')).toBe(stemDutch('gelijkwaardig'))
    expect(stemDutch('wijkteams')).toBe(stemDutch('wijkteam'))
    expect(stemDutch('luisteren')).toBe('luister')
  })

  it('drops Dutch stop words and the filler of sticky notes', () => {
    expect(contentWords('Dat is echt heel belangrijk voor de bewoners')).toEqual(['belangrijk', 'bewoners'])
    expect(contentWords("DO: luisteren, DON'T: oordelen")).toEqual(['luisteren', 'oordelen'])
    expect(contentWords('ipv mailen gewoon even bellen')).toEqual(['mailen', 'bellen'])
  })

  it('removes emoji and punctuation, folds case, accents and compatibility forms', () => {
    expect(normaliseText('Gelijkwaardigheid 🤝!!')).toBe('gelijkwaardigheid')
    expect(normaliseText('Casuïstiek… ﬁjn')).toBe('casuistiek fijn')
    expect(normaliseText("collega's")).toBe('collegas')
    expect(analyseText('👍👍').grams).toEqual([])
  })

  it('keeps the written form of a word for names', () => {
    expect(analyseText('Casuïstiek!!').surfaces.get(stemDutch('casuistiek'))).toEqual(['casuïstiek'])
  })

  it('tolerates typos through character n-grams', () => {
    const texts = ['Vertrouwen', 'Vertouwen geven', 'Bureaucratie', 'bureacratie'].map(analyseText)
    const [trust, trustTypo, bureaucracy, bureaucracyTypo] = vectorise(texts).grams
    if (!trust || !trustTypo || !bureaucracy || !bureaucracyTypo) throw new Error('four vectors expected')
    expect(cosine(trust, trustTypo)).toBeGreaterThan(0.4)
    expect(cosine(bureaucracy, bureaucracyTypo)).toBeGreaterThan(0.4)
    expect(cosine(trust, bureaucracy)).toBeLessThan(0.1)
  })
})

describe('clustering with a similarity threshold', () => {
  // Two tight pairs (0.9) that are far from each other (0.1), and a loner.
  const similarity = Float64Array.from(
    [
      [1, 0.9, 0.1, 0.1, 0],
      [0.9, 1, 0.1, 0.1, 0],
      [0.1, 0.1, 1, 0.8, 0],
      [0.1, 0.1, 0.8, 1, 0],
      [0, 0, 0, 0, 1],
    ].flat(),
  )

  it('finds as many groups as the data has, not a fixed number', () => {
    expect(clusterByThreshold(similarity, 5, 0.5)).toEqual([[0, 1], [2, 3], [4]])
    expect(clusterByThreshold(similarity, 5, 0.05)).toEqual([[0, 1, 2, 3], [4]])
    expect(clusterByThreshold(similarity, 5, 0.95)).toEqual([[0], [1], [2], [3], [4]])
  })

  it('merges at the average similarity between groups', () => {
    const merges = averageLinkageMerges(similarity, 5)
      .map((m) => m.similarity)
      .sort((a, b) => b - a)
    expect(merges).toEqual([0.9, 0.8, 0.1, 0])
  })
})

describe('suggested groups', () => {
  const notes = [
    { id: 'a', text: 'Gelijkwaardigheid', zoneId: 'q1' },
    { id: 'b', text: 'gelijkwaardigheid!!', zoneId: 'q1' },
    { id: 'c', text: 'Gelijkwaardigheid 🤝', zoneId: 'q1' },
    { id: 'd', text: 'gelijkwaardig samenwerken met bewoners', zoneId: 'q1' },
    { id: 'e', text: 'Te weinig vrijwilligers', zoneId: 'q1' },
    { id: 'f', text: 'vrijwilligers vinden is lastig', zoneId: 'q1' },
    { id: 'g', text: 'Parkeren bij het buurthuis', zoneId: 'q1' },
    { id: 'h', text: 'Gelijkwaardigheid', zoneId: 'q2' },
    { id: 'i', text: '', zoneId: 'q1' },
  ]
  const suggestion = suggestGroups(notes)

  it('groups notes about the same thing, names the group as people wrote it', () => {
    const groups = suggestion.groups.map((g) => ({ name: g.name, notes: [...g.noteIds].sort() }))
    expect(groups).toContainEqual({ name: 'Gelijkwaardigheid', notes: ['a', 'b', 'c', 'd'] })
    expect(groups).toContainEqual({ name: 'Vrijwilligers', notes: ['e', 'f'] })
  })

  it('never mixes questions, and leaves loners and empty notes out of every group', () => {
    for (const group of suggestion.groups) {
      expect(new Set(group.noteIds.map((id) => notes.find((n) => n.id === id)?.zoneId)).size).toBe(1)
    }
    expect([...suggestion.ungrouped].sort()).toEqual(['g', 'h', 'i'])
  })

  it('marks the same word written three times as near-duplicates, not the longer note', () => {
    const equality = suggestion.groups.find((g) => g.name === 'Gelijkwaardigheid')
    expect(equality?.duplicates.map((set) => [...set].sort())).toEqual([['a', 'b', 'c']])
  })
})
