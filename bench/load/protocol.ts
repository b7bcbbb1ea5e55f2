import type { RoomRef, TargetSpec } from '../targets'

/** Messages between the orchestrator and a load-generator process (over the fork IPC channel). */

export interface LatencyOptions {
  clients: number
  /** First total rate (edits/s), doubled until a step fails, then refined by bisection. */
  startRate: number
  maxRate: number
  /** Most refining steps per run; refining stops when fail/pass ≤ fineRatio. */
  refineSteps: number
  fineRatio: number
  /** Clients that decode and measure; the rest are lean sockets that only count frames. */
  fullReceivers: number
  /** The whole ramp is run this many times (median and spread reported). */
  runs: number
  stepMs: number
  drainMs: number
  p99LimitMs: number
  /** Time budget of one run of the ramp. */
  budgetMs: number
}

export interface CursorOptions {
  clients: number
  cursorHz: number
  /** Total edits/s across all clients, tracked for latency like the latency workload. */
  editRate: number
  measureMs: number
  /** Bound on connecting and settling before the measurement, and on the drain after it. */
  setupMs: number
  drainMs: number
}

export interface RoomsOptions {
  rooms: number
  perRoom: number
  idleMs: number
  /** Memory samples after everyone left, in ms after the last client closed. */
  afterLeaveMs: number[]
  /** Bound on connecting everyone. */
  connectBudgetMs: number
}

export interface ColdLoadOptions {
  notes: number
  repeats: number
  /** Wait after the last client left before the room counts as unloaded. */
  unloadWaitMs: number
}

export type Job =
  | { workload: 'latency'; target: TargetSpec; rooms: RoomRef[]; options: LatencyOptions }
  | { workload: 'latencyLarge'; target: TargetSpec; rooms: RoomRef[]; options: LatencyOptions }
  | { workload: 'cursors'; target: TargetSpec; rooms: RoomRef[]; options: CursorOptions }
  | { workload: 'rooms'; target: TargetSpec; rooms: RoomRef[]; options: RoomsOptions }
  | { workload: 'coldLoad'; target: TargetSpec; rooms: RoomRef[]; options: ColdLoadOptions }

export type Workload = Job['workload']

/** Load → orchestrator: measure now (CPU always; memory after GC when `mem`), then continue. */
export interface CheckpointMessage {
  type: 'checkpoint'
  name: string
  mem: boolean
}

/** What the orchestrator measured between `<step>:start` and `<step>:end` (see harness.ts). */
export interface MeasuredWindow {
  ms: number
  serverCpuPct: number
  /** Share of the window the server's event loop was busy (CPU or blocked in a synchronous call). */
  serverBusyPct: number
  /** Share of the window the server's main thread waited for a CPU (contention). */
  serverRunWaitPct: number
  /** The server's longest event-loop stall in the window (ms; NaN when the probe did not answer). */
  serverStallMaxMs: number
  loadCpuPct: number
  /** CPU used by everything else on the machine (other processes), % of one core. */
  otherCpuPct: number
}

/** Pauses the load; at a `…:end` checkpoint resolves with that step's measured window. */
export type Checkpoint = (name: string, options?: { mem?: boolean }) => Promise<MeasuredWindow | null>

/** Orchestrator → load: go on (with the window just measured, at an `…:end` checkpoint). */
export interface ContinueMessage {
  type: 'continue'
  name: string
  window: MeasuredWindow | null
}

export type LoadMessage =
  | CheckpointMessage
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string }
