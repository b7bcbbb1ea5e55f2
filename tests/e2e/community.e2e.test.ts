import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../helpers/axe'
import { chooseView, joinInBrowser, readJoinCode, waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { heard } from '../helpers/keyboardPages'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'

/**
 * A community of practice in the browser (issue 19): a begeleider makes a community, runs two short
 * sessions (a participant writes an agreement in session 1; session 2, made with "Volgende sessie",
 * opens with it in its Terugblik, where a participant on a touch phone sets "loopt" with a note and
 * the begeleider sees it live), then reads the history on the community page and the Jaaroverzicht.
 * Screenshots: /tmp/shots/ (and test-artifacts/community-*.png).
 */

const COMMUNITY = 'Buurtwerk Noord'
const AGREEMENT = 'Wie: Fatima\nWat: flyer maken\nWanneer: 1 april'
const STATUS_NOTE = 'De drukker heeft de tekst, klaar over twee weken.'
const SHOTS = process.env.COMMUNITY_SHOTS_DIR ?? '/tmp/shots'

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, name), fullPage })
  await page.screenshot({ path: artifactPath(`community-${name}`), fullPage })
}

/** The list view's card of one question, by its heading. */
function listCard(page: Page, title: string) {
  return page.locator('[data-testid=outline-zone]', {
    has: page.getByRole('heading', { name: title, exact: true }),
  })
}

async function writeInList(page: Page, zoneTitle: string, text: string): Promise<void> {
  const card = listCard(page, zoneTitle)
  await card.getByTestId('outline-add').click()
  await card.getByTestId('outline-add-text').fill(text)
  await card.getByTestId('outline-save').click()
  await card
    .getByTestId('outline-note-text')
    .filter({ hasText: text.split('\n')[0] })
    .first()
    .waitFor(SYNC)
}

/** From the community page: "Volgende sessie" with a title (and a template), on to the new board. */
async function nextSession(page: Page, title: string, templateId?: string): Promise<string> {
  const form = page.getByTestId('community-next-form')
  await form.getByTestId('community-next-title').fill(title)
  if (templateId) await form.getByTestId('community-next-template').selectOption(templateId)
  await form.getByTestId('community-next-submit').click()
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
  // A fresh browser has no name yet: the board asks once.
  const nameField = page.getByTestId('facilitator-name')
  const connected = page.locator('[data-testid=connection-status][data-status=connected]')
  await Promise.race([nameField.waitFor({ timeout: 15_000 }), connected.waitFor({ timeout: 15_000 })])
  if (await nameField.isVisible()) {
    await nameField.fill('Marieke')
    await page.getByTestId('facilitator-submit').click()
  }
  await waitConnected(page)
  const keep = page.getByTestId('keep-key-later')
  if (await keep.isVisible().catch(() => false)) await keep.click()
  return new URL(page.url()).pathname.split('/').pop() ?? ''
}

