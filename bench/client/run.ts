import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { machineInfo } from '../proc'
import type { ProfileSummary } from '../profile'
import { prepareRooms } from '../rooms'
import { median } from '../stats'
import { ROOT, startServer } from '../targets'
import {
  dragPan,
  emptyCanvasPoint,
  type FrameStats,
  instrument,
  measureFrames,
  waitForNotes,
  wheelPan,
  wheelZoom,
} from './page'
import { profilePage, renderProfiles } from './profile'
import { seedBoard } from './seed'
import { runSessionNorm, SESSION_NORM, type SessionNormResult } from './session'
import { renderSessionNorm } from './sessionReport'

/**
 * `npm run bench:client` — the built app in headless Chromium on a 2,000-note board: time from
 * navigation to the notes on screen (cold: the room is not in the server's memory), and frame rate
 * while panning (wheel and drag) and zooming. Writes bench/client-results.{json,md}.
 *   --notes=2000  --loads=3  --no-build (use an existing bench/client-build)
 *   --profile   build unminified, CPU-profile the page while loading and panning, and write
 *               bench/client-profile.md instead of the results
 *   --no-session    leave out the session norm (100 participants, 3 phones with a 4× slower CPU)
 *   --session-only  only the session norm
 */
const args = process.argv.slice(2)
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const NOTES = Number(value('notes') ?? 2000)
const LOADS = Number(value('loads') ?? 3)
const CLIENT_DIR = path.join(ROOT, 'bench/client-build')
const VIEWPORT = { width: 1280, height: 800 }
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const PROFILE = args.includes('--profile')
const SESSION = !args.includes('--no-session') && !PROFILE
const SESSION_ONLY = args.includes('--session-only')
const profiles: ProfileSummary[] = []
const log = (line: string) => process.stdout.write(`[bench:client] ${line}\n`)

// The client is built into a folder of our own, so `npm run build` elsewhere is left alone. When
// the build fails (the client is being edited), the last `npm run build` output is used instead.
let clientDir = CLIENT_DIR
let clientBuild = PROFILE ? 'bench/client-build (unminified)' : 'bench/client-build'
if (!args.includes('--no-build')) {
  log('building the client (vite build) into bench/client-build …')
  const build = ['build', '--outDir', CLIENT_DIR, '--emptyOutDir', ...(PROFILE ? ['--minify=false'] : [])]
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), ...build], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
  } catch {
    clientDir = path.join(ROOT, 'dist/client')
    const index = path.join(clientDir, 'index.html')
    const when = fs.existsSync(index) ? fs.statSync(index).mtime.toISOString() : 'missing'
    clientBuild = `dist/client from ${when} (building the current client failed)`
    log(`build failed; using ${clientBuild}`)
  }
}

const server = await startServer('oogst', { unloadGraceMs: 1000, env: { CLIENT_DIR: clientDir } })
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  const [room] = await prepareRooms(server, 1, 1, 'bench-client')
  if (!room) throw new Error('no board')
  log(SESSION_ONLY ? 'session norm only' : `seeding ${NOTES} notes …`)
  const seed = SESSION_ONLY ? { stateBytes: 0 } : await seedBoard(server.spec, room, NOTES)
  const url = `${server.httpBase}/b/${room.name}#token=${room.tokens[0]}`

  const loads: Array<{ notesPaintedMs: number; listFullMs: number; fcpMs: number | null; wallMs: number }> =
    []
  let frames: Record<string, FrameStats | null> = {}
  for (let i = 0; i < (SESSION_ONLY ? 0 : LOADS); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2000)) // the room unloads (grace 1 s)
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await instrument(page, NOTES)
    const wallStart = performance.now()
    const loaded: { marks?: Awaited<ReturnType<typeof waitForNotes>> } = {}
    const open = async () => {
      await page.goto(url)
      loaded.marks = await waitForNotes(page, 60_000)
    }
    if (PROFILE && i === LOADS - 1) profiles.push(await profilePage(page, 'load', open))
    else await open()
    const marks = loaded.marks
    if (!marks) throw new Error('page did not load')
    loads.push({
      notesPaintedMs: Math.round(marks.notesPaintedAt ?? Number.NaN),
      listFullMs: Math.round(marks.listFullAt ?? Number.NaN),
      fcpMs: marks.fcp === null ? null : Math.round(marks.fcp),
      wallMs: Math.round(performance.now() - wallStart),
    })
    log(`load ${i + 1}: notes on screen after ${loads.at(-1)?.notesPaintedMs} ms`)
    if (i === LOADS - 1) frames = await measureInteraction(page)
    await context.close()
  }
  const session = SESSION ? await runSessionNorm(browser, server, { ...SESSION_NORM, log }) : null
  const results = {
    session,
    date: new Date().toISOString(),
    machine: await machineInfo(),
    chromium: browser.version(),
    clientBuild,
    viewport: VIEWPORT,
    notes: NOTES,
    seed,
    loads,
    notesPaintedMedianMs: median(loads.map((l) => l.notesPaintedMs)),
    frames,
  }
  if (PROFILE) {
    fs.writeFileSync(path.join(ROOT, 'bench/client-profile.md'), renderProfiles(profiles))
  } else {
    fs.writeFileSync(path.join(ROOT, 'bench/client-results.json'), `${JSON.stringify(results, null, 2)}\n`)
    fs.writeFileSync(path.join(ROOT, 'bench/client-results.md'), renderClient(results))
  }
  log(
    `notes on screen (median of ${LOADS}): ${results.notesPaintedMedianMs} ms; ${Object.entries(frames)
      .map(([k, v]) => `${k} ${v?.fps ?? '—'} fps`)
      .join(', ')}`,
  )
} finally {
  await browser.close()
  await server.stop()
}
process.exit(0)

