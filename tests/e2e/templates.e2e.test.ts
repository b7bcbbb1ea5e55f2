import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { losModel } from '../../shared/src/templates/builtin/losModel'
import {
  createBoardInBrowser,
  joinInBrowser,
  preferCanvas,
  readJoinCode,
  waitConnected,
  zoneTitles,
} from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'

/**
 * Templates as a facilitator uses them: start a board from the LOS model, reword a question for
 * their organisation (a participant sees it change), save the board as their own template, find it
 * in the gallery, rename it, start a board from it, and get a clear message for a broken file.
 */

const SYNC_TIMEOUT = 5000
const questionTitles = losModel.zones.slice(1, 4).map((zone) => zone.title.nl)
const NEW_TITLE = 'Wat werkt goed bij ons, en wat niet?'

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`e2e-templates-${name}.png`), fullPage: true })
}

describe.skipIf(!chromiumAvailable())('templates in the browser', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('templates'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    participantContext = await browser.newContext({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    // This phone works on the canvas (the list view, a phone's default, has its own tests).
    await preferCanvas(participantContext)
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('makes a board from the LOS template, edits a zone live, saves and reuses it as a template', async () => {
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()

    // The gallery shows every template with its size; the empty board is chosen by default.
    await facilitator.goto(server.url)
    const losCard = facilitator.getByTestId('template-option-los-model')
    await losCard.waitFor()
    await expect
      .poll(() => facilitator.getByTestId('template-option-leeg').getAttribute('data-selected'))
      .toBe('true')
    expect(await losCard.textContent()).toContain('5 vragen')
    expect(await losCard.locator('svg rect').count()).toBe(5)
    await losCard.click()
    await expect.poll(() => facilitator.getByTestId('template-details').textContent()).toContain('LOS-model')
    await shot(facilitator, 'gallery')

    // A board from the LOS template has its three questions (and the central question, agreements).
    await createBoardInBrowser(facilitator, server.url, {
      title: 'CoP Wijkteam Noord',
      name: 'Marieke',
      templateId: 'los-model',
    })
    await expect.poll(() => zoneTitles(facilitator)).toEqual(expect.arrayContaining(questionTitles))
    expect(await zoneTitles(facilitator)).toHaveLength(5)
    await shot(facilitator, 'board-los')

    // A participant joins on a phone; they cannot edit zones.
    const joinCode = await readJoinCode(facilitator)
    await joinInBrowser(participant, server.url, joinCode, 'Ahmed')
    await expect.poll(() => zoneTitles(participant)).toEqual(expect.arrayContaining(questionTitles))
    expect(await participant.getByTestId('zone-edit-open').count()).toBe(0)

    // The facilitator rewords the second question; the participant sees it change.
    const dosAndDonts = facilitator.getByRole('button', { name: `Vraag aanpassen: ${questionTitles[1]}` })
    await dosAndDonts.click()
    const titleField = facilitator.getByTestId('zone-edit-title')
    expect(await titleField.inputValue()).toBe(questionTitles[1])
    await titleField.fill(NEW_TITLE)
    await facilitator.getByTestId('zone-edit-prompt').fill('Noem één ding per briefje.')
    await shot(facilitator, 'zone-edit-dialog')
    await facilitator.getByTestId('zone-edit-save').click()
    await facilitator.getByTestId('zone-edit-title').waitFor({ state: 'detached' })
    await expect.poll(() => zoneTitles(participant), { timeout: SYNC_TIMEOUT }).toContain(NEW_TITLE)
    expect(await zoneTitles(participant)).not.toContain(questionTitles[1])
    await shot(facilitator, 'zone-edited')
    await participant.screenshot({ path: artifactPath('e2e-templates-zone-edited-participant.png') })

    // Save the board as a template.
    await facilitator.getByTestId('board-menu').click()
    await facilitator.getByTestId('menu-save-template').click()
    const label = facilitator.getByTestId('save-template-label')
    expect(await label.inputValue()).toBe('CoP Wijkteam Noord')
    await label.fill('LOS-model Wijkteam Noord')
    await facilitator.getByTestId('save-template-description').fill('Onze eigen vragen voor de CoP.')
    await facilitator.getByTestId('save-template-submit').click()
    await facilitator.getByTestId('save-template-done').waitFor()
    await shot(facilitator, 'saved')

    // It is in the gallery, marked as this device's own, with the edited question in its layout.
    await facilitator.getByTestId('save-template-gallery').click()
    await facilitator.waitForURL(`${server.url}/`)
    const own = facilitator.locator('[data-testid^=template-option-eigen-]')
    await own.waitFor()
    expect(await own.textContent()).toContain('LOS-model Wijkteam Noord')
    expect(await own.textContent()).toContain('Eigen voorbeeldbord')
    await own.click()

    // Rename it.
    await facilitator.getByTestId('template-edit').click()
    await facilitator.getByTestId('template-edit-label').fill('LOS Noord (versie 2)')
    await facilitator.getByTestId('template-edit-save').click()
    await expect.poll(() => own.textContent()).toContain('LOS Noord (versie 2)')
    await shot(facilitator, 'gallery-own')

    // A broken file gets a clear message naming the problem.
    await facilitator.getByTestId('template-import-input').setInputFiles({
      name: 'kapot-sjabloon.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ id: 'kapot', version: 1, labels: { nl: 'Kapot' } })),
    })
    const importError = facilitator.getByTestId('template-import-error')
    await expect
      .poll(() => importError.textContent())
      .toMatch(/^Dit voorbeeldbord kunnen we niet lezen: .*labels\.en/)
    await importError.scrollIntoViewIfNeeded()
    await facilitator.screenshot({ path: artifactPath('e2e-templates-import-error.png') })

    // A good file (an export of the LOS template) is added, chosen, and can be removed again.
    const exported = await fetch(`${server.url}/api/templates/los-model?download`)
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    await facilitator.getByTestId('template-import-input').setInputFiles({
      name: 'los.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await exported.text()),
    })
    await expect.poll(() => facilitator.getByTestId('template-notice').textContent()).toContain('toegevoegd')
    expect(await importError.textContent()).toBe('')
    const imported = facilitator.locator('[data-testid^=template-option-eigen-][data-selected=true]')
    expect(await imported.textContent()).toContain('LOS-model')
    expect(await facilitator.locator('[data-testid^=template-option-eigen-]').count()).toBe(2)
    await facilitator.getByTestId('template-delete').click()
    await facilitator.getByTestId('template-delete-confirm').click()
    await expect.poll(() => facilitator.locator('[data-testid^=template-option-eigen-]').count()).toBe(1)
    expect(await facilitator.getByTestId('template-option-leeg').getAttribute('data-selected')).toBe('true')

    // A new board from the own template has the reworded question.
    const ownId = (await own.getAttribute('data-testid'))?.replace('template-option-', '') ?? ''
    await createBoardInBrowser(facilitator, server.url, {
      title: 'CoP Wijkteam Noord, tweede keer',
      name: 'Marieke',
      templateId: ownId,
    })
    await waitConnected(facilitator)
    await expect.poll(() => zoneTitles(facilitator)).toContain(NEW_TITLE)
    await shot(facilitator, 'board-from-own')
  }, 120_000)
})
