import { fork } from 'node:child_process'
import path from 'node:path'
import type { Job, LoadMessage } from './load/protocol'
import { cpuMs, rssKb } from './proc'
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
  heapUsedKb?: number
  heapTotalKb?: number
  externalKb?: number
  gcRssKb?: number
}

export interface Window {
  ms: number
  serverCpuPct: number
  loadCpuPct: number
}

export interface LoadRun<T> {
  result: T
  checkpoints: CheckpointRecord[]
  windows: Record<string, Window>
}

const LOAD_ENTRY = path.join(ROOT, 'bench/load/main.ts')

export async function runLoad<T>(server: RunningServer, job: Job, timeoutMs: number): Promise<LoadRun<T>> {
  const child = fork(LOAD_ENTRY, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--max-old-space-size=8192'],
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
            child.send({ type: 'continue', name: message.name })
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
  const record: CheckpointRecord = {
    name,
    atMs: round(performance.now() - start, 1),
    serverCpuMs: cpuMs(server.pid),
    loadCpuMs: cpuMs(loadPid),
    ...rssOf(server.pid),
  }
  if (withMemory) {
    const usage = await server.mem(true)
    record.heapUsedKb = Math.round(usage.heapUsed / 1024)
    record.heapTotalKb = Math.round(usage.heapTotal / 1024)
    record.externalKb = Math.round(usage.external / 1024)
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
      loadCpuPct: round(((end.loadCpuMs - begin.loadCpuMs) / ms) * 100, 1),
    }
  }
  return windows
}
