/** Small statistics helpers shared by the load generator and the report. */

export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export function distribution(values: number[]): Distribution {
  if (values.length === 0)
    return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN }
  const sorted = Float64Array.from(values).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
  let sum = 0
  for (const value of sorted) sum += value
  return {
    count: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] as number),
    mean: round(sum / sorted.length),
  }
}

export function median(values: number[]): number {
  return distribution(values).p50
}

/** Rounds to 3 significant decimals for readable JSON. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
