import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, readJoinCode } from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { phoneParticipant } from '../helpers/volumeSession'

/**
 * The round banner on a small phone in a pair (issue 18; docs/architecture.md, "Header and round
 * banner"): one line, also with the groepje in it, so the list keeps the screen.
 */
const SMALL_PHONE = { width: 360, height: 640 }
const SHOTS = '/tmp/shots'

/** Lines of text the banner takes: its height over one line's height. */
async function bannerLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const banner = document.querySelector('[data-testid=round-banner]') as HTMLElement
    const line = document.querySelector('[data-testid=round-banner] .session-line') as HTMLElement
    return Math.round(banner.getBoundingClientRect().height / line.getBoundingClientRect().height)
  })
}

describe.skipIf(!chromiumAvailable())('the round banner of a pair on a 360x640 phone', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('banner'))
    fs.mkdirSync(SHOTS, { recursive: true })
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('is one line with the groepje in it', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Teamdag',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    const code = await readJoinCode(facilitator)
    const anouk = await phoneParticipant(browser, server.url, code, 'Anouk', SMALL_PHONE)
    await phoneParticipant(browser, server.url, code, 'Bas', SMALL_PHONE)
    await facilitator.getByTestId('facilitator-open').click()
    await facilitator.getByTestId('facilitator-tab-script').click()
    await facilitator.getByTestId('round-row').nth(1).getByTestId('round-start').click()
    await expect.poll(() => anouk.getByTestId('my-group-names').textContent(), SYNC).toMatch(/^Groepje 1: /)
    // The "next round" message fades after a few seconds; the banner is then its steady self.
    await expect.poll(() => anouk.getByTestId('session-message').textContent(), { timeout: 12_000 }).toBe('')
    await anouk.screenshot({ path: path.join(SHOTS, 'banner-pair-360.png') })
    expect(await bannerLines(anouk)).toBe(1)
    // Who is in the groepje is still there for a screen reader and on a tap.
    expect(await anouk.getByTestId('my-group-names').textContent()).toContain('Anouk (jij)')
  }, 120_000)
})
