import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSessionNorm } from '../../bench/client/session'
import { renderSessionNorm } from '../../bench/client/sessionReport'
import { ROOT, type RunningServer, startServer } from '../../bench/targets'
import { chromiumAvailable, launchBrowser } from '../helpers/browser'
import { ensureClientBuilt } from '../helpers/clientBuild'

/**
 * The session norm of `npm run bench:client` (issue 17), much smaller, so the workload cannot rot:
 * lean participants add notes and give dots while throttled phones join with the code, see another
 * phone's notes and pan. Figures are printed, never asserted against time (that is the benchmark's job).
 */
describe.skipIf(!chromiumAvailable())('session norm benchmark (smoke)', () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    await ensureClientBuilt()
    server = await startServer('oogst', { unloadGraceMs: 1000, env: { CLIENT_DIR: `${ROOT}/dist/client` } })
    browser = await launchBrowser()
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('runs the crowd and the phones end to end and reports every figure', async () => {
    const result = await runSessionNorm(browser, server, {
      participants: 6,
      phones: 2,
      throttle: 2,
      startNotes: 40,
      endNotes: 80,
      remoteNotes: 2,
      panMs: 600,
      log: () => {},
    })
    console.log(`[figure] session smoke: ${renderSessionNorm(result).join('\n')}`)
    expect(result.participantsFailed).toBe(0)
    expect(result.joinMs.count).toBe(2)
    // Every marked note reached every phone, and was seen after it was written.
    expect(result.remoteNotesMissed).toBe(0)
    expect(result.remoteNoteMs.count).toBe(4)
    expect(result.remoteNoteMs.p50).toBeGreaterThan(0)
    for (const pan of [result.pan.start, result.pan.end]) {
      expect(pan.throttled.frames).toBeGreaterThan(0)
      expect(pan.full.frames).toBeGreaterThan(0)
    }
    expect(result.notesAdded).toBeGreaterThan(0)
    expect(result.votesCast).toBeGreaterThan(0)
    expect(result.heapMb.every((mb) => mb > 0)).toBe(true)
  }, 180_000)
})
