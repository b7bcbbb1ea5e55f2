import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ALL_WORKLOADS, benchConfig, type Mode } from './config'
import type { Workload } from './load/protocol'
import { type ProfileSummary, summarizeProfiles } from './profile'
import { profileSection, renderMarkdown } from './report'
import { type BenchResults, contentionNotes, runBench } from './runner'
import { renderScaleOut, runScaleOut, type ScaleOutResults } from './scaleout'
import { ALL_SERVERS, ROOT, type ServerKind } from './targets'

/**
 * `npm run bench` — every workload against Oogst, the reference y-websocket server, Hocuspocus and a
 * raw ws relay, side by side, on 127.0.0.1. Writes bench/results.json and bench/results.md.
 *
 *   --quick              smaller and shorter (≤ 2 min)
 *   --only=oogst,relay   servers to run (oogst, yws, hocuspocus, relay)
 *   --workloads=latency  workloads to run (latency, cursors, rooms, coldLoad)
 *   --profile            also CPU-profile Oogst (latency, cursors) into bench/profiles and summarise
 *   --out=dir            where to write results (default bench/)
 *   --render             only rewrite results.md from results.json (e.g. after bench:client)
 *   --no-scaleout        leave out the one-vs-two-instance run (PostgreSQL + Redis)
 *   --no-report          leave out the harvest report export timings (bench/harvestReport.ts)
 */
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]

const mode: Mode = flag('tiny') ? 'tiny' : flag('quick') ? 'quick' : 'full'
const servers = (value('only')?.split(',') ?? ALL_SERVERS) as ServerKind[]
const workloads = (value('workloads')?.split(',') ?? ALL_WORKLOADS) as Workload[]
const outDir = path.resolve(value('out') ?? path.join(ROOT, 'bench'))
const profileDir = flag('profile') ? path.join(ROOT, 'bench/profiles') : undefined

for (const server of servers) {
  if (!ALL_SERVERS.includes(server)) throw new Error(`unknown server ${server}`)
}
for (const workload of workloads) {
  if (!ALL_WORKLOADS.includes(workload)) throw new Error(`unknown workload ${workload}`)
}

const clientFile = path.join(ROOT, 'bench/client-results.md')
const clientSection = () =>
  fs.existsSync(clientFile)
    ? `\n${fs.readFileSync(clientFile, 'utf8').replace(/^# .*\n/, '## Browser (npm run bench:client, separate run)\n')}`
    : ''

function timeHarvestReport(): string {
  log('harvest report export, 2000 notes …')
  const script = path.join(ROOT, 'bench/harvestReport.ts')
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', script, '2000'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
  } catch (error) {
    const output = (error as { stdout?: string }).stdout
    return output?.trim() ? output : `failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

function harvestSection(output: string | undefined): string {
  return output ? `\n## Harvest report export (bench/harvestReport.ts)\n\n${output.trim()}\n` : ''
}

if (flag('render')) {
  const saved = JSON.parse(fs.readFileSync(path.join(outDir, 'results.json'), 'utf8')) as BenchResults & {
    profiles?: Record<string, ProfileSummary[]>
    scaleOut?: ScaleOutResults
    harvestReport?: string
  }
  fs.writeFileSync(
    path.join(outDir, 'results.md'),
    renderMarkdown(saved, saved.profiles) +
      renderScaleOut(saved.scaleOut, saved.config) +
      harvestSection(saved.harvestReport) +
      clientSection(),
  )
  process.exit(0)
}

const config = benchConfig(mode, servers, workloads)
const log = (line: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`)
if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true })
log(`mode ${mode}; servers ${servers.join(', ')}; workloads ${workloads.join(', ')}`)
const results = await runBench(config, { log, profileDir })
const profiles = profileDir ? summarizeProfiles(profileDir) : undefined
// Issue 7's two-instance comparison: the edit workload again, on PostgreSQL + Redis.
const scaleOut =
  servers.includes('oogst') && workloads.includes('latency') && !flag('no-scaleout')
    ? await runScaleOut(config, log)
    : undefined
for (const run of Object.values(scaleOut?.runs ?? {})) results.durationMs += run.elapsedMs
// Issue 6's export budgets, in its own process (it exits 1 when a budget is missed: still a result).
const harvestReport = flag('no-report') || mode === 'tiny' ? undefined : timeHarvestReport()
results.notes.push(...contentionNotes(results))

fs.mkdirSync(outDir, { recursive: true })
if (profiles) {
  const header = `# CPU profile of Oogst under the bench workloads (${results.date}, ${mode} mode)\n\n`
  fs.writeFileSync(
    path.join(outDir, 'profile-summary.md'),
    `${header + profileSection(profiles).join('\n')}\n`,
  )
}
fs.writeFileSync(
  path.join(outDir, 'results.json'),
  `${JSON.stringify({ ...results, profiles, scaleOut, harvestReport }, null, 2)}\n`,
)
fs.writeFileSync(
  path.join(outDir, 'results.md'),
  renderMarkdown(results, profiles) +
    renderScaleOut(scaleOut, config) +
    harvestSection(harvestReport) +
    clientSection(),
)
log(
  `wrote ${path.relative(ROOT, outDir) || '.'}/results.md and results.json in ${(results.durationMs / 1000).toFixed(0)} s`,
)
process.exit(0)
