import { fork } from 'node:child_process'
import path from 'node:path'
import type { ContinueMessage, Job, LoadMessage, MeasuredWindow } from './load/protocol'
import { cpuMs, machineBusyMs, rssKb, schedMs } from './proc'
import { round } from './stats'
import { ROOT, type RunningServer, stopChild } from './targets'

/**
 * Runs one Job in a forked load-generator process against a running server. At every checkpoint
 * the load process pauses while we read the server's CPU time and RSS from /proc (and its heap via
 * the probe, after a full GC, when asked), and the load process's own CPU time.
 */
export interface CheckpointRecord {
  name: string
  atMs: number
  serverCpuMs: number
  loadCpuMs: number
  rssKb: number
  peakRssKb: number
  /** Cumulative event-loop busy and idle time of the server (ms). */
  eluActiveMs: number
  eluIdleMs: number
  /** Time the server's main thread was runnable but waiting for a CPU (ms, cumulative). */
  serverRunWaitMs: number
  /** Busy CPU time of the whole machine (ms, cumulative): shows other processes competing. */
  machineBusyMs: number
  /** The server's longest event-loop stall since the previous checkpoint (ms). */
  stallMaxMs?: number
  heapUsedKb?: number
  heapTotalKb?: number
  externalKb?: number
  gcRssKb?: number
}

/** A step's measured window (the load process gets it too, to see which side saturated). */
export type Window = MeasuredWindow

export interface LoadRun<T> {
  result: T
  checkpoints: CheckpointRecord[]
  windows: Record<string, Window>
}

const LOAD_ENTRY = path.join(ROOT, 'bench/load/main.ts')

export async function runLoad<T>(server: RunningServer, job: Job, timeoutMs: number): Promise<LoadRun<T>> {
  const child = fork(LOAD_ENTRY, [], {
    cwd: ROOT,
    execArgv: [
      '--import',
      'tsx',
      '--max-old-space-size=8192',
      // Fewer, cheaper scavenges: every Y.Doc update survives, and GC pauses add to measured latency.
      '--max-semi-space-size=32',
      // Debugging aid: profile the load generator itself.
      ...(process.env.BENCH_LOAD_TRACE_GC ? ['--trace-gc'] : []),
      ...(process.env.BENCH_LOAD_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_LOAD_CPU_PROF]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const loadPid = child.pid as number
  const start = performance.now()
  const checkpoints: CheckpointRecord[] = []
  const outcome = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${job.workload} on ${server.kind} did not finish in ${timeoutMs / 1000} s`))
      void stopChild(child, 1000)
    }, timeoutMs)
    child.on('message', (message: LoadMessage) => {
      if (message.type === 'checkpoint') {
        measure(server, loadPid, message.name, message.mem, start)
          .then((record) => {
            checkpoints.push(record)
            const window = message.name.endsWith(':end')
              ? (windowsOf(checkpoints)[message.name.slice(0, -4)] ?? null)
              : null
            const reply: ContinueMessage = { type: 'continue', name: message.name, window }
            child.send(reply)
          })
          .catch((error) => reject(error))
      } else if (message.type === 'result') {
        clearTimeout(timer)
        resolve(message.result as T)
      } else if (message.type === 'error') {
        clearTimeout(timer)
        reject(new Error(`${job.workload} on ${server.kind}: ${message.message}`))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`load generator exited (${code}) without a result`))
    })
  })
  child.send(job)
  try {
    const result = await outcome
    return { result, checkpoints, windows: windowsOf(checkpoints) }
  } finally {
    await stopChild(child, 2000)
  }
}

async function measure(
  server: RunningServer,
  loadPid: number,
  name: string,
  withMemory: boolean,
  start: number,
): Promise<CheckpointRecord> {
  // A saturated server may answer late; a missing figure is better than a lost run.
  const probe = await server.probe(withMemory).catch(() => null)
  const record: CheckpointRecord = {
    name,
    atMs: round(performance.now() - start, 1),
    serverCpuMs: [server.pid, ...(server.extraPids ?? [])].reduce((sum, pid) => sum + cpuMs(pid), 0),
    loadCpuMs: cpuMs(loadPid),
    ...rssOf(server.pid),
    eluActiveMs: probe ? round(probe.elu.active, 1) : Number.NaN,
    eluIdleMs: probe ? round(probe.elu.idle, 1) : Number.NaN,
    serverRunWaitMs: round(schedMs(server.pid).wait, 1),
    machineBusyMs: machineBusyMs(),
    stallMaxMs: probe ? round(probe.stallMaxMs, 1) : Number.NaN,
  }
  if (probe?.usage) {
    record.heapUsedKb = Math.round(probe.usage.heapUsed / 1024)
    record.heapTotalKb = Math.round(probe.usage.heapTotal / 1024)
    record.externalKb = Math.round(probe.usage.external / 1024)
    record.gcRssKb = rssKb(server.pid).rss
  }
  return record
}

function rssOf(pid: number): { rssKb: number; peakRssKb: number } {
  const { rss, peak } = rssKb(pid)
  return { rssKb: rss, peakRssKb: peak }
}

/** Pairs `<name>:start` / `<name>:end` checkpoints into CPU windows. */
export function windowsOf(checkpoints: CheckpointRecord[]): Record<string, Window> {
  const windows: Record<string, Window> = {}
  for (const end of checkpoints) {
    if (!end.name.endsWith(':end')) continue
    const name = end.name.slice(0, -4)
    const begin = checkpoints.find((c) => c.name === `${name}:start`)
    if (!begin) continue
    const ms = end.atMs - begin.atMs
    windows[name] = {
      ms: round(ms, 1),
      serverCpuPct: round(((end.serverCpuMs - begin.serverCpuMs) / ms) * 100, 1),
      serverBusyPct: round(
        ((end.eluActiveMs - begin.eluActiveMs) /
          Math.max(1, end.eluActiveMs - begin.eluActiveMs + end.eluIdleMs - begin.eluIdleMs)) *
          100,
        1,
      ),
      // The probe resets at every checkpoint, and a step's start is the one before its end.
      serverStallMaxMs: end.stallMaxMs ?? Number.NaN,
      serverRunWaitPct: round(((end.serverRunWaitMs - begin.serverRunWaitMs) / ms) * 100, 1),
      loadCpuPct: round(((end.loadCpuMs - begin.loadCpuMs) / ms) * 100, 1),
      otherCpuPct: round(
        ((end.machineBusyMs -
          begin.machineBusyMs -
          (end.serverCpuMs - begin.serverCpuMs) -
          (end.loadCpuMs - begin.loadCpuMs)) /
          ms) *
          100,
        1,
      ),
    }
  }
  return windows
}
