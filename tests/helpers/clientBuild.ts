import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../..')
const LOCK = path.join(ROOT, 'dist/.client-build-lock')
const STALE_LOCK_MS = 180_000

function newestSource(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name)
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs)
  }, 0)
}

function isStale(): boolean {
  const builtIndex = path.join(ROOT, 'dist/client/index.html')
  const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0
  const sources = ['client', 'shared/src'].map((dir) => newestSource(path.join(ROOT, dir)))
  return Math.max(...sources) > builtAt
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Builds the client when dist/client is missing or older than the client or shared sources. e2e
 * files run in parallel, so a lock folder makes sure only one of them builds at a time (a second
 * build would empty dist/client under a server that is serving it).
 */
export async function ensureClientBuilt(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(LOCK)
      break
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true })
      await sleep(250)
    }
  }
  try {
    // vitest sets NODE_ENV=test, which would make Vite build a development bundle (React dev mode,
    // import.meta.env.PROD false: no service worker). Test what people get: a production build.
    if (isStale()) {
      execSync('npx vite build', {
        cwd: ROOT,
        stdio: 'ignore',
        env: { ...process.env, NODE_ENV: 'production' },
      })
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true })
  }
}