async function measureInteraction(
  page: import('playwright-core').Page,
): Promise<Record<string, FrameStats | null>> {
  const centre = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 }
  await page.waitForTimeout(500)
  const idle = await measureFrames(page, () => page.waitForTimeout(1500))
  const wheel = await measureFrames(page, () =>
    PROFILE
      ? profilePage(page, 'wheel-pan', () => wheelPan(page, centre, 3000)).then((p) => void profiles.push(p))
      : wheelPan(page, centre, 3000),
  )
  const zoom = await measureFrames(page, () => wheelZoom(page, centre, 3000))
  const empty = await emptyCanvasPoint(page)
  const drag = empty ? await measureFrames(page, () => dragPan(page, empty, 3000)) : null
  return { idle, wheelPan: wheel, dragPan: drag, zoom }
}

function renderClient(r: {
  date: string
  chromium: string
  clientBuild: string
  machine: { cores: number; memoryGiB: number; node: string }
  notes: number
  loads: Array<{ notesPaintedMs: number; fcpMs: number | null }>
  notesPaintedMedianMs: number
  frames: Record<string, FrameStats | null>
  session: SessionNormResult | null
}): string {
  const lines = [
    '# Oogst browser benchmark',
    '',
    `Generated by \`npm run bench:client\` on ${r.date}: headless Chromium ${r.chromium} (software rendering, --disable-gpu), ${VIEWPORT.width}×${VIEWPORT.height}, ${r.machine.cores} cores, Node ${r.machine.node}; server and browser share the machine. Client: ${r.clientBuild}.`,
    '',
    `| Figure | value | target |`,
    '|---|---|---|',
    `| ${r.notes} notes on screen after navigation (median of ${r.loads.length}, cold room) | ${r.notesPaintedMedianMs} ms | ≤ 800 ms ${r.notesPaintedMedianMs <= 800 ? '✅' : '❌'} |`,
    `| First contentful paint (median) | ${median(r.loads.map((l) => l.fcpMs ?? Number.NaN))} ms | |`,
  ]
  for (const [name, f] of Object.entries(r.frames)) {
    if (!f) {
      lines.push(`| ${name} | not measured (no empty spot to drag) | |`)
      continue
    }
    const target = name === 'idle' ? '' : `≥ 55 fps ${f.fps >= 55 ? '✅' : '❌'}`
    lines.push(
      `| ${name}: fps (p95 frame, longest frame, frames > 50 ms) | ${f.fps} fps (${f.p95FrameMs} ms, ${f.maxFrameMs} ms, ${f.longFrames}) | ${target} |`,
    )
  }
  lines.push('', `Loads: ${r.loads.map((l) => `${l.notesPaintedMs} ms`).join(', ')}.`, '')
  if (r.session) lines.push(...renderSessionNorm(r.session))
  return `${lines.join('\n')}\n`
}
