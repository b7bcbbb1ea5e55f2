import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../helpers/axe'
import { createBoardInBrowser, joinInBrowser, readJoinCode, waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable, launchBrowser } from '../helpers/browser'
import { addNote } from '../helpers/canvasPage'
import { ensureClientBuilt } from '../helpers/clientBuild'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'

/**
 * axe-core on the pages people use: the landing page, the board (canvas, with the participants
 * panel open and someone else's cursor on it) and the list view (with a form open), in Dutch and
 * English. Serious and critical violations fail the test. Also: the list view toggle is the first
 * thing the keyboard reaches on the board page.
 */

describe.skipIf(!chromiumAvailable())('accessibility (axe-core)', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    await ensureClientBuilt()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-e2e-a11y-'))
    server = await startServerProcess({ dataDir })
    browser = await launchBrowser()
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('has no serious or critical violations on the landing page, the board and the list view', async () => {
    // bypassCSP: the app's CSP forbids inline scripts, which is how axe-core is injected.
    const facilitatorContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    })
    const participantContext = await browser.newContext({
      viewport: { width: 390, height: 800 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()

    await facilitator.goto(server.url)
    expect(await seriousAxeViolations(facilitator), 'landing page').toEqual([])

    await createBoardInBrowser(facilitator, server.url, {
      title: 'Toegankelijk bord',
      name: 'Marieke',
      templateId: 'los-model',
    })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(participant, server.url, code, 'Ahmed')
    await addNote(facilitator, 'Samen koken in het buurthuis')
    await addNote(participant, 'Vaker in de wijk zijn')

    // The first Tab on a freshly loaded board page reaches the list view toggle.
    await participant.reload()
    await waitConnected(participant)
    await participant.keyboard.press('Tab')
    expect(await participant.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'view-toggle',
    )

    // Canvas with the participants panel open and someone's cursor.
    await participant.getByTestId('participants-open').click()
    await facilitator.mouse.move(500, 400, { steps: 4 })
    await facilitator.getByTestId('participants-open').click()
    await facilitator.getByTestId('participants-panel').waitFor()
    expect(await seriousAxeViolations(facilitator), 'board (facilitator, canvas)').toEqual([])
    expect(await seriousAxeViolations(participant), 'board (participant, phone)').toEqual([])
    await participant.screenshot({ path: artifactPath('a11y-participants-phone.png') })

    // List view with the add form open.
    await participant.getByTestId('participants-open').click()
    await participant.getByTestId('view-toggle').click()
    await participant.getByTestId('outline').waitFor()
    await participant.getByTestId('outline-add').first().click()
    expect(await seriousAxeViolations(participant), 'list view').toEqual([])
    await participant.screenshot({ path: artifactPath('a11y-outline-phone.png'), fullPage: true })

    // English.
    await facilitator.getByRole('button', { name: 'Engels' }).click()
    await facilitator.getByTestId('view-toggle').click()
    await facilitator.getByTestId('outline').waitFor()
    expect(await facilitator.getByTestId('view-toggle').textContent()).toContain('List view')
    expect(await seriousAxeViolations(facilitator), 'list view (English)').toEqual([])
    await facilitator.goto(server.url)
    expect(await seriousAxeViolations(facilitator), 'landing page (English)').toEqual([])

    await facilitatorContext.close()
    await participantContext.close()
  }, 120_000)
})
