import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../helpers/axe'
import { createBoardInBrowser, readJoinCode } from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { sidewaysOverflow } from '../helpers/phoneMeasure'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { phoneParticipant } from '../helpers/volumeSession'

/**
 * Issue 18 in the browser: the incidentmethode with a begeleider and three phones. Bas's incident
 * is the chosen case, so he is the inbrenger (the begeleider can choose someone else in the
 * Groepjes panel); in "Standpunten" Anouk and Chaima write privately, Bas's phone shows both
 * standpoints before the reveal, Chaima's phone does not show Anouk's, and after the reveal all
 * three see them in the plenary "Standpunten" question.
 */

const PHONE = { width: 390, height: 844 }
const SHOTS = '/tmp/shots'
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `incident-${name}.png`), fullPage: true })

async function startRoundAt(facilitator: Page, index: number): Promise<void> {
  if ((await facilitator.getByTestId('facilitator-panel').count()) === 0) {
    await facilitator.getByTestId('facilitator-open').click()
  }
  await facilitator.getByTestId('facilitator-tab-script').click()
  await facilitator.getByTestId('round-row').nth(index).getByTestId('round-start').click()
}

const card = (page: Page, title: string) =>
  page.getByTestId('outline-zone').filter({ has: page.getByRole('heading', { name: title, exact: true }) })

