import type { Workload } from './load/protocol'
import type { BenchResults, ServerRun } from './runner'
import { round } from './stats'
import type { ServerKind } from './targets'

/**
 * Turns raw runs into comparable figures, one row per figure with a value per server, plus the
 * target it is held to (absolute for Oogst, or a minimum ratio ours/peer).
 */
export interface Figure {
  section: string
  label: string
  unit: string
  better: 'higher' | 'lower' | 'info'
  values: Partial<Record<ServerKind, number | null>>
  /** Absolute target for Oogst, e.g. { max: 5 }. */
  target?: { max?: number; min?: number }
  /** Minimum ours/peer ratio (for "higher is better" figures). */
  ratioTargets?: Partial<Record<ServerKind, number>>
}

export type Extract = (run: ServerRun) => number | null

export function figure(
  results: BenchResults,
  workload: Workload,
  spec: Omit<Figure, 'values' | 'section'> & { section?: string },
  extract: Extract,
): Figure {
  const values: Figure['values'] = {}
  for (const kind of results.config.servers) {
    const run = results.runs[workload]?.[kind]
    let value: number | null = null
    if (run?.ok) {
      try {
        value = extract(run)
      } catch {
        value = null
      }
    }
    values[kind] = value === null || !Number.isFinite(value) ? null : round(value, 2)
  }
  return { section: spec.section ?? SECTION[workload], ...spec, values }
}

export const SECTION: Record<Workload, string> = {
  latency: '1. Edits, 50 clients in one room',
  latencyLarge: '1b. Edits, 200 clients in one room',
  cursors: '2. Cursors: many clients in one room',
  rooms: '3. Idle connections over many rooms',
  coldLoad: '4. Loading a 2,000-note board',
}
