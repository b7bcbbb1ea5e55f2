import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chooseView,
  createBoardInBrowser,
  joinInBrowser,
  noteTexts,
  openNoteChanges,
  readJoinCode,
} from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { addNote, openNewNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC, shoot, skewedClockScript, startRound, timerSeconds, zoomText } from '../helpers/sessionPages'

/**
 * The live side of a session: a device with a wrong clock still shows the right time, "Klaar",
 * locking a note (participants cannot change it, reactions still work), "Iedereen naar mij"
 * (following until you move yourself), and time up in a round that locks input: "De tijd is om"
 * for participants, "Meer tijd nodig?" for the facilitator. Then the people: a projector link,
 * a co-facilitator link, a role change and removing someone.
 */

async function selectAll(page: Page): Promise<void> {
  await page.locator('.canvas-stage').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+A')
}

describe.skipIf(!chromiumAvailable())('a live session', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('session-live'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('keeps time on a wrong clock, locks, follows, and closes input when time is up', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const ahmed = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    const fatimaContext = await browser.newContext({ viewport: { width: 1000, height: 760 } })
    // Fatima's laptop clock is seven minutes behind.
    await fatimaContext.addInitScript(skewedClockScript(-7 * 60_000))
    const fatima = await fatimaContext.newPage()

    await createBoardInBrowser(facilitator, server.url, {
      title: 'Teamdag',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(ahmed, server.url, code, 'Ahmed')
    await joinInBrowser(fatima, server.url, code, 'Fatima')

    // Round 2 ("Duo", no private writing): one minute, input locked when the time is up.
    await startRound(facilitator, 1, { minutes: 1, lockWhenTimeUp: true })
    await facilitator.getByTestId('facilitator-close').click()
    for (const page of [facilitator, ahmed, fatima]) {
      await expect.poll(() => page.getByTestId('round-title').textContent(), SYNC).toBe('Duo')
      await expect.poll(() => timerSeconds(page), SYNC).toBeGreaterThan(45)
    }
    expect(Math.abs((await timerSeconds(fatima)) - (await timerSeconds(facilitator)))).toBeLessThanOrEqual(2)

    // "Klaar": the facilitator sees how many of the participants online are done.
    await ahmed.getByTestId('ready-toggle').click()
    await expect.poll(() => facilitator.getByTestId('ready-count').textContent(), SYNC).toBe('1 van 2 klaar')

    // A locked note: Ahmed cannot select or remove it, but can still react to it.
    await addNote(ahmed, 'Vaker samen lunchen')
    await expect.poll(() => noteTexts(facilitator), SYNC).toEqual(['Vaker samen lunchen'])
    await selectAll(facilitator)
    await facilitator.getByTestId('lock-toggle').click()
    await ahmed.getByTestId('note-lock').waitFor(SYNC)
    await selectAll(ahmed)
    await ahmed.keyboard.press('Delete')
    await ahmed.waitForTimeout(500)
    expect(await noteTexts(ahmed)).toEqual(['Vaker samen lunchen'])
    expect(await ahmed.getByTestId('selection-toolbar').count()).toBe(0)
    await ahmed.getByRole('button', { name: 'Reageren op: Vaker samen lunchen' }).click()
    await ahmed.getByRole('button', { name: 'Reageer met 👍' }).click()
    await expect.poll(() => facilitator.getByTestId('note-reactions').textContent(), SYNC).toContain('👍 1')
    await shoot(ahmed, 'live-1-locked-note')

    // Locked while Ahmed is still typing: the server refuses his next keystroke (4409); his page
    // drops its copy, reloads the board from the server and says why the change is gone.
    await openNewNote(ahmed)
    await ahmed.keyboard.type('Koffie')
    await expect.poll(async () => (await noteTexts(facilitator)).includes('Koffie'), SYNC).toBe(true)
    const typing = facilitator.locator('[data-testid=peer-selection]').first()
    const box = await typing.boundingBox()
    if (!box) throw new Error('Ahmed has no selection')
    await facilitator.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await facilitator.getByTestId('lock-toggle').click()
    await expect.poll(() => ahmed.getByTestId('note-lock').count(), SYNC).toBe(2)
    await ahmed.keyboard.type(' en thee')
    await expect
      .poll(() => ahmed.getByTestId('session-message').textContent(), { timeout: 15_000 })
      .toContain('kon niet worden bewaard')
    await ahmed.locator('[data-testid=connection-status][data-status=connected]').waitFor(SYNC)
    expect((await noteTexts(ahmed)).sort()).toEqual(['Koffie', 'Vaker samen lunchen'])
    await shoot(ahmed, 'live-1b-refused')

    // "Iedereen naar mij": Ahmed's view follows Marieke's zoom until he moves the board himself.
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('follow-lead').click()
    await ahmed.getByTestId('session-follow').waitFor(SYNC)
    const before = await zoomText(ahmed)
    await facilitator.getByRole('button', { name: 'Inzoomen' }).click()
    await facilitator.getByRole('button', { name: 'Inzoomen' }).click()
    const leaderZoom = await zoomText(facilitator)
    expect(leaderZoom).not.toBe(before)
    await expect.poll(() => zoomText(ahmed), SYNC).toBe(leaderZoom)
    await shoot(ahmed, 'live-2-following')
    await ahmed.mouse.move(550, 480)
    await ahmed.mouse.wheel(0, 300)
    await ahmed.getByTestId('session-follow-rejoin').waitFor(SYNC)
    const own = await zoomText(ahmed)
    await facilitator.getByRole('button', { name: 'Uitzoomen' }).click()
    await facilitator.waitForTimeout(600)
    expect(await zoomText(ahmed)).toBe(own)
    await facilitator.getByTestId('follow-lead').click()
    await ahmed.getByTestId('session-follow-rejoin').waitFor({ state: 'detached', ...SYNC })

    // Time up in a round that locks input.
    await expect.poll(() => timerSeconds(ahmed), { timeout: 70_000, interval: 1000 }).toBe(0)
    await ahmed.getByTestId('time-up-notice').waitFor(SYNC)
    expect(await ahmed.getByTestId('add-note').count()).toBe(0)
    await facilitator.getByTestId('more-time').waitFor(SYNC)
    await shoot(ahmed, 'live-3-time-up')
    await shoot(facilitator, 'live-3-time-up-facilitator')
    await facilitator.getByTestId('more-time').getByRole('button', { name: '+1 minuut' }).click()
    await ahmed.getByTestId('time-up-notice').waitFor({ state: 'detached', ...SYNC })
    await ahmed.getByTestId('add-note').waitFor(SYNC)
    await expect.poll(() => timerSeconds(ahmed), SYNC).toBeGreaterThan(45)
  }, 180_000)

  it('offers a participant nothing in the list view that a lock would refuse', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const ahmed = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Terugblik',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    await joinInBrowser(ahmed, server.url, await readJoinCode(facilitator), 'Ahmed')
    await addNote(ahmed, 'Vaker samen lunchen')
    await expect.poll(() => noteTexts(facilitator), SYNC).toEqual(['Vaker samen lunchen'])
    await selectAll(facilitator)
    await facilitator.getByTestId('lock-toggle').click()
    // And the question "Wat?" as a whole (in the panel's list of questions).
    await facilitator.getByTestId('facilitator-open').click()
    await facilitator.getByTestId('facilitator-tab-script').click()
    await facilitator.locator('.zone-locks summary').click()
    await facilitator
      .locator('.zone-locks li', { hasText: /^Wat\?/ })
      .getByTestId('zone-lock-toggle')
      .click()
    await facilitator.getByTestId('facilitator-close').click()

    // The locked note: no Aanpassen, Verplaatsen or Weghalen, but a hint that says why.
    await chooseView(ahmed, 'outline')
    const lockedNote = ahmed.locator('[data-testid=outline-note]', { hasText: 'Vaker samen lunchen' })
    await lockedNote.getByTestId('outline-note-lock').waitFor(SYNC)
    expect(await lockedNote.getByTestId('outline-note-lock').textContent()).toContain('Vastgezet')
    for (const button of ['outline-change', 'outline-edit', 'outline-move', 'outline-delete']) {
      expect(await lockedNote.getByTestId(button).count()).toBe(0)
    }
    // The locked question: no "Briefje toevoegen" there, and it is no place to move a note to.
    const section = (title: string) =>
      ahmed.locator('[data-testid=outline-zone]', {
        has: ahmed.getByRole('heading', { name: title, exact: true }),
      })
    await section('Wat?').getByTestId('outline-zone-lock').waitFor(SYNC)
    expect(await section('Wat?').getByTestId('outline-add').count()).toBe(0)
    await section('Duo').getByTestId('outline-add').click()
    await ahmed.getByTestId('outline-add-text').fill('Koffie')
    await ahmed.getByTestId('outline-save').click()
    const own = ahmed.locator('[data-testid=outline-note]', { hasText: 'Koffie' })
    await openNoteChanges(own)
    await own.getByTestId('outline-move').click()
    const targets = await ahmed.getByTestId('outline-move-select').locator('option').allTextContents()
    expect(targets).toContain('Zo wat?')
    expect(targets).not.toContain('Wat?')
    await ahmed.keyboard.press('Escape')
    await own.getByTestId('outline-change').waitFor()
    await lockedNote.scrollIntoViewIfNeeded()
    await shoot(ahmed, 'live-4-list-locked-note')
    await section('Wat?').scrollIntoViewIfNeeded()
    await shoot(ahmed, 'live-4-list-locked-zone')
  }, 90_000)

  it('gives a projector, a co-facilitator, a new role and removes a participant', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const ahmed = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Intervisie',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(ahmed, server.url, code, 'Ahmed')
    await startRound(facilitator, 0, { minutes: 5 })

    // The projector: round, timer and board, nothing to change.
    await facilitator.getByTestId('share-open').click()
    const viewerUrl = (await facilitator.getByTestId('share-viewer-url').textContent()) ?? ''
    await facilitator.keyboard.press('Escape')
    const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
    await projector.goto(viewerUrl)
    await expect.poll(() => projector.getByTestId('round-title').textContent(), SYNC).toBe('Alleen')
    await expect.poll(() => timerSeconds(projector), SYNC).toBeGreaterThan(200)
    expect(await projector.getByTestId('add-note').count()).toBe(0)
    expect(await projector.getByTestId('draft-add').count()).toBe(0)
    expect(await projector.getByTestId('ready-toggle').count()).toBe(0)
    await shoot(projector, 'people-1-projector')

    // Pause keeps the time left on every screen; "Verder" runs on; "Volgende ronde" skips ahead.
    await facilitator.getByRole('button', { name: 'Pauze' }).click()
    await projector.locator('[data-testid=session-timer][data-status=paused]').waitFor(SYNC)
    const paused = await timerSeconds(projector)
    await projector.waitForTimeout(1500)
    expect(await timerSeconds(projector)).toBe(paused)
    await facilitator.getByRole('button', { name: 'Verder' }).click()
    await projector.locator('[data-testid=session-timer][data-status=running]').waitFor(SYNC)
    await facilitator.getByRole('button', { name: 'Volgende ronde' }).click()
    await expect.poll(() => projector.getByTestId('round-title').textContent(), SYNC).toBe('Duo')

    // A co-facilitator link opens the board as facilitator.
    await facilitator.getByTestId('facilitator-tab-people').click()
    await expect.poll(() => facilitator.getByTestId('people-row').count(), SYNC).toBe(3)
    await facilitator.getByTestId('invite-name').fill('Joost')
    await facilitator.getByTestId('invite-submit').click()
    const link = (await facilitator.getByTestId('invite-link').textContent()) ?? ''
    expect(link).toMatch(/\/b\/[A-Za-z0-9_-]{22}#token=/)
    await shoot(facilitator, 'people-2-panel')
    const joost = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    await joost.goto(link)
    await expect.poll(() => joost.getByTestId('role-badge').textContent(), SYNC).toBe('Begeleider')
    await joost.getByTestId('facilitator-open').waitFor()

    // Ahmed becomes a viewer at once, then is removed from the board.
    const ahmedRow = facilitator.locator('[data-testid=people-row][data-name=Ahmed]')
    await ahmedRow.getByTestId('people-role').selectOption('viewer')
    await expect.poll(() => ahmed.getByTestId('role-badge').textContent(), { timeout: 15_000 }).toBe('Kijker')
    expect(await ahmed.getByTestId('draft-add').count()).toBe(0)
    await ahmedRow.getByTestId('people-remove').click()
    await ahmedRow.getByRole('button', { name: 'Ja, weghalen' }).click()
    await ahmed.getByTestId('join-name').waitFor({ timeout: 15_000 })
  }, 120_000)
})
