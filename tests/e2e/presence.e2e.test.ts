import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, joinInBrowser, noteTexts, readJoinCode } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { addNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'

/**
 * Working together on the canvas, in two browser contexts: live cursors with names, others'
 * selections, the participants panel with its counts, following someone's view (and stopping by
 * panning), awareness throttled to 20 messages a second, and per-person undo that never removes
 * the other person's note.
 */

const SYNC_TIMEOUT = 5000

/** Counts the awareness messages (y-websocket message type 1) this page sends. */
const COUNT_AWARENESS_SENDS = `(() => {
  window.__awarenessSends = 0
  const send = WebSocket.prototype.send
  WebSocket.prototype.send = function (data) {
    if (data instanceof Uint8Array && data[0] === 1) window.__awarenessSends += 1
    return send.call(this, data)
  }
})()`

function awarenessSends(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __awarenessSends: number }).__awarenessSends)
}

function zoomText(page: Page): Promise<string | null> {
  return page.locator('.zoom-level').textContent()
}

describe.skipIf(!chromiumAvailable())('presence and per-person undo', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('presence'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    participantContext = await browser.newContext({ viewport: { width: 1100, height: 760 } })
    await participantContext.addInitScript(COUNT_AWARENESS_SENDS)
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('shows cursors, selections and participants, follows a view, and undoes only your own edits', async () => {
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()
    await createBoardInBrowser(facilitator, server.url, { title: 'Samen op het bord', name: 'Marieke' })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(participant, server.url, code, 'Ahmed')

    await addNote(facilitator, 'Briefje van Marieke')
    await addNote(participant, 'Briefje van Ahmed')
    await expect.poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT }).toHaveLength(2)

    // Cursors: each sees the other's, with their name, where the mouse is.
    await participant.mouse.move(300, 300)
    await participant.mouse.move(520, 420, { steps: 6 })
    await facilitator.mouse.move(700, 500, { steps: 3 })
    const ahmedsCursor = facilitator.locator('[data-testid=peer-cursor][data-name=Ahmed]')
    await ahmedsCursor.waitFor({ timeout: SYNC_TIMEOUT })
    await expect.poll(() => ahmedsCursor.textContent()).toBe('Ahmed')
    await participant
      .locator('[data-testid=peer-cursor][data-name=Marieke]')
      .waitFor({ timeout: SYNC_TIMEOUT })
    const before = await ahmedsCursor.boundingBox()
    await participant.mouse.move(620, 300, { steps: 4 })
    await expect
      .poll(async () => (await ahmedsCursor.boundingBox())?.x ?? 0, { timeout: SYNC_TIMEOUT })
      .toBeGreaterThan((before?.x ?? 0) + 50)

    // Ahmed's selected note (his new one stays selected) is outlined for Marieke.
    await facilitator.locator('[data-testid=peer-selection]').waitFor({ timeout: SYNC_TIMEOUT })

    // Participants panel: two online, two ever (both wrote a note).
    await facilitator.getByTestId('participants-open').click()
    await expect.poll(() => facilitator.getByTestId('count-online').textContent()).toBe('2')
    expect(await facilitator.getByTestId('count-ever').textContent()).toBe('2')
    expect(await facilitator.getByTestId('participant').allTextContents()).toEqual([
      expect.stringContaining('Marieke'),
      expect.stringContaining('Ahmed'),
    ])
    await facilitator.screenshot({ path: artifactPath('presence-canvas-cursors.png') })
    await participant.screenshot({ path: artifactPath('presence-canvas-cursors-participant.png') })

    // Throttle: a burst of mouse moves sends at most ~20 awareness messages per second.
    await participant.waitForTimeout(300)
    const sendsBefore = await awarenessSends(participant)
    const started = Date.now()
    for (let i = 0; i < 120; i += 1) await participant.mouse.move(200 + i * 4, 250 + (i % 20) * 5)
    await participant.waitForTimeout(200)
    const seconds = (Date.now() - started) / 1000
    const sent = (await awarenessSends(participant)) - sendsBefore
    expect(sent).toBeGreaterThan(2)
    expect(sent).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 2)

    // Follow Ahmed: when he zooms, Marieke's view goes along; her own panning stops it.
    await facilitator.locator('[data-testid=participant][data-name=Ahmed] [data-testid=follow]').click()
    await facilitator.getByTestId('follow-banner').waitFor()
    const zoomBefore = await zoomText(facilitator)
    await participant.getByRole('button', { name: 'Inzoomen' }).click()
    await participant.getByRole('button', { name: 'Inzoomen' }).click()
    await expect.poll(() => zoomText(facilitator), { timeout: SYNC_TIMEOUT }).not.toBe(zoomBefore)
    await facilitator.screenshot({ path: artifactPath('presence-following.png') })
    await facilitator.getByTestId('participants-open').click()
    // Scroll over empty board (top left), not over a note's toolbar.
    await facilitator.mouse.move(80, 250)
    expect(await facilitator.evaluate(() => document.elementFromPoint(80, 250)?.tagName)).toBe('CANVAS')
    await facilitator.mouse.wheel(0, 200)
    await facilitator.getByTestId('follow-banner').waitFor({ state: 'detached', timeout: SYNC_TIMEOUT })
    const zoomAfterStop = await zoomText(facilitator)
    await participant.getByRole('button', { name: 'Uitzoomen' }).click()
    await participant.waitForTimeout(500)
    expect(await zoomText(facilitator)).toBe(zoomAfterStop)

    // Per-person undo: Marieke's Ctrl+Z removes her note, not Ahmed's; redo brings it back.
    await facilitator.keyboard.press('Escape')
    await facilitator.locator('body').click({ position: { x: 5, y: 5 } })
    await facilitator.keyboard.press('Control+z')
    await expect.poll(() => noteTexts(participant), { timeout: SYNC_TIMEOUT }).toEqual(['Briefje van Ahmed'])
    expect(await noteTexts(facilitator)).toEqual(['Briefje van Ahmed'])
    await facilitator.keyboard.press('Control+Shift+z')
    await expect
      .poll(() => noteTexts(participant), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(['Briefje van Marieke', 'Briefje van Ahmed']))
    // The toolbar button does the same; Ahmed's own undo removes only his note.
    await participant.getByTestId('undo').click()
    await expect
      .poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT })
      .toEqual(['Briefje van Marieke'])
  }, 120_000)
})