describe.skipIf(!chromiumAvailable())('a community of practice with two sessions', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('community'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('carries an agreement into the next session, where a phone sets its status live', async () => {
    // bypassCSP: axe is injected as an inline script.
    const facilitator = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
    ).newPage()

    // Make the community on the landing page; its link is shown once.
    await facilitator.goto(server.url)
    await facilitator.getByTestId('community-create-open').click()
    await facilitator.getByTestId('community-create-name').waitFor()
    await facilitator.getByTestId('community-create-form').scrollIntoViewIfNeeded()
    await shot(facilitator, 'landing-community.png')
    await facilitator.getByTestId('community-create-name').fill(COMMUNITY)
    await facilitator
      .getByTestId('community-create-description')
      .fill('Beroepskrachten en vrijwilligers in Noord leren van elkaar.')
    await facilitator.getByTestId('community-create-submit').click()
    await facilitator.waitForURL(/\/c\/[A-Za-z0-9_-]+$/)
    const communityUrl = facilitator.url()
    const link = (await facilitator.getByTestId('community-link').textContent()) ?? ''
    expect(link).toContain('#key=')
    await facilitator.getByTestId('community-keep-link-done').click()
    await expect.poll(() => facilitator.getByTestId('community-name').textContent()).toBe(COMMUNITY)
    // Once: the page opened again does not show the link.
    await facilitator.reload()
    await facilitator.getByTestId('community-name').waitFor()
    expect(await facilitator.getByTestId('community-keep-link').isVisible()).toBe(false)

    // Session 1 from a template; a participant writes notes and an agreement.
    const session1 = await nextSession(facilitator, 'Sessie 1: ontmoeten', 'los-model')
    const joinCode1 = await readJoinCode(facilitator)
    const resident = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage()
    await joinInBrowser(resident, server.url, joinCode1, 'Fatima')
    await chooseView(resident, 'outline')
    await writeInList(resident, 'Afspraken', AGREEMENT)
    await resident.context().close()

    // Back on the community page: session 1 with its agreement, the action still open.
    await facilitator.goto(communityUrl)
    const firstSession = facilitator.getByTestId('community-session').first()
    await firstSession.getByText('flyer maken').waitFor(SYNC)
    const action = facilitator.getByTestId('community-action').filter({ hasText: 'flyer maken' })
    expect(await action.getByTestId('community-action-status').textContent()).toBe('nog open')

    // Session 2 "zoals de vorige": its Terugblik holds the flyer action.
    const session2 = await nextSession(facilitator, 'Sessie 2: terugblik')
    expect(session2).not.toBe(session1)
    const canvasStatus = facilitator.locator('[data-testid=lookback-canvas] [data-testid=lookback-status]')
    await canvasStatus.first().waitFor({ state: 'attached', ...SYNC })
    expect(await canvasStatus.first().getAttribute('data-status')).toBe('open')

    // A participant on a touch phone sets "loopt" with a note, in the list view.
    const joinCode2 = await readJoinCode(facilitator)
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    const phone = await phoneContext.newPage()
    await joinInBrowser(phone, server.url, joinCode2, 'Sanne')
    await phone.getByTestId('outline').waitFor()
    const lookback = phone.getByTestId('lookback').first()
    await lookback.waitFor(SYNC)
    expect(await lookback.getByTestId('lookback-status').textContent()).toContain('nog open')
    await lookback.scrollIntoViewIfNeeded()
    await lookback.getByTestId('lookback-set').tap()
    await lookback.getByTestId('lookback-choice-ongoing').tap()
    await lookback.getByTestId('lookback-note').fill(STATUS_NOTE)
    await shot(phone, 'terugblik-phone-form.png')
    await lookback.getByTestId('lookback-save').tap()
    await expect
      .poll(() => lookback.getByTestId('lookback-status').getAttribute('data-status'), SYNC)
      .toBe('ongoing')
    await lookback.getByTestId('lookback-by').waitFor(SYNC)
    expect(await lookback.getByTestId('lookback-by').textContent()).toContain('Sanne')
    // Sanne's own phone says it was saved, once, not also as someone's news.
    expect(await heard(phone)).toContain('Opgeslagen: loopt')
    expect(await heard(phone)).not.toContain('zette')
    await lookback.scrollIntoViewIfNeeded()
    await shot(phone, 'terugblik-phone.png')
    expect(await seriousAxeViolations(phone), 'axe on the Terugblik (phone)').toEqual([])

    // The begeleider's canvas shows it live (through the control document).
    await expect.poll(() => canvasStatus.first().getAttribute('data-status'), SYNC).toBe('ongoing')
    expect(await canvasStatus.first().textContent()).toContain('loopt')
    // …and hears it (screen readers): who set which action to what.
    await expect.poll(() => heard(facilitator), SYNC).toContain('Sanne zette ‘Fatima: flyer maken’ op: loopt')
    await shot(facilitator, 'terugblik-canvas.png')
    // A link to the note (as a search hit makes it) zooms to it: the badge becomes the worded chip.
    const terugblikNote = await facilitator
      .getByTestId('lookback-canvas')
      .first()
      .getAttribute('data-note-id')
    await facilitator.goto(`${server.url}/b/${session2}#note=${terugblikNote}`)
    await facilitator.locator('[data-testid=lookback-canvas] .status-chip').first().waitFor(SYNC)
    await expect.poll(() => new URL(facilitator.url()).hash, SYNC).toBe('')
    await shot(facilitator, 'terugblik-canvas-zoomed.png')
    // On the canvas the status is a button: it opens the same form in a dialog.
    await facilitator.locator('[data-testid=lookback-canvas] [data-testid=lookback-set]').first().click()
    const dialog = facilitator.getByTestId('lookback-dialog')
    await dialog.getByTestId('lookback-form').waitFor()
    expect(await dialog.textContent()).toContain('flyer maken')
    await shot(facilitator, 'terugblik-canvas-dialog.png')
    await facilitator.keyboard.press('Escape')
    await dialog.getByTestId('lookback-form').waitFor({ state: 'detached' })
    await phoneContext.close()

    // The community page: two sessions, the action "loopt" with its history.
    await facilitator.goto(communityUrl)
    await expect.poll(() => facilitator.getByTestId('community-session').count(), SYNC).toBe(2)
    const carried = facilitator.getByTestId('community-action').filter({ hasText: 'flyer maken' })
    await expect.poll(() => carried.getByTestId('community-action-status').textContent(), SYNC).toBe('loopt')
    await carried.locator('summary').click()
    const history = await carried.getByTestId('community-action-history').textContent()
    expect(history).toContain(STATUS_NOTE)
    expect(history).toContain('Sanne')
    expect(history).toContain('sessie 2')
    await shot(facilitator, 'community-desktop.png', true)
    expect(await seriousAxeViolations(facilitator), 'axe on the community page').toEqual([])

    // Search finds the agreement and opens session 1 on that note.
    await facilitator.getByTestId('community-search-input').fill('flyer')
    await facilitator.getByTestId('community-search-submit').click()
    const hit = facilitator.getByTestId('community-search-results').locator('a').first()
    await hit.waitFor(SYNC)
    expect(await hit.textContent()).toContain('Sessie 1')

    // A session's verslag, downloaded from the community page (a facilitator token for it first).
    const verslagSession = facilitator.getByTestId('community-session').first()
    await verslagSession.locator('summary').click()
    const [verslag] = await Promise.all([
      facilitator.waitForEvent('download'),
      verslagSession.getByTestId('community-session-report-md').click(),
    ])
    expect(fs.readFileSync(await verslag.path(), 'utf8')).toContain('flyer maken')

    // The same page on phones: one column, nothing sideways.
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 360, height: 640 },
    ]) {
      await facilitator.setViewportSize(viewport)
      // What sticks out on the right (empty when nothing does): named, so a failure says what.
      const sticking = await facilitator.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *')]
          .filter(
            (element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
          )
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${element.className} ${element.textContent?.slice(0, 40)}`,
          ),
      )
      expect(sticking).toEqual([])
      await shot(facilitator, `community-phone-${viewport.width}.png`, true)
      // Screen by screen as well: a whole-page picture of a phone is too narrow to judge.
      for (const section of ['sessions', 'actions', 'search', 'settings']) {
        await facilitator.locator(`#community-${section}-heading`).scrollIntoViewIfNeeded()
        await facilitator.evaluate(
          (id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }),
          `community-${section}-heading`,
        )
        await shot(facilitator, `community-phone-${viewport.width}-${section}.png`)
      }
    }
    await facilitator.setViewportSize({ width: 1280, height: 900 })

    // The Jaaroverzicht as a web page.
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByTestId('community-report-html').click(),
    ])
    const file = await download.path()
    const html = fs.readFileSync(file, 'utf8')
    expect(html).toContain(COMMUNITY)
    expect(html).toContain('flyer maken')
    const report = await facilitator.context().newPage()
    await report.setContent(html)
    await shot(report, 'jaaroverzicht.png', true)
    await report.close()

    // The search hit opens session 1 on the note.
    await hit.click()
    await facilitator.waitForURL(new RegExp(`/b/${session1}`))
    await waitConnected(facilitator)
    await expect.poll(() => new URL(facilitator.url()).hash, SYNC).toBe('')

    // Deleting names every session and asks for the community's name.
    const sessionToken = await facilitator.evaluate(
      (id) => JSON.parse(localStorage.getItem('oogst.boards') ?? '{}')[id]?.token as string,
      session1,
    )
    expect(sessionToken).toBeTruthy()
    await facilitator.goto(communityUrl)

    // The description is changed in place; a new link makes the old one stop working.
    await facilitator.getByTestId('community-edit').click()
    await facilitator.getByTestId('community-edit-description').fill('Wij leren van elkaar, elke maand.')
    await facilitator.getByTestId('community-edit-save').click()
    await expect
      .poll(() => facilitator.getByTestId('community-description').textContent(), SYNC)
      .toBe('Wij leren van elkaar, elke maand.')
    await expect
      .poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute('data-testid')), SYNC)
      .toBe('community-edit')
    facilitator.once('dialog', (question) => void question.accept())
    await facilitator.getByTestId('community-rotate').click()
    const newLink = (await facilitator.getByTestId('community-new-link').textContent()) ?? ''
    expect(newLink).toContain('#key=')
    expect(newLink).not.toContain(link.split('#key=')[1] ?? 'none')
    const communityId = new URL(communityUrl).pathname.split('/').pop()
    const oldKey = await fetch(`${server.url}/api/communities/${communityId}`, {
      headers: { Authorization: `Bearer ${decodeURIComponent(link.split('#key=')[1] ?? '')}` },
    })
    expect([401, 403]).toContain(oldKey.status)

    // In English too (the page's own words; the community's are as written).
    await facilitator.locator('.language-switch button[lang=en]').click()
    await facilitator.getByRole('heading', { name: 'Agreements', level: 2 }).waitFor()
    await shot(facilitator, 'community-english.png')
    await facilitator.locator('.language-switch button[lang=nl]').click()
    await facilitator.getByRole('heading', { name: 'Afspraken', level: 2 }).waitFor()

    await facilitator.getByTestId('community-delete-open').click()
    const deleting = facilitator.getByTestId('community-delete-dialog')
    const listed = await deleting.getByTestId('community-delete-sessions').locator('li').allTextContents()
    expect(listed).toEqual(['1. Sessie 1: ontmoeten', '2. Sessie 2: terugblik'])
    await shot(facilitator, 'community-delete.png')
    // A wrong name: the button says it is not ready yet, and Enter is refused with a reason.
    await deleting.getByTestId('community-delete-name').fill('Buurtwerk')
    expect(await deleting.getByTestId('community-delete-confirm').getAttribute('aria-disabled')).toBe('true')
    await deleting.getByTestId('community-delete-name').press('Enter')
    await deleting.getByRole('alert').filter({ hasText: 'De naam klopt niet' }).waitFor()
    await deleting.getByTestId('community-delete-name').fill(COMMUNITY)
    await deleting.getByTestId('community-delete-confirm').click()
    await facilitator.waitForURL(`${server.url}/`)
    const key = newLink.split('#key=')[1] ?? ''
    const gone = await fetch(`${server.url}/api/communities/${communityId}`, {
      headers: { Authorization: `Bearer ${decodeURIComponent(key)}` },
    })
    expect(gone.status).toBe(404)
    const board = await fetch(`${server.url}/api/boards/${session1}`, {
      headers: { Authorization: `Bearer ${sessionToken}` },
    })
    expect(board.status).not.toBe(200)
  }, 240_000)
})
