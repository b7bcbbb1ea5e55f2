import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'
import { ensureClientBuilt } from './clientBuild'
import { type ServerProcess, startServerProcess } from './serverProcess'

/** What an E2E file runs against: the built client served by the real server, and Chromium. */
export interface E2eWorld {
  /** The server's own data folder (SQLite), removed by stopE2e. */
  dataDir: string
  server: ServerProcess
  browser: Browser
}

/**
 * Builds the client if it is stale, starts `server/src/main.ts` on a fresh data folder
 * (`oogst-e2e-<name>-…` in the temp folder) and launches Chromium. Every E2E file's beforeAll
 * started with these same four steps.
 */
export async function startE2e(name: string): Promise<E2eWorld> {
  await ensureClientBuilt()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `oogst-e2e-${name}-`))
  const server = await startServerProcess({ dataDir })
  const browser = await launchBrowser()
  return { dataDir, server, browser }
}

/** Closes what startE2e opened; safe when beforeAll failed half-way (anything may be missing). */
export async function stopE2e(world: Partial<E2eWorld>): Promise<void> {
  await world.browser?.close()
  await world.server?.stop()
  if (world.dataDir) fs.rmSync(world.dataDir, { recursive: true, force: true })
}
