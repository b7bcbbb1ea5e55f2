import { type Figure, figure } from './figure'
import type { ColdLoadResult } from './load/coldLoad'
import type { Workload } from './load/protocol'
import type { BenchResults, ServerRun } from './runner'
import { cursorFigures, latencyFigures } from './summaryEdits'
import { roomFigures } from './summaryRooms'

export type { Figure } from './figure'

/** Every figure of a run, in report order. */
const cold = (run: ServerRun) => run.result as ColdLoadResult

export function figures(results: BenchResults): Figure[] {
  const c = results.config
  const out: Figure[] = []
  const has = (w: Workload) => c.workloads.includes(w)
  if (has('latency')) out.push(...latencyFigures(results))
  if (has('latencyLarge')) out.push(...latencyFigures(results, 'latencyLarge'))
  if (has('cursors')) out.push(...cursorFigures(results))
  if (has('rooms')) out.push(...roomFigures(results))
  if (has('coldLoad')) {
    const notes = c.coldLoad.notes
    out.push(
      figure(
        results,
        'coldLoad',
        {
          label: `Cold load to synced (room not in memory, client applied it), median`,
          unit: 'ms',
          better: 'lower',
        },
        (run) => cold(run).coldMedianMs,
      ),
      figure(
        results,
        'coldLoad',
        {
          label: 'Cold: document (sync step 2) arrived, median — the server side',
          unit: 'ms',
          better: 'lower',
          target: { max: 20 },
        },
        (run) => cold(run).coldStep2MedianMs,
      ),
      figure(
        results,
        'coldLoad',
        { label: 'Warm: document arrived, median', unit: 'ms', better: 'lower' },
        (run) => cold(run).warmStep2MedianMs,
      ),
      figure(
        results,
        'coldLoad',
        { label: 'Warm load to synced (room in memory), median', unit: 'ms', better: 'lower' },
        (run) => cold(run).warmMedianMs,
      ),
      figure(
        results,
        'coldLoad',
        { label: `Bytes received until synced (${notes} notes)`, unit: 'kB', better: 'lower' },
        (run) => cold(run).coldBytes / 1024,
      ),
    )
  }
  return out
}
