import type { ColdLoadOptions, CursorOptions, LatencyOptions, RoomsOptions, Workload } from './load/protocol'
import type { ServerKind } from './targets'

/**
 * Sizes of the three modes: `full` is the benchmark as specified (≤ 10 min for all four servers),
 * `quick` keeps every workload but smaller and shorter (≤ 2 min), `tiny` is the smoke test's.
 */
export type Mode = 'full' | 'quick' | 'tiny'

export interface BenchConfig {
  mode: Mode
  servers: ServerKind[]
  workloads: Workload[]
  unloadGraceMs: number
  latency: LatencyOptions
  /** The same rate ramp in a room of 200 (a big lecture or a whole organisation's meeting). */
  latencyLarge: LatencyOptions
  cursors: CursorOptions
  rooms: RoomsOptions
  coldLoad: ColdLoadOptions
}

const FULL_LATENCY: LatencyOptions = {
  clients: 50,
  startRate: 50,
  maxRate: 25_600,
  refineSteps: 6,
  fineRatio: 1.1,
  fullReceivers: 4,
  runs: 3,
  stepMs: 2500,
  drainMs: 3000,
  p99LimitMs: 50,
  budgetMs: 45_000,
}

const FULL: Omit<BenchConfig, 'servers' | 'workloads'> = {
  mode: 'full',
  unloadGraceMs: 2000,
  latency: FULL_LATENCY,
  // The same ramp in a room of 200 (a big lecture or a whole organisation's meeting).
  latencyLarge: { ...FULL_LATENCY, clients: 200, maxRate: 12_800 },
  cursors: { clients: 500, cursorHz: 1, editRate: 25, measureMs: 5000, setupMs: 20_000, drainMs: 3000 },
  rooms: {
    rooms: 250,
    perRoom: 20,
    idleMs: 5000,
    afterLeaveMs: [5_000, 30_000],
    connectBudgetMs: 60_000,
  },
  coldLoad: { notes: 2000, repeats: 5, unloadWaitMs: 3500 },
}

/** Shorter steps, one run: every ramp in quick mode. */
const QUICK_RAMP = { stepMs: 1000, drainMs: 1500, refineSteps: 2, runs: 1, budgetMs: 8000 } as const

const QUICK: Omit<BenchConfig, 'servers' | 'workloads'> = {
  mode: 'quick',
  unloadGraceMs: 1000,
  latency: { ...FULL.latency, ...QUICK_RAMP },
  latencyLarge: { ...FULL.latencyLarge, ...QUICK_RAMP },
  cursors: { clients: 100, cursorHz: 1, editRate: 10, measureMs: 2000, setupMs: 4000, drainMs: 1500 },
  rooms: { rooms: 25, perRoom: 20, idleMs: 1000, afterLeaveMs: [2500], connectBudgetMs: 10_000 },
  coldLoad: { notes: 2000, repeats: 1, unloadWaitMs: 1800 },
}

const TINY_LATENCY: LatencyOptions = {
  clients: 4,
  startRate: 20,
  maxRate: 40,
  refineSteps: 0,
  fineRatio: 1.1,
  fullReceivers: 2,
  runs: 1,
  stepMs: 500,
  drainMs: 1000,
  p99LimitMs: 50,
  budgetMs: 5000,
}

const TINY: Omit<BenchConfig, 'servers' | 'workloads'> = {
  mode: 'tiny',
  unloadGraceMs: 300,
  latency: TINY_LATENCY,
  latencyLarge: { ...TINY_LATENCY, clients: 8 },
  cursors: { clients: 6, cursorHz: 2, editRate: 4, measureMs: 800, setupMs: 3000, drainMs: 1000 },
  rooms: { rooms: 3, perRoom: 3, idleMs: 300, afterLeaveMs: [1200], connectBudgetMs: 5000 },
  coldLoad: { notes: 200, repeats: 1, unloadWaitMs: 700 },
}

export const ALL_WORKLOADS: Workload[] = ['latency', 'latencyLarge', 'cursors', 'rooms', 'coldLoad']

export function benchConfig(mode: Mode, servers: ServerKind[], workloads: Workload[]): BenchConfig {
  const base = mode === 'full' ? FULL : mode === 'quick' ? QUICK : TINY
  return { ...base, servers, workloads }
}

/** Longest a single load process may run before it is killed (the loops bound themselves too). */
export function jobTimeoutMs(config: BenchConfig, workload: Workload): number {
  const slack = config.mode === 'tiny' ? 15_000 : 60_000
  switch (workload) {
    case 'latency':
    case 'latencyLarge': {
      const c = config[workload]
      return c.runs * (c.budgetMs + 2 * c.stepMs + 2 * c.drainMs * 3) + slack
    }
    case 'cursors':
      return config.cursors.setupMs + config.cursors.measureMs + config.cursors.drainMs + slack
    case 'rooms':
      return (
        config.rooms.connectBudgetMs + config.rooms.idleMs + Math.max(0, ...config.rooms.afterLeaveMs) + slack
      )
    case 'coldLoad':
      return (config.coldLoad.repeats + 2) * (config.coldLoad.unloadWaitMs + 15_000) + slack
  }
}
