import { type Figure, figure } from './figure'
import type { CheckpointRecord } from './harness'
import type { RoomsResult } from './load/rooms'
import type { BenchResults, ServerRun } from './runner'

/** Figures of workloads 3 (idle connections over many rooms) and 5 (after everyone left). */

const rooms = (run: ServerRun) => run.result as RoomsResult
const point = (run: ServerRun, name: string) => {
  const found = run.checkpoints?.find((c) => c.name === name)
  if (!found) throw new Error(`no checkpoint ${name}`)
  return found
}
const lastLeft = (run: ServerRun): CheckpointRecord => {
  const left = (run.checkpoints ?? []).filter((c) => c.name.startsWith('left+'))
  const last = left[left.length - 1]
  if (!last) throw new Error('no left checkpoint')
  return last
}

function perConnection(run: ServerRun, field: 'gcRssKb' | 'heapUsedKb'): number {
  const r = rooms(run)
  const loaded = point(run, 'rooms-loaded')[field] as number
  const connected = point(run, 'connected')[field] as number
  return (connected - loaded) / Math.max(1, r.connections - r.firstWave)
}

function perRoom(run: ServerRun, field: 'gcRssKb' | 'heapUsedKb'): number {
  const r = rooms(run)
  const base = point(run, 'baseline')[field] as number
  const loaded = point(run, 'rooms-loaded')[field] as number
  return (loaded - base) / Math.max(1, r.firstWave) - perConnection(run, field)
}

function afterLeavePct(run: ServerRun, field: 'gcRssKb' | 'heapUsedKb'): number {
  const base = point(run, 'baseline')[field] as number
  return ((lastLeft(run)[field] as number) / base - 1) * 100
}

/** Server CPU milliseconds per edit over all passing steps (each edit fanned out to N-1 peers). */

export function roomFigures(results: BenchResults): Figure[] {
  const c = results.config
  const out: Figure[] = []
  const who = `${c.rooms.rooms * c.rooms.perRoom} connections / ${c.rooms.rooms} rooms`
  out.push(
    figure(
      results,
      'rooms',
      { label: `RSS per idle connection (${who})`, unit: 'kB', better: 'lower', target: { max: 30 } },
      (run) => perConnection(run, 'gcRssKb'),
    ),
    figure(results, 'rooms', { label: 'Heap per idle connection', unit: 'kB', better: 'lower' }, (run) =>
      perConnection(run, 'heapUsedKb'),
    ),
    figure(
      results,
      'rooms',
      { label: 'RSS per room (beyond its connections)', unit: 'kB', better: 'lower' },
      (run) => perRoom(run, 'gcRssKb'),
    ),
    figure(results, 'rooms', { label: 'Heap per room', unit: 'kB', better: 'lower' }, (run) =>
      perRoom(run, 'heapUsedKb'),
    ),
    figure(
      results,
      'rooms',
      { label: 'RSS with every connection open', unit: 'MB', better: 'lower' },
      (run) => (point(run, 'connected').gcRssKb as number) / 1024,
    ),
    figure(
      results,
      'rooms',
      { label: 'Server CPU while idle', unit: '% of a core', better: 'lower' },
      (run) => run.windows?.idle?.serverCpuPct ?? null,
    ),
    figure(
      results,
      'rooms',
      { label: 'Time to connect and sync all', unit: 's', better: 'lower' },
      (run) => rooms(run).connectMs / 1000,
    ),
    figure(
      results,
      'rooms',
      {
        section: '5. After everyone left',
        label: `RSS vs baseline, ${(c.rooms.afterLeaveMs.at(-1) ?? 0) / 1000} s after the last client left`,
        unit: '% over',
        better: 'lower',
        target: { max: 10 },
      },
      (run) => afterLeavePct(run, 'gcRssKb'),
    ),
    figure(
      results,
      'rooms',
      {
        section: '5. After everyone left',
        label: 'Heap vs baseline, same moment (heaps are small: see MB below)',
        unit: '% over',
        better: 'lower',
      },
      (run) => afterLeavePct(run, 'heapUsedKb'),
    ),
    figure(
      results,
      'rooms',
      {
        section: '5. After everyone left',
        label: 'Heap left over vs baseline',
        unit: 'MB',
        better: 'lower',
      },
      (run) => ((lastLeft(run).heapUsedKb as number) - (point(run, 'baseline').heapUsedKb as number)) / 1024,
    ),
    figure(
      results,
      'rooms',
      {
        section: '5. After everyone left',
        label: 'Peak RSS during the workload',
        unit: 'MB',
        better: 'lower',
      },
      (run) => Math.max(...(run.checkpoints ?? []).map((c) => c.peakRssKb)) / 1024,
    ),
  )
  return out
}
