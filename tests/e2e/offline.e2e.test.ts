import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createBoardInBrowser,
  joinInBrowser,
  noteTexts,
  readJoinCode,
  waitConnected,
} from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { addNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'

/**
 * Working without a connection: the network is cut for one person (context.setOffline), who keeps
 * writing; the other writes too; after reconnecting both have everything. A reload while offline
 * still shows the board (service worker app shell, IndexedDB copy, remembered access), even with
 * the server down, and a note written then reaches the others once everything is back.
 */

const SYNC_TIMEOUT = 8000

function status(page: Page): Promise<string | null> {
  return page.getByTestId('connection-status').getAttribute('data-status')
}

describe.skipIf(!chromiumAvailable())('offline', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('offline'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    participantContext = await browser.newContext({ viewport: { width: 1024, height: 768 } })
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('keeps working offline, merges on reconnect, and reloads without a connection', async () => {
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()
    await createBoardInBrowser(facilitator, server.url, { title: 'Zonder verbinding', name: 'Marieke' })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(participant, server.url, code, 'Ahmed')

    // The app shell is cached once the service worker controls the page.
    await facilitator.evaluate(() => navigator.serviceWorker.ready)
    await expect
      .poll(() => facilitator.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 10_000,
      })
      .toBe(true)

    await addNote(facilitator, 'Voor het offline gaan')
    await expect
      .poll(() => noteTexts(participant), { timeout: SYNC_TIMEOUT })
      .toEqual(['Voor het offline gaan'])

    // Network cut: the status says so; both keep writing.
    await facilitatorContext.setOffline(true)
    await expect.poll(() => status(facilitator)).toBe('offline')
    await addNote(facilitator, 'Offline geschreven')
    await addNote(participant, 'Intussen online')
    await facilitator.waitForTimeout(1000)
    expect(await noteTexts(facilitator)).not.toContain('Intussen online')
    expect(await noteTexts(participant)).not.toContain('Offline geschreven')
    await facilitator.screenshot({ path: artifactPath('offline-editing.png') })

    // Back online: both have all three notes.
    await facilitatorContext.setOffline(false)
    await waitConnected(facilitator)
    const all = ['Voor het offline gaan', 'Offline geschreven', 'Intussen online']
    await expect
      .poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(all))
    await expect
      .poll(() => noteTexts(participant), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(all))

    // Reload while offline: the board, its notes and the access come from this device.
    await facilitatorContext.setOffline(true)
    await facilitator.reload()
    await expect
      .poll(() => facilitator.getByTestId('board-title').textContent(), { timeout: SYNC_TIMEOUT })
      .toBe('Zonder verbinding')
    await expect
      .poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(all))
    expect(await status(facilitator)).toBe('offline')
    expect(await facilitator.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

    // Even with the server gone, a reload shows the board; a note written now arrives later.
    await server.stop()
    await facilitator.reload()
    await expect
      .poll(() => facilitator.getByTestId('board-title').textContent(), { timeout: SYNC_TIMEOUT })
      .toBe('Zonder verbinding')
    await expect
      .poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(all))
    await addNote(facilitator, 'Na herladen zonder server')
    await facilitator.screenshot({ path: artifactPath('offline-reloaded.png') })

    server = await startServerProcess({ dataDir, port: server.port })
    await facilitatorContext.setOffline(false)
    await waitConnected(facilitator)
    await waitConnected(participant)
    await expect
      .poll(() => noteTexts(participant), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([...all, 'Na herladen zonder server']))
  }, 120_000)
})
