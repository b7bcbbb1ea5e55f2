import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, keepFacilitatorLink } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'

/**
 * Issue 14, part 7: the facilitator runs the session from the command menu (Ctrl/Cmd+K): next
 * round, pause, resume, +1 minuut, open and close voting, each listed only when it can be done.
 * And a screen whose time-up chime the browser would refuse (reloaded, not touched) says so.
 */

const SYNC = { timeout: 10_000 }

async function command(page: Page, query: string, id: string): Promise<void> {
  await openMenu(page)
  await page.getByTestId('command-input').fill(query)
  await page.getByTestId(`command-session.${id}`).waitFor(SYNC)
  await page.keyboard.press('Enter')
  await page.getByTestId('command-menu').waitFor({ state: 'hidden' })
}

/**
 * Ctrl+K, again if the menu did not open: on a loaded machine the first press can arrive while the
 * board is still taking focus back from a closing dialog.
 */
async function openMenu(page: Page): Promise<void> {
  const input = page.getByTestId('command-input')
  for (let press = 0; press < 5 && !(await input.isVisible()); press++) {
    await page.keyboard.press('Control+k')
    await input.waitFor({ state: 'visible', timeout: 2000 }).catch(() => {})
  }
}

async function listed(page: Page, query: string): Promise<string[]> {
  await openMenu(page)
  await page.getByTestId('command-input').fill(query)
  const ids = await page
    .locator('[data-testid^="command-session."]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''))
  await page.keyboard.press('Escape')
  return ids.map((id) => id.replace('command-session.', ''))
}

describe.skipIf(!chromiumAvailable())('session commands in the command menu', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('session-commands'))
  }, 420_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('starts a round, pauses, resumes, adds a minute and opens and closes voting', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })
    const page = await context.newPage()
    await createBoardInBrowser(page, server.url, {
      title: 'Wijkavond',
      name: 'Marieke',
      templateId: 'los-model',
    })
    await keepFacilitatorLink(page)
    await page.locator('.canvas-stage canvas').first().waitFor()
    // Keys go to the board once it has focus (after the "keep your link" dialog, focus went back to
    // the page itself): a click on the board, as a begeleider would.
    await page.mouse.click(700, 860)
    await page.keyboard.press('Escape')

    // Before the first round: start it, no timer commands yet.
    expect(await listed(page, '')).toEqual(expect.arrayContaining(['nextRound', 'openVoting']))
    expect(await listed(page, '')).not.toContain('pause')
    await command(page, 'volgende ronde', 'nextRound')
    await page.getByTestId('round-title').waitFor(SYNC)
    await expect
      .poll(() => page.getByTestId('session-timer').getAttribute('data-status'), SYNC)
      .toBe('running')

    await command(page, 'pauzeren', 'pause')
    await expect
      .poll(() => page.getByTestId('session-timer').getAttribute('data-status'), SYNC)
      .toBe('paused')
    await command(page, 'verder', 'resume')
    await expect
      .poll(() => page.getByTestId('session-timer').getAttribute('data-status'), SYNC)
      .toBe('running')

    const digits = async () => {
      const [m, s] = ((await page.locator('.session-timer-digits').textContent()) ?? '0:0').split(':')
      return Number(m) * 60 + Number(s)
    }
    const before = await digits()
    await command(page, 'minuut', 'addMinute')
    await expect.poll(digits, SYNC).toBeGreaterThan(before + 30)

    await command(page, 'stemmen openen', 'openVoting')
    await expect.poll(() => listed(page, 'stemmen'), SYNC).toEqual(['closeVoting'])
    await page.screenshot({ path: artifactPath('session-commands-voting.png') })
    await command(page, 'stemmen sluiten', 'closeVoting')
    await expect.poll(() => listed(page, 'stemmen'), SYNC).toEqual(['openVoting'])

    await command(page, 'volgende ronde', 'nextRound')
    await expect.poll(() => page.getByTestId('round-title').textContent(), SYNC).not.toBe('')
    // Touched: the time-up chime may play, nothing says the sound is off.
    expect(await page.getByTestId('sound-blocked').count()).toBe(0)

    // A reload that nobody touched: the browser would refuse the chime. The banner says the sound
    // is off and one press turns it on (that press is the touch the browser waits for).
    await page.reload()
    await page.getByTestId('round-title').waitFor(SYNC)
    const blocked = page.getByTestId('sound-blocked')
    await blocked.waitFor(SYNC)
    expect(await blocked.textContent()).toContain('Geluid staat uit.')
    expect(await blocked.textContent()).toContain('Geluid aanzetten')
    await page.screenshot({ path: artifactPath('session-sound-blocked.png') })
    const box = await blocked.boundingBox()
    const hit = await page.evaluate(
      ([x, y]) => {
        const el = document.elementFromPoint(x ?? 0, y ?? 0)
        return `${el?.tagName} ${el?.className} ${document.querySelector('[inert]')?.className ?? 'no-inert'} ${document.querySelector('dialog[open]')?.className ?? 'no-dialog'}`
      },
      [(box?.x ?? 0) + 10, (box?.y ?? 0) + 10],
    )
    console.log('HIT', hit, JSON.stringify(box))
    await blocked.click()
    await blocked.waitFor({ state: 'detached', ...SYNC })
    await context.close()
  }, 120_000)
})
