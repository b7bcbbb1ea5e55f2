import { describe, expect, it } from 'vitest'
import { formatReport, loadFixture, measureQuality } from '../../bench/suggestQuality'

describe('grouping suggestions against the hand-grouped Dutch fixture', () => {
  it('agrees with the hand grouping clearly better than both baselines', () => {
    const fixture = loadFixture()
    const report = measureQuality(fixture)
    console.log(formatReport(report))
    expect(report.notes).toBeGreaterThanOrEqual(150)
    expect(report.questions).toBe(5)
    // "Clearly": at least 0.2 ARI above either baseline, and at most half their wrongly merged share.
    expect(report.suggestion.ari).toBeGreaterThan(report.oneGroupPerQuestion.ari + 0.2)
    expect(report.suggestion.ari).toBeGreaterThan(report.randomSameSizes.ari + 0.2)
    expect(report.suggestion.wronglyMerged).toBeLessThan(report.oneGroupPerQuestion.wronglyMerged / 2)
    expect(report.suggestion.wronglyMerged).toBeLessThan(report.randomSameSizes.wronglyMerged / 2)
  })
})
