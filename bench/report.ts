import type { ProfileSummary } from './profile'
import type { BenchResults } from './runner'
import { type Figure, figures } from './summary'
import { OURS, type ServerKind } from './targets'

/** bench/results.md: machine, versions, one table of figures with ours/peer ratios, targets. */

export const fmt = (value: number | null | undefined): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  if (abs >= 100) return value.toFixed(0)
  if (abs >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

function ratio(f: Figure, own: ServerKind, peer: ServerKind): string {
  const ours = f.values[own]
  const theirs = f.values[peer]
  if (ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0)
    return '—'
  const r = ours / theirs
  const need = f.ratioTargets?.[peer]
  const mark = need === undefined ? '' : r >= need ? ` ✅ (≥${need})` : ` ❌ (≥${need})`
  return `${r.toFixed(2)}${mark}`
}

function targetCell(f: Figure): string {
  const ours = f.values.oogst
  if (!f.target) return ''
  const text = f.target.max !== undefined ? `≤ ${f.target.max}` : `≥ ${f.target.min}`
  if (ours === null || ours === undefined) return `${text} —`
  const ok =
    (f.target.max === undefined || ours <= f.target.max) &&
    (f.target.min === undefined || ours >= f.target.min)
  return `${text} ${ok ? '✅' : '❌'}`
}

export function renderTable(results: BenchResults, rows: Figure[]): string[] {
  const servers = results.config.servers
  const ours = servers.filter((s) => OURS.includes(s))
  const peers = servers.filter((s) => !OURS.includes(s))
  // Every one of our deployments against every peer: "Oogst/Hocuspocus", "Oogst (PostgreSQL)/relay".
  const pairs = ours.flatMap((own) => peers.map((peer) => [own, peer] as const))
  const short = (kind: ServerKind) => (kind === 'oogstPg' ? 'ours (PG)' : 'ours')
  const head = ['Figure', 'unit', ...servers.map((s) => results.labels[s])]
  head.push(...pairs.map(([own, peer]) => `${short(own)}/${results.labels[peer]}`))
  if (servers.includes('oogst')) head.push('target (ours)')
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`]
  let section = ''
  for (const f of rows) {
    if (f.section !== section) {
      section = f.section
      lines.push(`| **${section}** |${' |'.repeat(head.length - 1)}`)
    }
    const arrow = f.better === 'higher' ? ' ↑' : f.better === 'lower' ? ' ↓' : ''
    const cells = [`${f.label}${arrow}`, f.unit, ...servers.map((s) => fmt(f.values[s]))]
    cells.push(...pairs.map(([own, peer]) => ratio(f, own, peer)))
    if (servers.includes('oogst')) cells.push(targetCell(f))
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines
}

function latencySteps(results: BenchResults, workload: 'latency' | 'latencyLarge'): string[] {
  const lines = [
    '| server | run | rate (edits/s) | achieved | p50 | p95 | p99 | max | delivered | lean frames/edit | server CPU % | server busy % | longest server stall (ms) | server waited for CPU % | load CPU % | other processes CPU % | saturated | pass |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const kind of results.config.servers) {
    const run = results.runs[workload]?.[kind]
    if (!run?.ok) continue
    const result = run.result as import('./load/latency').LatencyResult
    const ordered = [...result.steps].sort(
      (a, b) => (a.run ?? 0) - (b.run ?? 0) || a.targetRate - b.targetRate,
    )
    for (const step of ordered) {
      const l = step.latencyMs
      const w = run.windows?.[step.name]
      lines.push(
        `| ${results.labels[kind]} | ${(step.run ?? 0) + 1} | ${fmt(step.targetRate)} | ${fmt(step.achievedRate)} | ${fmt(l.p50)} | ${fmt(l.p95)} | ${fmt(l.p99)} | ${fmt(l.max)} | ${((step.delivered / Math.max(1, step.expected)) * 100).toFixed(1)}% | ${fmt(step.leanFramesPerEdit)} | ${fmt(w?.serverCpuPct)} | ${fmt(w?.serverBusyPct)} | ${fmt(w?.serverStallMaxMs)} | ${fmt(w?.serverRunWaitPct)} | ${fmt(w?.loadCpuPct)} | ${fmt(w?.otherCpuPct)} | ${step.saturated ?? '–'} | ${step.pass ? 'yes' : 'no'} |`,
      )
    }
  }
  return lines
}

export function profileSection(profiles: Record<string, ProfileSummary[]>): string[] {
  const lines: string[] = []
  for (const [workload, summaries] of Object.entries(profiles)) {
    for (const s of summaries) {
      lines.push(
        `### ${workload}: ${s.file} (${(s.durationMs / 1000).toFixed(0)} s, main thread busy ${s.busyPct}%)`,
        '',
      )
      lines.push(`Busy time by area: ${s.areas.map((a) => `${a.area} ${a.pct}%`).join(', ')}`, '')
      lines.push('| top self time | where | self % | total % |', '|---|---|---|---|')
      for (const f of s.topSelf.slice(0, 12))
        lines.push(`| ${f.fn} | ${f.where} | ${f.selfPct} | ${f.totalPct} |`)
      lines.push('', '| our code, inclusive | where | total % | self % |', '|---|---|---|---|')
      for (const f of s.topOwnCode.slice(0, 10))
        lines.push(`| ${f.fn} | ${f.where} | ${f.totalPct} | ${f.selfPct} |`)
      lines.push('')
    }
  }
  return lines
}

export function renderMarkdown(results: BenchResults, profiles?: Record<string, ProfileSummary[]>): string {
  const m = results.machine
  const lines = [
    '# Oogst side-by-side sync benchmark',
    '',
    `Generated by \`npm run bench${results.mode === 'full' ? '' : ` -- --${results.mode}`}\` on ${results.date} (${results.mode} mode, ${(results.durationMs / 1000).toFixed(0)} s).`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}, kernel ${m.kernel}, Node ${m.node}.`,
    '',
    'Servers under test (each in its own process, started fresh for every workload, on 127.0.0.1):',
    '',
    ...results.config.servers.map((s) => `- **${results.labels[s]}**: ${results.versions[s]}`),
    '',
    'How to read this: ↑ higher is better, ↓ lower is better; ratios are ours/peer. The load generator',
    '(real Yjs clients: y-websocket provider, Hocuspocus provider, or y-websocket frames over raw ws for',
    'the relay) runs in one separate Node process. With only two cores, the generator and the server',
    'compete for CPU: in the rate ramp the generator applies every edit in 49 receiving Y.Docs, so at',
    'the top it is usually the generator, not the server, that runs out of CPU — see the per-step table.',
    '',
    ...renderTable(results, figures(results)),
    '',
  ]
  if (results.runs.latency)
    lines.push('## Rate ramp, every step', '', ...latencySteps(results, 'latency'), '')
  if (results.runs.latencyLarge)
    lines.push('## Rate ramp in a room of 200, every step', '', ...latencySteps(results, 'latencyLarge'), '')
  const failures = Object.entries(results.runs).flatMap(([w, per]) =>
    Object.entries(per ?? {})
      .filter(([, r]) => r && !r.ok)
      .map(([s, r]) => `- ${w} × ${s}: ${r?.skipped ?? r?.error?.split('\n')[0]}`),
  )
  if (failures.length > 0) lines.push('## Not measured', '', ...failures, '')
  if (results.notes.length > 0) lines.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '')
  if (profiles && Object.keys(profiles).length > 0)
    lines.push('## CPU profile of Oogst (node --cpu-prof)', '', ...profileSection(profiles))
  return `${lines.join('\n')}\n`
}
