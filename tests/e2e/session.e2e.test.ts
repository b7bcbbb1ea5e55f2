import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../helpers/axe'
import {
  chooseView,
  createBoardInBrowser,
  joinInBrowser,
  noteTexts,
  preferCanvas,
  readJoinCode,
} from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { openNewNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import {
  dot,
  draftTexts,
  noteCentre,
  noteIdByText,
  SYNC,
  shoot,
  timerSeconds,
  writeDraft,
} from '../helpers/sessionPages'

/**
 * A full facilitated round in three browsers (facilitator, a participant on a laptop, one on a
 * phone): a one-minute timer, private writing (nobody sees anyone else's notes), moderation (one
 * draft hidden), the reveal, dot voting with three dots (a refusal explained), results on the
 * notes and ranked, two notes clustered and renamed, and the end of the round. Every step leaves
 * a screenshot in test-artifacts/session-*.png.
 */

describe.skipIf(!chromiumAvailable())('a facilitated round', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('session'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('runs a round: timer, private writing, moderation, reveal, voting, clustering, end', async () => {
    const facilitator = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true })
    ).newPage()
    const ahmed = await (
      await browser.newContext({ viewport: { width: 1100, height: 760 }, bypassCSP: true })
    ).newPage()
    const fatimaContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    // Fatima votes on the canvas of her phone (the list view's voting has its own test).
    await preferCanvas(fatimaContext)
    const fatima = await fatimaContext.newPage()

    await createBoardInBrowser(facilitator, server.url, {
      title: 'Buurtavond',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(ahmed, server.url, code, 'Ahmed')
    await joinInBrowser(fatima, server.url, code, 'Fatima')

    // The script: the first round ("Alleen", private writing) gets one minute, then starts.
    await facilitator.getByTestId('facilitator-open').click()
    const firstRound = facilitator.getByTestId('round-row').first()
    await expect.poll(() => firstRound.locator('strong').textContent(), SYNC).toBe('Alleen')
    await firstRound.getByTestId('round-edit').click()
    await facilitator.getByTestId('round-minutes-input').fill('1')
    await facilitator.getByTestId('round-save').click()
    await expect.poll(() => firstRound.textContent()).toContain('1 minuut')
    await firstRound.getByTestId('round-start').click()

    for (const page of [facilitator, ahmed, fatima]) {
      await expect.poll(() => page.getByTestId('round-title').textContent(), SYNC).toBe('Alleen')
      await expect.poll(() => timerSeconds(page), SYNC).toBeGreaterThan(45)
      expect(await timerSeconds(page)).toBeLessThanOrEqual(60)
      await page.getByTestId('zone-highlight').first().waitFor()
    }
    await shoot(facilitator, '1-started-facilitator')
    // bypassCSP above: axe-core is injected as a script, which the app's CSP forbids.
    expect(await seriousAxeViolations(facilitator)).toEqual([])
    await shoot(fatima, '1-started-phone')

    // The timer is the server's: a reload shows the same time left, not a fresh minute.
    const beforeReload = await timerSeconds(ahmed)
    await ahmed.reload()
    await expect.poll(() => timerSeconds(ahmed), SYNC).toBeGreaterThan(0)
    expect(await timerSeconds(ahmed)).toBeLessThanOrEqual(beforeReload)

    // Private writing: each sees only their own drafts; the board's note list stays empty.
    await writeDraft(ahmed, 'Meer bankjes in het park')
    await writeDraft(ahmed, 'Buurthuis langer open')
    await writeDraft(fatima, 'Samen koken op vrijdag')
    await expect
      .poll(() => draftTexts(ahmed), SYNC)
      .toEqual(['Meer bankjes in het park', 'Buurthuis langer open'])
    await expect.poll(() => draftTexts(fatima), SYNC).toEqual(['Samen koken op vrijdag'])
    for (const page of [facilitator, ahmed, fatima]) {
      await expect
        .poll(() => page.getByTestId('drafts-count').textContent(), SYNC)
        .toBe('3 briefjes worden geschreven')
      expect(await noteTexts(page)).toEqual([])
    }
    expect(await ahmed.content()).not.toContain('Samen koken')
    expect(await fatima.content()).not.toContain('bankjes')
    await shoot(ahmed, '2-private-ahmed')
    expect(await seriousAxeViolations(ahmed)).toEqual([])
    await shoot(fatima, '2-private-phone')

    // Moderation: the facilitator reads along and hides one draft.
    await facilitator.getByTestId('facilitator-tab-writing').click()
    const drafts = facilitator.getByTestId('moderation-draft')
    await expect.poll(() => drafts.count(), SYNC).toBe(3)
    await drafts.filter({ hasText: 'Buurthuis' }).getByTestId('draft-hide').click()
    await drafts.filter({ hasText: 'Buurthuis' }).getByTestId('draft-show').waitFor(SYNC)
    await ahmed.locator('[data-testid=draft-note]', { hasText: 'Verborgen door de begeleider' }).waitFor(SYNC)
    await shoot(facilitator, '3-moderation')
    expect(await seriousAxeViolations(facilitator)).toEqual([])

    // Reveal: the visible drafts land on the board for everyone, the hidden one does not.
    await facilitator.getByTestId('reveal').click()
    const revealed = ['Meer bankjes in het park', 'Samen koken op vrijdag']
    for (const page of [facilitator, ahmed, fatima]) {
      await expect.poll(async () => (await noteTexts(page)).sort(), SYNC).toEqual(revealed)
    }
    await expect.poll(() => draftTexts(ahmed), SYNC).toEqual(['Buurthuis langer open'])
    await expect.poll(() => draftTexts(fatima), SYNC).toEqual([])
    await shoot(ahmed, '4-revealed')

    // Dot voting: three dots each, at most two per note, in this round's zone.
    await facilitator.getByTestId('facilitator-tab-voting').click()
    await facilitator.getByTestId('vote-per-person').fill('3')
    await facilitator.getByTestId('vote-max-per-note').fill('2')
    await facilitator.getByTestId('voting-open-submit').click()
    await facilitator.getByTestId('voting-open').waitFor(SYNC)
    const bankjes = await noteIdByText(ahmed, 'bankjes')
    const koken = await noteIdByText(ahmed, 'koken')
    for (const page of [ahmed, fatima]) {
      await expect
        .poll(() => page.getByTestId('votes-left').textContent(), SYNC)
        .toContain('Nog 3 stippen van 3')
      await page.getByTestId('go-to-question').click()
    }
    await dot(ahmed, koken)
    await dot(ahmed, koken)
    await dot(ahmed, bankjes)
    await dot(fatima, koken)
    await dot(fatima, bankjes)
    await dot(fatima, bankjes)
    expect(await fatima.getByTestId('votes-left').textContent()).toContain('Nog 0 stippen van 3')
    // A fourth dot (the button says it is not available, but a tap still counts) is refused by
    // the server, and said so in plain words.
    await fatima
      .locator(`[data-testid=note-chips][data-note-id="${koken}"] [data-testid=dot-add]`)
      .click({ force: true })
    await expect
      .poll(() => fatima.getByTestId('session-message').textContent(), SYNC)
      .toContain('stippen zijn op')
    await shoot(fatima, '5-voting-phone')
    await shoot(ahmed, '5-voting-ahmed')
    expect(await seriousAxeViolations(ahmed)).toEqual([])

    await facilitator.getByTestId('voting-close').click()
    for (const page of [facilitator, ahmed]) {
      const badge = (id: string) =>
        page.locator(`[data-testid=note-chips][data-note-id="${id}"] [data-testid=note-votes]`)
      await expect.poll(() => badge(koken).textContent(), SYNC).toContain('3')
      await expect.poll(() => badge(bankjes).textContent(), SYNC).toContain('3')
    }
    await expect.poll(() => facilitator.getByTestId('vote-result').count(), SYNC).toBe(2)
    await ahmed.getByTestId('results-open').click()
    expect(await ahmed.getByTestId('vote-result').allTextContents()).toEqual([
      expect.stringContaining('3 stippen'),
      expect.stringContaining('3 stippen'),
    ])
    await shoot(ahmed, '6-results')
    await shoot(facilitator, '6-results-facilitator')

    // The list view (here on the phone) shows the same counts, with the author, in the same order.
    await chooseView(fatima, 'outline')
    const listed = fatima.getByTestId('outline-note')
    await expect.poll(() => listed.count(), SYNC).toBe(2)
    const noteVotes = (id: string) =>
      fatima.locator(`[data-testid=outline-note][data-note-id="${id}"] [data-testid=outline-note-votes]`)
    await expect.poll(() => noteVotes(koken).textContent(), SYNC).toBe('3 stippen')
    await expect.poll(() => noteVotes(bankjes).textContent(), SYNC).toBe('3 stippen')
    const ids = (items: Element[]) => items.map((item) => item.getAttribute('data-note-id'))
    expect(await listed.evaluateAll(ids)).toEqual(await ahmed.getByTestId('note-item').evaluateAll(ids))
    await shoot(fatima, '6-results-list-phone')
    await chooseView(fatima, 'canvas')
    await fatima.getByTestId('note-list').waitFor({ state: 'attached', ...SYNC })

    // Clustering: select both notes, "Groeperen", rename the group.
    await facilitator.getByTestId('facilitator-close').click()
    await facilitator.getByTestId('go-to-question').click()
    await facilitator.waitForTimeout(300)
    const first = await noteCentre(facilitator, koken)
    const second = await noteCentre(facilitator, bankjes)
    await facilitator.mouse.click(first.x, first.y)
    await facilitator.keyboard.down('Shift')
    await facilitator.mouse.click(second.x, second.y)
    await facilitator.keyboard.up('Shift')
    await facilitator.getByTestId('group-notes').click()
    await facilitator.getByTestId('cluster').waitFor(SYNC)
    // The new group's name field opens by itself: naming it is the next step.
    await facilitator.getByTestId('cluster-name-input').fill('Samen in de buurt')
    await facilitator.getByTestId('cluster-name-input').press('Enter')
    for (const page of [facilitator, ahmed]) {
      await expect.poll(() => page.getByTestId('cluster-label').textContent(), SYNC).toBe('Samen in de buurt')
    }
    await facilitator.keyboard.press('Escape')

    // A new note (with a reaction) dropped onto a note of the group joins the group.
    await openNewNote(facilitator)
    await facilitator.keyboard.type('Buurtfeest in juni')
    await facilitator.keyboard.press('Escape')
    // The emoji open only on "Reageren" (never by themselves under a selected note).
    await facilitator.getByTestId('reaction-open').click()
    await facilitator.getByRole('button', { name: 'Reageer met 🎉' }).click()
    const feest = await noteIdByText(facilitator, 'Buurtfeest')
    await expect.poll(() => ahmed.getByTestId('note-reactions').textContent(), SYNC).toContain('🎉 1')
    const from = await noteCentre(facilitator, feest)
    const onto = await noteCentre(facilitator, koken)
    await facilitator.mouse.move(from.x, from.y)
    await facilitator.mouse.down()
    await facilitator.mouse.move(onto.x, onto.y, { steps: 10 })
    await facilitator.mouse.up()
    await expect
      .poll(() => facilitator.getByTestId('cluster-label').getAttribute('aria-label'), SYNC)
      .toContain('3 briefjes')
    await facilitator.keyboard.press('Escape')
    await shoot(facilitator, '7-cluster')
    await shoot(ahmed, '7-cluster-ahmed')

    // Dragging the group's name moves all its notes at once.
    const label = await facilitator.getByTestId('cluster-label').boundingBox()
    const kokenBefore = await noteCentre(ahmed, koken)
    if (!label) throw new Error('no cluster label')
    await facilitator.mouse.move(label.x + 20, label.y + label.height / 2)
    await facilitator.mouse.down()
    await facilitator.mouse.move(label.x + 20, label.y + label.height / 2 + 150, { steps: 8 })
    await facilitator.mouse.up()
    await expect
      .poll(async () => (await noteCentre(ahmed, koken)).y - kokenBefore.y, SYNC)
      .toBeGreaterThan(50)
    await shoot(facilitator, '7-cluster-moved')

    // The end of the round, for everyone.
    await facilitator.getByTestId('session-end').click()
    for (const page of [facilitator, ahmed, fatima]) {
      await expect.poll(() => page.getByTestId('round-banner').textContent(), SYNC).toContain('Afgelopen')
    }
    expect(await ahmed.getByTestId('ready-toggle').count()).toBe(0)
    await shoot(facilitator, '8-ended')
    await shoot(fatima, '8-ended-phone')
  }, 180_000)
})
