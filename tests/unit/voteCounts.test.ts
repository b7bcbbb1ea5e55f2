import { describe, expect, it } from 'vitest'
import { areResultsVisible, shownVoteCount, visibleVoteResults } from '../../client/src/session/voteCounts'
import { votingConfig } from '../helpers/votingConfig'

describe('which vote counts are shown (canvas and list view alike)', () => {
  it('hides results only while voting is open and the facilitator chose to hide them', () => {
    expect(areResultsVisible(null)).toBe(true)
    expect(areResultsVisible(votingConfig())).toBe(true)
    expect(areResultsVisible(votingConfig({ hideResults: true }))).toBe(false)
    expect(areResultsVisible(votingConfig({ open: false, hideResults: true }))).toBe(true)
    expect(areResultsVisible(votingConfig({ open: false }))).toBe(true)
  })

  it('gives the tallies only when they may be seen', () => {
    const results = { a: 3 }
    expect(visibleVoteResults(true, results)).toBe(results)
    expect(visibleVoteResults(false, results)).toBeNull()
  })

  it('shows a count per note only when there is one above zero', () => {
    const results = { a: 3, b: 0, c: 1 }
    expect(shownVoteCount(results, 'a')).toBe(3)
    expect(shownVoteCount(results, 'c')).toBe(1)
    expect(shownVoteCount(results, 'b')).toBeNull()
    expect(shownVoteCount(results, 'missing')).toBeNull()
    expect(shownVoteCount(null, 'a')).toBeNull()
  })
})