describe.skipIf(!chromiumAvailable())('the incidentmethode on phones (issue 18)', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('incident'))
    fs.mkdirSync(SHOTS, { recursive: true })
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('gives the inbrenger the standpoints before the reveal, and nobody else', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Intervisie',
      name: 'Marieke',
      templateId: 'incidentmethode',
    })
    const code = await readJoinCode(facilitator)
    const [anouk, bas, chaima] = [
      await phoneParticipant(browser, server.url, code, 'Anouk', PHONE),
      await phoneParticipant(browser, server.url, code, 'Bas', PHONE),
      await phoneParticipant(browser, server.url, code, 'Chaima', PHONE),
    ] as [Page, Page, Page]
    const phones = [anouk, bas, chaima]

    // The script opens with the look back at last time's advice.
    const rows = facilitator.getByTestId('round-row')
    if ((await facilitator.getByTestId('facilitator-panel').count()) === 0)
      await facilitator.getByTestId('facilitator-open').click()
    await facilitator.getByTestId('facilitator-tab-script').click()
    expect(await rows.nth(0).textContent()).toContain('Terugblik')
    expect(await rows.nth(4).textContent()).toContain('standpunten eerst naar de inbrenger')

    // Keuze casus: Bas's incident goes in the "Keuze casus" question.
    await startRoundAt(facilitator, 2)
    await expect.poll(() => bas.getByTestId('round-title').textContent(), SYNC).toBe('Keuze casus')
    const caseCard = card(bas, 'Keuze casus')
    await caseCard.getByTestId('outline-add').tap()
    await bas.keyboard.type('Een ouder werd boos bij de balie')
    await caseCard.getByTestId('outline-save').tap()
    await expect
      .poll(() => caseCard.getByTestId('outline-note-text').allTextContents(), SYNC)
      .toContain('Een ouder werd boos bij de balie')

    // Vragenronde: three people are one group; Bas (the case's author) is the inbrenger, the
    // member after him the notulist.
    await startRoundAt(facilitator, 3)
    for (const phone of phones) {
      await expect.poll(() => phone.getByTestId('my-group-names').textContent(), SYNC).toMatch(/^Groepje 1: /)
      await expect.poll(() => phone.getByTestId('my-group-role').count(), SYNC).toBe(1)
    }
    await expect.poll(() => bas.getByTestId('my-group-role').textContent(), SYNC).toMatch(/^Jij brengt/)
    const roles = await Promise.all([anouk, chaima].map((p) => p.getByTestId('my-group-role').textContent()))
    expect(roles.filter((text) => text?.startsWith('Jij bent notulist'))).toHaveLength(1)
    expect(roles.filter((text) => text?.startsWith('Jij bent adviseur'))).toHaveLength(1)

    // The begeleider sees Bas chosen and can choose someone else (a select: keyboard and touch).
    await facilitator.getByTestId('facilitator-tab-peopleGroups').click()
    await expect
      .poll(() => facilitator.getByTestId('people-groups-panel').textContent(), SYNC)
      .toContain('Iedereen samen in één groepje (3 mensen)')
    const choice = facilitator.getByTestId('people-group-inbrenger-choice')
    await expect.poll(async () => choice.locator('option:checked').textContent(), SYNC).toBe('Bas')
    // By keyboard: the closed select takes a typed first letter (and arrow keys) and says so.
    await choice.focus()
    await facilitator.keyboard.press('a')
    await expect.poll(() => anouk.getByTestId('my-group-role').textContent(), SYNC).toMatch(/^Jij brengt/)
    await expect
      .poll(() => facilitator.getByTestId('people-groups-message').textContent(), SYNC)
      .toBe('Anouk is nu de inbrenger van groepje 1.')
    // By touch (a tap opens the phone's own picker; here the choice it makes).
    await choice.selectOption({ label: 'Bas' })
    await expect.poll(() => bas.getByTestId('my-group-role').textContent(), SYNC).toMatch(/^Jij brengt/)
    await facilitator.screenshot({ path: path.join(SHOTS, 'incident-facilitator-groups.png') })

    // The projector (viewer link, ?present) shows the groepje with its inbrenger and notulist.
    await facilitator.getByTestId('share-open').click()
    const viewerUrl = new URL((await facilitator.getByTestId('share-viewer-url').textContent()) ?? '')
    await facilitator.keyboard.press('Escape')
    viewerUrl.search = '?present'
    const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
    await projector.goto(viewerUrl.toString())
    await projector.getByTestId('present-groups').waitFor({ timeout: 20_000 })
    await expect
      .poll(() => projector.getByTestId('present-group').textContent(), SYNC)
      .toMatch(/Brengt de vraag in: Bas.*Notulist: (Anouk|Chaima)/)
    await projector.screenshot({ path: path.join(SHOTS, 'incident-projector.png') })

    // Standpunten: Anouk and Chaima write privately; only Bas reads along.
    await startRoundAt(facilitator, 4)
    const standpoints = { Anouk: 'Laat de ouder eerst uitpraten', Chaima: 'Vraag wat de ouder nodig had' }
    for (const [writer, text] of [
      [anouk, standpoints.Anouk],
      [chaima, standpoints.Chaima],
    ] as const) {
      await expect.poll(() => writer.getByTestId('round-title').textContent(), SYNC).toBe('Standpunten')
      const target = card(writer, 'Standpunten')
      await target.getByTestId('outline-add').tap()
      await writer.keyboard.type(text)
      await target.getByTestId('outline-draft-done').tap()
    }
    await bas.getByTestId('group-standpoints').waitFor(SYNC)
    await expect
      .poll(() => bas.getByTestId('group-standpoint').allTextContents(), SYNC)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(standpoints.Anouk),
          expect.stringContaining(standpoints.Chaima),
        ]),
      )
    expect(await bas.getByTestId('group-standpoints').textContent()).toContain(
      'Standpunten van je groepje, alleen voor jou',
    )
    // Chaima sees her own draft, not Anouk's, and no inbrenger's view.
    await expect.poll(() => chaima.getByText(standpoints.Chaima).count(), SYNC).toBeGreaterThan(0)
    expect(await chaima.getByText(standpoints.Anouk).count()).toBe(0)
    expect(await chaima.getByTestId('group-standpoints').count()).toBe(0)
    expect(await chaima.getByTestId('my-group-role').textContent()).toContain('Alleen Bas')
    // Her draft says who reads along, not "alleen voor jou".
    expect(await card(chaima, 'Standpunten').getByTestId('outline-draft').textContent()).toContain(
      'Voor jou en Bas (de inbrenger)',
    )
    expect(await sidewaysOverflow(bas), 'inbrenger: sideways scrolling').toBeLessThanOrEqual(0)
    expect(await seriousAxeViolations(bas), 'axe on the inbrenger phone').toEqual([])
    expect(await seriousAxeViolations(chaima), 'axe on an adviser phone').toEqual([])
    await shot(bas, 'inbrenger-before-reveal')
    await shot(chaima, 'adviser-before-reveal')

    // The reveal: both standpoints in the plenary "Standpunten" question for everyone.
    await facilitator.getByTestId('facilitator-tab-writing').click()
    await facilitator.getByTestId('reveal').click()
    for (const phone of phones) {
      await expect
        .poll(() => card(phone, 'Standpunten').getByTestId('outline-note-text').allTextContents(), SYNC)
        .toEqual(expect.arrayContaining([standpoints.Anouk, standpoints.Chaima]))
    }
    // Bas's box now says where the standpoints are; nobody is told they are private any more.
    await bas.getByTestId('group-standpoints-revealed').waitFor(SYNC)
    expect(await chaima.getByTestId('my-group-role').textContent()).not.toContain('leest mee')
    await shot(chaima, 'adviser-after-reveal')
    await shot(bas, 'inbrenger-after-reveal')
  }, 240_000)
})
