import fs from 'node:fs'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../test-artifacts')

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** Path for a screenshot or other artefact, creating the folder. */
export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  return path.join(ARTIFACTS_DIR, name)
}

let warned = false

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a visible message on a
 * developer's machine; in CI (`CI=true`) a missing browser fails the run instead of hiding it.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true
  const message = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${message}; CI must run the browser tests`)
  if (!warned) console.warn(`SKIPPED: ${message}; the browser tests are skipped on this machine.`)
  warned = true
  return false
}
