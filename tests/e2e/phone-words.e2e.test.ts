import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseView } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { phoneParticipant, volumeSession } from '../helpers/volumeSession'

/**
 * docs/glossary.md on a phone (390x844, touch): no "Klik", "Ctrl" or "Esc" anywhere on the screen —
 * in the list, with the write form open (its key hint is hidden under pointer: coarse), during a
 * round with voting, and on the canvas.
 */

/** Words that mean nothing on a touch screen, in the text a person sees (display: none is left out). */
const MOUSE_OR_KEYS = /\b(dubbel)?klik|\bclick|\bctrl\b|\besc\b|⌘/i

async function visibleOffences(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is shown, so display: none must count
  const text = await page.locator('body').innerText()
  return text.split('\n').filter((line) => MOUSE_OR_KEYS.test(line))
}

describe.skipIf(!chromiumAvailable())('a phone shows no mouse or key words', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('words'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('says "Schrijf een briefje" and hides the key hint of the write form', async () => {
    const session = await volumeSession(server.url)
    const page = await phoneParticipant(browser, server.url, session.board.joinCode, 'Noor', {
      width: 390,
      height: 844,
    })
    await page.getByTestId('outline').waitFor()
    expect(await visibleOffences(page)).toEqual([])

    // The write form: "Schrijf een briefje" opens it; "Ctrl+Enter bewaart, Esc annuleert" is not shown.
    const add = page.getByTestId('outline-add').first()
    expect(await add.textContent()).toContain('Schrijf een briefje')
    await add.click()
    await page.getByTestId('outline-add-text').first().waitFor()
    const hint = page.locator('.key-hint').first()
    expect(await hint.count()).toBe(1)
    expect(await hint.isVisible()).toBe(false)
    expect(await visibleOffences(page)).toEqual([])
    await page.screenshot({ path: artifactPath('phone-words-form.png') })

    // A round with voting, then the canvas.
    await session.startRound(1, { zoneIds: session.questions.map((zone) => zone.id) })
    await page.getByTestId('round-title').waitFor(SYNC)
    await session.openVoting()
    await page.getByTestId('votes-left').first().waitFor(SYNC)
    expect(await visibleOffences(page)).toEqual([])
    await chooseView(page, 'canvas')
    expect(await visibleOffences(page)).toEqual([])
    await page.screenshot({ path: artifactPath('phone-words-canvas.png') })
    await page.context().close()
    session.close()
  }, 120_000)
})
