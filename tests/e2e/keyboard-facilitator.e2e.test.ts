import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, joinInBrowser, noteTexts, readJoinCode } from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { activeTestId, coveredByPanel, heard, tabTo } from '../helpers/keyboardPages'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC, shoot, writeDraft } from '../helpers/sessionPages'

/**
 * Issue 13: a facilitator runs a round with the keyboard only (Tab, Shift+Tab, arrows, Enter,
 * Space, Escape) and a participant in another browser hears every session event once, through the
 * page's live region, and sees it in the banner's message line. After every action the
 * facilitator's focus is somewhere, never on <body>. Then: nothing that can take focus lies under
 * the facilitator panel, on a laptop (a column beside the board) and a phone (a modal sheet).
 */

describe.skipIf(!chromiumAvailable())('keyboard facilitation and announcements', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('keyboard'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('runs a round by keyboard; the participant hears each event once', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    const ahmed = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Toetsenbord',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    await joinInBrowser(ahmed, server.url, await readJoinCode(facilitator), 'Ahmed')

    /** Each step: what the facilitator did must be heard and seen by the participant. */
    const expectHeard = async (message: string) => {
      await expect.poll(() => heard(ahmed), SYNC).toContain(message)
      await expect.poll(() => ahmed.getByTestId('session-message').textContent(), SYNC).toContain(message)
      // Said once: the message line is not a live region itself, and there is one polite region.
      expect(await ahmed.locator('[aria-live], [role=status][data-testid=session-message]').count()).toBe(1)
      // The page's focus keeper puts focus back one task after the focused button went away
      // (components/focusKeeper.ts); it must never stay on the page itself.
      await expect.poll(() => activeTestId(facilitator), SYNC).not.toBe('BODY')
    }

    // Open the session panel: focus moves into it (the selected tab).
    await tabTo(facilitator, 'facilitator-open')
    await facilitator.keyboard.press('Enter')
    await expect.poll(() => activeTestId(facilitator)).toBe('facilitator-tab-script')

    // Start the first round ("Alleen", private writing).
    await tabTo(facilitator, 'round-start')
    await facilitator.keyboard.press('Enter')
    await expectHeard('De ronde is begonnen: Alleen')
    expect(await activeTestId(facilitator)).toBe('round-start')
    await shoot(ahmed, 'keyboard-1-started-participant')

    // One minute more, from the timer buttons in the round banner (before the panel: Shift+Tab).
    await tabTo(facilitator, 'session-add-minute', { back: true })
    await facilitator.keyboard.press('Space')
    await expectHeard('Er is 1 minuut bij')

    // The participant writes privately; the facilitator reveals from the "writing" tab.
    await writeDraft(ahmed, 'Meer bankjes in het park')
    // Escape leaves the draft's field for "+ Briefje" (the next draft), not for <body>.
    await ahmed.keyboard.press('Escape')
    expect(await activeTestId(ahmed)).toBe('draft-add')
    await tabTo(facilitator, 'facilitator-tab-script')
    await facilitator.keyboard.press('ArrowRight')
    await expect.poll(() => activeTestId(facilitator)).toBe('facilitator-tab-writing')
    await facilitator.getByTestId('moderation-draft').first().waitFor(SYNC)
    await tabTo(facilitator, 'reveal')
    await facilitator.keyboard.press('Enter')
    await expectHeard('De briefjes zijn zichtbaar voor iedereen')
    await expect.poll(() => noteTexts(ahmed), SYNC).toEqual(['Meer bankjes in het park'])
    await shoot(facilitator, 'keyboard-2-revealed-facilitator')

    // Dot voting: open (focus lands on "close voting"), then close (focus back on "open").
    await tabTo(facilitator, 'facilitator-tab-writing', { back: true })
    await facilitator.keyboard.press('ArrowRight')
    await expect.poll(() => activeTestId(facilitator)).toBe('facilitator-tab-voting')
    await tabTo(facilitator, 'voting-open-submit')
    await facilitator.keyboard.press('Enter')
    await expectHeard('Stemmen met stippen is open')
    await expect.poll(() => activeTestId(facilitator)).toBe('voting-close')
    await shoot(ahmed, 'keyboard-3-voting-participant')
    await facilitator.keyboard.press('Enter')
    await expectHeard('Het stemmen is gesloten')
    await expect.poll(() => activeTestId(facilitator)).toBe('voting-open-submit')

    // Escape closes the panel and gives focus back to the button that opened it.
    await facilitator.keyboard.press('Escape')
    await expect.poll(() => facilitator.getByTestId('facilitator-panel').count()).toBe(0)
    expect(await activeTestId(facilitator)).toBe('facilitator-open')
  })

  it('keeps focus after Escape from a note, undo, and Tab in the command search', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    await createBoardInBrowser(page, server.url, { title: 'Focus', name: 'Marieke' })
    await tabTo(page, 'add-note')
    await page.keyboard.press('Enter')
    await expect.poll(() => activeTestId(page)).toBe('note-editor')
    await page.keyboard.type('Koffie')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('note-editor').count()).toBe(0)
    expect(await activeTestId(page)).not.toBe('BODY')

    // Undo empties the stack, so its button turns off: focus moves on (redo), not to <body>.
    await tabTo(page, 'undo', { back: true })
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('note-item').count()).toBe(0)
    await page.waitForTimeout(100)
    expect(await activeTestId(page)).not.toBe('BODY')

    // The command search is the dialog's one stop: Tab stays there, Escape gives focus back.
    await page.keyboard.press('Control+k')
    await expect.poll(() => activeTestId(page)).toBe('command-input')
    await page.keyboard.press('Tab')
    expect(await activeTestId(page)).toBe('command-input')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('command-input').count()).toBe(0)
    expect(await activeTestId(page)).not.toBe('BODY')
  })

  for (const size of [
    { width: 1280, height: 800, name: 'laptop' },
    { width: 390, height: 844, name: 'phone' },
  ]) {
    it(`hides nothing focusable behind the facilitator panel (${size.name})`, async () => {
      const page = await (
        await browser.newContext({ viewport: { width: size.width, height: size.height } })
      ).newPage()
      await createBoardInBrowser(page, server.url, {
        title: 'Paneel',
        name: 'Marieke',
        templateId: '1-2-4-allen',
      })
      // Phones fold the header's tools under "Meer".
      const more = page.getByTestId('header-more')
      if ((await more.count()) > 0 && !(await page.getByTestId('facilitator-open').isVisible()))
        await more.click()
      await page.getByTestId('facilitator-open').click()
      await page.getByTestId('facilitator-panel').waitFor()
      // A running round puts the timer buttons and the round's controls on the page too.
      await page.getByTestId('round-start').first().click()
      await page.getByTestId('round-banner').waitFor(SYNC)
      await page.waitForTimeout(300)
      await shoot(page, `keyboard-panel-${size.name}`)
      const covered = await coveredByPanel(page)
      expect(covered).toEqual([])
      // On the phone the sheet is modal: Tab stays inside it.
      if (size.name === 'phone') {
        for (let step = 0; step < 25; step++) {
          await page.keyboard.press('Tab')
          const inside = await page.evaluate(
            () =>
              document.querySelector('[data-testid=facilitator-panel]')?.contains(document.activeElement) ??
              false,
          )
          expect(inside).toBe(true)
        }
        // Escape closes the sheet and the keyboard is back on "Sessie" (not on the next thing of
        // the board: the button was inert until the sheet was gone).
        await page.keyboard.press('Escape')
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
          .toBe('facilitator-open')
      }
    })
  }
})
