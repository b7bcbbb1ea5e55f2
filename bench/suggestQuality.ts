import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import {
  adjustedRandIndex,
  seededRandom,
  shuffledLabels,
  wronglyMergedShare,
} from '../shared/src/suggest/quality'
import { DEFAULT_SUGGEST_OPTIONS, type SuggestOptions, suggestGroups } from '../shared/src/suggest/suggest'

/**
 * Quality of the grouping suggestions against the hand grouping in tests/fixtures/grouping-nl.json
 * (issue 20), beside two baselines: everything of a question in one group, and random groups of
 * exactly the sizes the suggestion proposed (averaged over 100 seeds).
 *
 *   node --import tsx bench/suggestQuality.ts           the figures
 *   node --import tsx bench/suggestQuality.ts --sweep   the figures for a range of thresholds
 */

interface Fixture {
  questions: { id: string; title: string; groups: { label: string; notes: string[] }[] }[]
}

export interface Scores {
  /** Mean over the questions. */
  ari: number
  /** Over all notes. */
  wronglyMerged: number
}

export interface QualityReport {
  notes: number
  questions: number
  suggestion: Scores & { groups: number; ungrouped: number }
  oneGroupPerQuestion: Scores
  randomSameSizes: Scores
}

export const FIXTURE_PATH = new URL('../tests/fixtures/grouping-nl.json', import.meta.url)
const RANDOM_SEEDS = 100

export function loadFixture(): Fixture {
  return JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8')) as Fixture
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

export function measureQuality(
  fixture: Fixture,
  options: SuggestOptions = DEFAULT_SUGGEST_OPTIONS,
): QualityReport {
  const perQuestion = fixture.questions.map((question) => {
    const notes = question.groups.flatMap((group, g) =>
      group.notes.map((text, k) => ({
        id: `${question.id}-${g}-${k}`,
        text,
        zoneId: question.id,
        label: group.label,
      })),
    )
    const suggestion = suggestGroups(notes, options)
    const predictedById = new Map<string, string>()
    suggestion.groups.forEach((group, g) => {
      for (const id of group.noteIds) predictedById.set(id, `group-${g}`)
    })
    for (const id of suggestion.ungrouped) predictedById.set(id, `alone-${id}`)
    const truth = notes.map((note) => note.label)
    const predicted = notes.map((note) => predictedById.get(note.id) ?? `alone-${note.id}`)
    const oneGroup = notes.map(() => question.id)
    const random = Array.from({ length: RANDOM_SEEDS }, (_, seed) => {
      const labels = shuffledLabels(predicted, seededRandom(seed + 1))
      return {
        ari: adjustedRandIndex(truth, labels),
        wrong: wronglyMergedShare(truth, labels) * notes.length,
      }
    })
    return {
      notes: notes.length,
      groups: suggestion.groups.length,
      ungrouped: suggestion.ungrouped.length,
      ari: adjustedRandIndex(truth, predicted),
      wrong: wronglyMergedShare(truth, predicted) * notes.length,
      oneGroupAri: adjustedRandIndex(truth, oneGroup),
      oneGroupWrong: wronglyMergedShare(truth, oneGroup) * notes.length,
      randomAri: mean(random.map((r) => r.ari)),
      randomWrong: mean(random.map((r) => r.wrong)),
    }
  })
  const total = perQuestion.reduce((sum, q) => sum + q.notes, 0)
  const sum = (pick: (q: (typeof perQuestion)[number]) => number) =>
    perQuestion.reduce((acc, q) => acc + pick(q), 0)
  return {
    notes: total,
    questions: perQuestion.length,
    suggestion: {
      ari: mean(perQuestion.map((q) => q.ari)),
      wronglyMerged: sum((q) => q.wrong) / total,
      groups: sum((q) => q.groups),
      ungrouped: sum((q) => q.ungrouped),
    },
    oneGroupPerQuestion: {
      ari: mean(perQuestion.map((q) => q.oneGroupAri)),
      wronglyMerged: sum((q) => q.oneGroupWrong) / total,
    },
    randomSameSizes: {
      ari: mean(perQuestion.map((q) => q.randomAri)),
      wronglyMerged: sum((q) => q.randomWrong) / total,
    },
  }
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`

export function formatReport(report: QualityReport): string {
  const row = (name: string, s: Scores) =>
    `${name.padEnd(28)} ARI ${s.ari.toFixed(2).padStart(5)}   wrongly merged ${pct(s.wronglyMerged).padStart(4)}`
  return [
    `${report.notes} notes, ${report.questions} questions; suggestion: ${report.suggestion.groups} groups, ${report.suggestion.ungrouped} notes left alone`,
    row('suggestion', report.suggestion),
    row('one group per question', report.oneGroupPerQuestion),
    row('random groups, same sizes', report.randomSameSizes),
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fixture = loadFixture()
  if (process.argv.includes('--sweep')) {
    for (const wordWeight of [0.3, 0.5, 0.7]) {
      for (const threshold of [0.08, 0.1, 0.12, 0.15, 0.18, 0.22, 0.26, 0.3]) {
        const r = measureQuality(fixture, { ...DEFAULT_SUGGEST_OPTIONS, threshold, wordWeight })
        console.log(
          `words ${wordWeight} threshold ${threshold}: ARI ${r.suggestion.ari.toFixed(3)} wrong ${pct(r.suggestion.wronglyMerged)} groups ${r.suggestion.groups} alone ${r.suggestion.ungrouped}`,
        )
      }
    }
  } else console.log(formatReport(measureQuality(fixture)))
}
