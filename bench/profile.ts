import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from './targets'

/**
 * Summarises V8 CPU profiles (`node --cpu-prof`) of the server: self and inclusive time per
 * function, and self time per area (our server code, yjs, ws, SQLite, Node internals, GC, idle).
 * Time blocked inside a native call (e.g. SQLite's fsync) is counted on the JS function that made
 * the call, which is what matters for a single-threaded server.
 */
interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface FunctionTime {
  fn: string
  where: string
  selfPct: number
  totalPct: number
}

export interface ProfileSummary {
  file: string
  /** Wall time covered and the share the thread was busy (not idle). */
  durationMs: number
  busyPct: number
  areas: Array<{ area: string; pct: number }>
  topSelf: FunctionTime[]
  /** Highest inclusive time, any code (runtime frames left out). */
  topTotal: FunctionTime[]
  topOwnCode: FunctionTime[]
}

function areaOf(url: string, fn: string): string {
  if (fn === '(idle)') return 'idle'
  if (fn === '(garbage collector)') return 'GC'
  if (fn === '(program)') return 'V8/native (program)'
  if (url.includes('/server/src/') || url.includes('/shared/src/')) return 'Oogst server code'
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1]
  if (pkg) return pkg
  if (url.startsWith('node:')) return 'Node internals'
  return fn.startsWith('(') ? fn : 'other'
}

export function summarizeProfile(file: string): ProfileSummary {
  return summarizeCpuProfile(
    JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile,
    path.relative(ROOT, file),
  )
}

export function summarizeCpuProfile(profile: CpuProfile, file: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const keyOf = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}|${node.callFrame.url}:${node.callFrame.lineNumber + 1}`
  const total = profile.samples.reduce((sum, _id, i) => sum + (profile.timeDeltas[i] ?? 0), 0)
  const selfByKey = new Map<string, number>()
  const totalByKey = new Map<string, number>()
  const areas = new Map<string, number>()
  let idle = 0
  // Inclusive time: each function counted once per stack even when recursive.
  const visit = (node: ProfileNode, onStack: Set<string>): number => {
    const key = keyOf(node)
    let inclusive = self.get(node.id) ?? 0
    const nested = new Set(onStack).add(key)
    for (const child of node.children ?? []) {
      const childNode = byId.get(child)
      if (childNode) inclusive += visit(childNode, nested)
    }
    const own = self.get(node.id) ?? 0
    selfByKey.set(key, (selfByKey.get(key) ?? 0) + own)
    if (!onStack.has(key)) totalByKey.set(key, (totalByKey.get(key) ?? 0) + inclusive)
    const area = areaOf(node.callFrame.url, node.callFrame.functionName)
    areas.set(area, (areas.get(area) ?? 0) + own)
    if (area === 'idle') idle += own
    return inclusive
  }
  const root = profile.nodes[0]
  if (root) visit(root, new Set())
  const busy = Math.max(1, total - idle)
  const pct = (us: number) => Math.round((us / busy) * 1000) / 10
  const describe = (key: string): FunctionTime => {
    const [fn, where] = key.split('|') as [string, string]
    return {
      fn,
      where: where
        .replace(`file://${ROOT}/`, '')
        .replace(/^.*node_modules\//, '')
        .replace(/^https?:\/\/[^/]+\//, ''),
      selfPct: pct(selfByKey.get(key) ?? 0),
      totalPct: pct(totalByKey.get(key) ?? 0),
    }
  }
  const skip = (key: string) => /^\((idle|root|program|garbage collector)\)/.test(key)
  const topSelf = [...selfByKey.entries()]
    .filter(([key]) => !skip(key) || key.startsWith('(program)') || key.startsWith('(garbage'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([key]) => describe(key))
  const topTotal = [...totalByKey.entries()]
    .filter(
      ([key]) =>
        !skip(key) &&
        !key.startsWith('(') &&
        !/^(processTicksAndRejections|listOnTimeout|emit|runMicrotasks)\|/.test(key),
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([key]) => describe(key))
  const topOwnCode = [...totalByKey.entries()]
    .filter(([key]) => key.includes('/server/src/'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([key]) => describe(key))
  return {
    file,
    durationMs: Math.round(total / 1000),
    busyPct: Math.round(((total - idle) / Math.max(1, total)) * 1000) / 10,
    areas: [...areas.entries()]
      .filter(([area]) => area !== 'idle')
      .map(([area, us]) => ({ area, pct: pct(us) }))
      .sort((a, b) => b.pct - a.pct)
      .slice(0, 10),
    topSelf,
    topTotal,
    topOwnCode,
  }
}

/** Summaries of every .cpuprofile under `dir` (one folder per workload). */
export function summarizeProfiles(dir: string): Record<string, ProfileSummary[]> {
  const out: Record<string, ProfileSummary[]> = {}
  if (!fs.existsSync(dir)) return out
  for (const workload of fs.readdirSync(dir)) {
    const folder = path.join(dir, workload)
    if (!fs.statSync(folder).isDirectory()) continue
    // --cpu-prof also writes one file per worker thread (tsx's loader); keep the main thread's,
    // the one with the most busy time.
    const all = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => summarizeProfile(path.join(folder, name)))
    const busy = (s: ProfileSummary) => s.durationMs * s.busyPct
    const main = all.sort((a, b) => busy(b) - busy(a))[0]
    out[workload] = main ? [main] : []
  }
  return out
}
