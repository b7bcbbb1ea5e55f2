/**
 * Agreement of a proposed grouping with a hand grouping (issue 20, "Quality you can show").
 * Both are given as one label per note, in the same order.
 */

function choose2(k: number): number {
  return (k * (k - 1)) / 2
}

/** Adjusted Rand index (Hubert & Arabie): 1 = the same partition, about 0 = chance. */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  const n = truth.length
  const cells = new Map<string, number>()
  const rows = new Map<string, number>()
  const columns = new Map<string, number>()
  truth.forEach((row, i) => {
    const column = predicted[i] ?? ''
    const cell = `${row}\u0000${column}`
    cells.set(cell, (cells.get(cell) ?? 0) + 1)
    rows.set(row, (rows.get(row) ?? 0) + 1)
    columns.set(column, (columns.get(column) ?? 0) + 1)
  })
  let index = 0
  for (const count of cells.values()) index += choose2(count)
  let rowSum = 0
  for (const count of rows.values()) rowSum += choose2(count)
  let columnSum = 0
  for (const count of columns.values()) columnSum += choose2(count)
  const expected = (rowSum * columnSum) / choose2(n)
  const maximum = (rowSum + columnSum) / 2
  if (maximum === expected) return 1
  return (index - expected) / (maximum - expected)
}

/**
 * Share of notes that sit in a wrongly merged group: a proposed group holding notes of two or
 * more hand-made groups. Those are the notes a facilitator has to pull apart again.
 */
export function wronglyMergedShare(truth: readonly string[], predicted: readonly string[]): number {
  const labelsPerGroup = new Map<string, Set<string>>()
  truth.forEach((label, i) => {
    const group = predicted[i] ?? ''
    const labels = labelsPerGroup.get(group) ?? new Set<string>()
    labels.add(label)
    labelsPerGroup.set(group, labels)
  })
  const wrong = predicted.filter((group) => (labelsPerGroup.get(group)?.size ?? 0) > 1).length
  return truth.length === 0 ? 0 : wrong / truth.length
}

/** A small seeded generator (mulberry32), so random baselines are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The same labels dealt to the notes in random order: random groups of the very same sizes. */
export function shuffledLabels(labels: readonly string[], random: () => number): string[] {
  const shuffled = [...labels]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = shuffled[i] as string
    shuffled[i] = shuffled[j] as string
    shuffled[j] = swap
  }
  return shuffled
}
