import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keepFacilitatorLink, preferCanvas } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { addNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'

/**
 * The live board as people use it, in a real browser against the real server process:
 * a facilitator makes a board, a participant joins by code on a phone, both add notes and see each
 * other's, a note written while the server is down arrives once it is back, and after a restart on
 * the same DATA_DIR every note is still there.
 */

const SYNC_TIMEOUT = 5000

async function noteTexts(page: Page): Promise<string[]> {
  return page.getByTestId('note-item').locator('.note-item-text').allTextContents()
}

async function waitConnected(page: Page): Promise<void> {
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor({ timeout: 15_000 })
}

/** Adds a note with the toolbar button, types its text and closes the editor. */

function expectNotes(page: Page, texts: string[], timeout = SYNC_TIMEOUT) {
  return expect.poll(() => noteTexts(page), { timeout }).toEqual(expect.arrayContaining(texts))
}

describe.skipIf(!chromiumAvailable())('live board in the browser', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('board'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    participantContext = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    // This phone works on the canvas (the list view, a phone's default, has its own tests).
    await preferCanvas(participantContext)
  }, 120_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('syncs notes between a facilitator and a participant and keeps them across a restart', async () => {
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()
    const stamp = Date.now().toString(36)
    const fromFacilitator = `Meer bankjes in het park ${stamp}`
    const fromParticipant = `Buurthuis ook op zondag open ${stamp}`
    const writtenOffline = `Geschreven zonder verbinding ${stamp}`

    // Facilitator makes a board.
    await facilitator.goto(server.url)
    await facilitator.getByTestId('create-title').fill('Buurtavond e2e')
    await facilitator.getByTestId('create-name').fill('Marieke')
    await facilitator.getByTestId('create-submit').click()
    await facilitator.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/)
    await waitConnected(facilitator)
    expect(await keepFacilitatorLink(facilitator)).toContain('#key=')
    await expect.poll(() => facilitator.getByTestId('board-title').textContent()).toBe('Buurtavond e2e')

    // The share panel shows the join code and the participant link.
    await facilitator.getByTestId('share-open').click()
    const joinCode = (await facilitator.getByTestId('share-join-code').textContent())?.trim() ?? ''
    expect(joinCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/)
    expect(await facilitator.getByTestId('share-participant-url').textContent()).toBe(
      `${server.url}/j/${joinCode}`,
    )
    await facilitator.screenshot({ path: artifactPath('e2e-board-share.png') })
    await facilitator.keyboard.press('Escape')

    // Participant joins on a phone, typing the code the sloppy way.
    await participant.goto(server.url)
    await participant.getByTestId('join-code').fill(joinCode.toLowerCase().replace('-', ' '))
    await participant.getByTestId('join-name').fill('Ahmed')
    await participant.getByTestId('join-submit').click()
    await participant.waitForURL(/\/b\//)
    await waitConnected(participant)
    expect(new URL(participant.url()).pathname).toBe(new URL(facilitator.url()).pathname)

    // Both add a note; each sees the other's.
    await addNote(facilitator, fromFacilitator)
    await addNote(participant, fromParticipant)
    await expectNotes(facilitator, [fromFacilitator, fromParticipant])
    await expectNotes(participant, [fromFacilitator, fromParticipant])
    await facilitator.screenshot({ path: artifactPath('e2e-board-facilitator.png') })
    await participant.screenshot({ path: artifactPath('e2e-board-participant.png') })

    // Server goes away: the status says so, and a note written meanwhile is kept locally.
    await server.stop()
    await facilitator
      .locator('[data-testid=connection-status][data-status=connecting]')
      .waitFor({ timeout: 10_000 })
    await addNote(facilitator, writtenOffline)
    await facilitator.screenshot({ path: artifactPath('e2e-board-reconnecting.png') })

    // Same data, same port: the open pages reconnect by themselves and exchange the offline note.
    server = await startServerProcess({ dataDir, port: server.port })
    await waitConnected(facilitator)
    await waitConnected(participant)
    await expectNotes(participant, [writtenOffline], 15_000)

    // A fresh load comes from the server's storage only.
    await Promise.all([facilitator.reload(), participant.reload()])
    await Promise.all([waitConnected(facilitator), waitConnected(participant)])
    const all = [fromFacilitator, fromParticipant, writtenOffline]
    await expectNotes(facilitator, all)
    await expectNotes(participant, all)
    expect(await noteTexts(facilitator)).toHaveLength(3)
    await facilitator.screenshot({ path: artifactPath('e2e-board-after-restart.png') })
    await participant.screenshot({ path: artifactPath('e2e-board-after-restart-mobile.png') })

    // The reloaded pages still hold their offline copy; a newcomer in a fresh browser profile has
    // none, so what they see comes from the server's storage alone (after one more restart).
    await server.stop()
    server = await startServerProcess({ dataDir, port: server.port })
    const newcomerContext = await browser.newContext({ viewport: { width: 1024, height: 768 } })
    const newcomer = await newcomerContext.newPage()
    await newcomer.goto(`${server.url}/j/${joinCode}`)
    await newcomer.getByTestId('join-name').fill('Nieuwkomer')
    await newcomer.getByTestId('join-submit').click()
    await newcomer.waitForURL(/\/b\//)
    await waitConnected(newcomer)
    await expectNotes(newcomer, all)
    expect(await noteTexts(newcomer)).toHaveLength(3)
    await newcomerContext.close()
  }, 120_000)
})
