import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from '../helpers/axe'
import { createBoardInBrowser, joinInBrowser, readJoinCode } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import { sidewaysOverflow, smallTargets } from '../helpers/phoneMeasure'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { phoneParticipant } from '../helpers/volumeSession'

/**
 * Issue 18 in the browser: a begeleider runs 1-2-4-allen with five residents on phones and one on a laptop. In the
 * pair step each phone shows its groepje and its partner, the list opens on the groepje's own
 * space, a note written there stays there, the begeleider sees the groepjes and moves someone with
 * a select, and in the allen step the fours' "ons inzicht" is under Iedereen with the groepje's name.
 */

const PHONE = { width: 390, height: 844 }
// Five phones and Daan on a laptop: six people, so three pairs, then the pairs joined in two groepjes.
const PHONE_NAMES = ['Anouk', 'Bas', 'Chaima', 'Eva', 'Fenna']
const NAMES = [...PHONE_NAMES, 'Daan']

async function startRoundAt(facilitator: Page, index: number): Promise<void> {
  if ((await facilitator.getByTestId('facilitator-panel').count()) === 0) {
    await facilitator.getByTestId('facilitator-open').click()
  }
  await facilitator.getByTestId('facilitator-tab-script').click()
  await facilitator.getByTestId('round-row').nth(index).getByTestId('round-start').click()
}

const firstCard = (page: Page) => page.getByTestId('outline-zone').first()

async function writeInFirstCard(page: Page, text: string): Promise<void> {
  await firstCard(page).getByTestId('outline-add').tap()
  await page.keyboard.type(text)
  await firstCard(page).getByTestId('outline-save').tap()
  await expect
    .poll(() => firstCard(page).getByTestId('outline-note-text').allTextContents(), SYNC)
    .toContain(text)
}

describe.skipIf(!chromiumAvailable())('groepjes in 1-2-4-allen on phones (issue 18)', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('groups'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('puts phones in pairs with their own space, lets the begeleider move someone, and gathers the insights', async () => {
    // bypassCSP: axe is injected as a script, which the app's CSP rightly forbids.
    const facilitator = await (
      await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true })
    ).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Teamdag',
      name: 'Marieke',
      templateId: '1-2-4-allen',
    })
    const code = await readJoinCode(facilitator)
    // Five phones (the list) and Daan on a laptop (the board itself).
    const phones: Page[] = []
    for (const name of PHONE_NAMES)
      phones.push(await phoneParticipant(browser, server.url, code, name, PHONE))
    const laptop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    await joinInBrowser(laptop, server.url, code, 'Daan')
    phones.push(laptop)

    // The pair step ("Duo"): three pairs, each phone names its groepje and partner.
    await startRoundAt(facilitator, 1)
    // The script says which rounds are group steps.
    const rows = facilitator.getByTestId('round-row')
    expect(await rows.nth(1).textContent()).toContain('2 minuten · groepjes van 2')
    expect(await rows.nth(2).textContent()).toContain('4 minuten · groepjes van 4')
    expect(await rows.nth(3).textContent()).toContain('inzichten hierheen')
    for (const [index, phone] of phones.entries()) {
      await expect.poll(() => phone.getByTestId('round-title').textContent(), SYNC).toBe('Duo')
      await expect
        .poll(() => phone.getByTestId('my-group-names').textContent(), SYNC)
        .toMatch(/^Groepje [123]: /)
      const names = (await phone.getByTestId('my-group-names').textContent()) ?? ''
      expect(names).toContain(`${NAMES[index]} (jij)`)
      expect(NAMES.filter((name) => names.includes(name))).toHaveLength(2)
      if (phone === laptop) continue
      // The list opens on the groepje's own space, titled with its members.
      const title = (await firstCard(phone).locator('h2, h3').first().textContent()) ?? ''
      expect(title).toMatch(/^Groepje [123]: /)
      expect(title).toContain(NAMES[index])
      expect(await sidewaysOverflow(phone), `${NAMES[index]}: sideways scrolling`).toBeLessThanOrEqual(0)
      expect(await smallTargets(phone), `${NAMES[index]}: targets under 24 px`).toEqual([])
    }
    // On the laptop the board went to Daan's groepje's space by itself, titled with the pair.
    await laptop.getByTestId('my-group-go').waitFor(SYNC)
    await laptop.waitForTimeout(600)
    await laptop.screenshot({ path: artifactPath('groups-laptop-pair.png') })
    const anouk = phones[0] as Page
    await writeInFirstCard(anouk, 'Samen eerst luisteren')
    // Pairs choose no insight: only the fours' insights go to everyone in 1-2-4-allen.
    expect(await anouk.getByTestId('my-group-insight').count()).toBe(0)
    await anouk.screenshot({ path: artifactPath('groups-phone-pair.png') })

    // The begeleider sees three groepjes of two and moves Anouk to another groepje.
    await facilitator.getByTestId('facilitator-tab-peopleGroups').click()
    await expect.poll(() => facilitator.getByTestId('people-group').count(), SYNC).toBe(3)
    expect(await facilitator.getByTestId('people-group-member').count()).toBe(6)
    expect(await seriousAxeViolations(facilitator), 'axe on the Groepjes tab').toEqual([])
    // "Toon de groepjes" shows both pair spaces on the begeleider's canvas.
    await facilitator.getByTestId('people-groups-show').click()
    await facilitator.screenshot({ path: artifactPath('groups-facilitator-pairs.png') })
    const anoukRow = facilitator.getByTestId('people-group-member').filter({ hasText: 'Anouk' })
    const anoukGroup = ((await anouk.getByTestId('my-group-names').textContent()) ?? '').match(
      /Groepje (\d)/,
    )?.[1]
    const otherNumber = anoukGroup === '1' ? '2' : '1'
    await anoukRow.getByTestId('people-group-move').selectOption({ label: `Groepje ${otherNumber}` })
    await expect
      .poll(() => anouk.getByTestId('my-group-names').textContent(), SYNC)
      .toMatch(new RegExp(`^Groepje ${otherNumber}: `))
    await expect
      .poll(() => facilitator.getByTestId('people-groups-message').textContent(), SYNC)
      .toContain('Anouk')

    // Keep apart: on Anouk's phone the other groepje's space shows as locked (nothing to write there).
    // The box follows the server's answer (it shows what the control document says), so: click, then wait.
    const keepApart = facilitator.getByTestId('people-groups-keep-apart').locator('input')
    await keepApart.click()
    await expect.poll(() => keepApart.isChecked(), SYNC).toBe(true)
    await anouk.getByTestId('outline-show-all').tap()
    const otherSpace = anouk.getByTestId('outline-zone').filter({ hasText: `Groepje ${anoukGroup}:` })
    await otherSpace.getByTestId('outline-zone-lock').waitFor(SYNC)
    expect(await otherSpace.getByTestId('outline-add').count()).toBe(0)
    const ownSpace = anouk
      .getByTestId('outline-zone')
      .filter({ hasText: `Groepje ${otherNumber}:` })
      .first()
    expect(await ownSpace.getByTestId('outline-zone-lock').count()).toBe(0)
    expect(await seriousAxeViolations(anouk), 'axe on a phone in a pair').toEqual([])
    await anouk.screenshot({ path: artifactPath('groups-phone-keep-apart.png'), fullPage: true })

    // Fours: the pairs stay together and join (six people: two groepjes of three, Anouk's moved
    // pair of three whole); Anouk chooses "ons inzicht" on her phone.
    await startRoundAt(facilitator, 2)
    await expect.poll(() => anouk.getByTestId('round-title').textContent(), SYNC).toBe('Viertal')
    await facilitator.getByTestId('facilitator-tab-peopleGroups').click()
    await expect.poll(() => facilitator.getByTestId('people-group').count(), SYNC).toBe(2)
    expect(await facilitator.getByTestId('people-group-member').count()).toBe(6)
    const four = (await anouk.getByTestId('my-group-names').textContent()) ?? ''
    expect(NAMES.filter((name) => four.includes(name)).length).toBeGreaterThanOrEqual(3)
    await writeInFirstCard(anouk, 'Vragen voor we plannen')
    await anouk.getByTestId('my-group-insight').selectOption({ label: 'Vragen voor we plannen' })
    await expect.poll(() => anouk.getByTestId('session-message').textContent(), SYNC).toContain('inzicht')
    await anouk.screenshot({ path: artifactPath('groups-phone-four-insight.png') })

    // All together: the insight is under Iedereen, with the groepje's name as its author line.
    await startRoundAt(facilitator, 3)
    await expect.poll(() => anouk.getByTestId('round-title').textContent(), SYNC).toBe('Iedereen')
    await expect
      .poll(() => firstCard(anouk).getByTestId('outline-note-text').allTextContents(), SYNC)
      .toContain('Vragen voor we plannen')
    expect(await firstCard(anouk).textContent()).toMatch(/Groepje [12]: /)
    // Every phone in the plenary sees it, not only the groepje that chose it.
    for (const phone of phones.slice(0, PHONE_NAMES.length)) {
      await expect
        .poll(() => firstCard(phone).getByTestId('outline-note-text').allTextContents(), SYNC)
        .toContain('Vragen voor we plannen')
    }
    await anouk.screenshot({ path: artifactPath('groups-phone-allen.png') })

    // The verslag's preview has "Werken in groepjes": the steps, their groepjes and the insight.
    await facilitator.getByTestId('export-open').click()
    const preview = facilitator.getByTestId('export-dialog').getByTestId('report-preview')
    await expect.poll(() => preview.textContent(), SYNC).toContain('Werken in groepjes')
    expect(await preview.textContent()).toContain('Vragen voor we plannen')
    // The preview may be drawn again while it settles (it follows the board): retry the scroll
    // until the heading stays attached, for the screenshot.
    const groupsPart = preview.getByRole('heading', { name: 'Werken in groepjes' })
    await expect
      .poll(
        () =>
          groupsPart.scrollIntoViewIfNeeded({ timeout: 2000 }).then(
            () => true,
            () => false,
          ),
        SYNC,
      )
      .toBe(true)
    await facilitator.screenshot({ path: artifactPath('groups-report-preview.png') })
  }, 180_000)

  it('rotates the Troika roles on phones: the inbrenger is told to turn away and cannot write', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Troika',
      name: 'Marieke',
      templateId: 'troika-consult',
    })
    const code = await readJoinCode(facilitator)
    const phones: Page[] = []
    for (const name of NAMES.slice(0, 3))
      phones.push(await phoneParticipant(browser, server.url, code, name, PHONE))
    await startRoundAt(facilitator, 0)
    for (const phone of phones) {
      await expect.poll(() => phone.getByTestId('my-group-names').textContent(), SYNC).toMatch(/^Groepje 1: /)
    }
    // Turn 1, "adviseren": one phone is the inbrenger and listens, the two others advise.
    await startRoundAt(facilitator, 3)
    const roles: string[] = []
    for (const phone of phones) {
      await expect.poll(() => phone.getByTestId('round-title').textContent(), SYNC).toBe('Beurt 1: adviseren')
      await expect.poll(() => phone.getByTestId('my-group-role').count(), SYNC).toBe(1)
      roles.push((await phone.getByTestId('my-group-role').textContent()) ?? '')
    }
    expect(roles.filter((text) => text.startsWith('Draai je om en luister mee'))).toHaveLength(1)
    expect(roles.filter((text) => text.startsWith('Jij bent adviseur'))).toHaveLength(2)
    const listener = phones[roles.findIndex((text) => text.startsWith('Draai je om'))] as Page
    const adviser = phones[roles.findIndex((text) => text.startsWith('Jij bent adviseur'))] as Page
    await firstCard(listener).getByTestId('outline-zone-lock').waitFor(SYNC)
    expect(await firstCard(listener).getByTestId('outline-add').count()).toBe(0)
    expect(await firstCard(adviser).getByTestId('outline-add').count()).toBe(1)
    // The round's own question is closed to the listener too: this round they only listen.
    expect(await listener.getByTestId('outline-add').count()).toBe(0)
    await listener.screenshot({ path: artifactPath('groups-phone-troika-listening.png') })
    // Turn 2: the roles have moved on (someone else brings in the question).
    await startRoundAt(facilitator, 5)
    await expect
      .poll(() => listener.getByTestId('my-group-role').textContent(), SYNC)
      .toMatch(/^Jij bent adviseur/)
    await facilitator.getByTestId('facilitator-tab-peopleGroups').click()
    await expect
      .poll(() => facilitator.getByTestId('people-group-inbrenger').first().textContent(), SYNC)
      .toMatch(/^Brengt de vraag in: /)

    // The projector (viewer link, ?present): the groepje with its inbrenger, and the timer.
    await facilitator.getByTestId('share-open').click()
    const viewerUrl = new URL((await facilitator.getByTestId('share-viewer-url').textContent()) ?? '')
    await facilitator.keyboard.press('Escape')
    viewerUrl.search = '?present'
    const projector = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
    await projector.goto(viewerUrl.toString())
    await projector.getByTestId('present-groups').waitFor({ timeout: 20_000 })
    expect(await projector.getByTestId('present-group').count()).toBe(1)
    expect(await projector.getByTestId('present-group').textContent()).toMatch(
      /Groepje 1.*Brengt de vraag in: /,
    )
    await expect.poll(() => projector.getByTestId('present-timer').textContent(), SYNC).toMatch(/^\d+:\d\d$/)
    await projector.screenshot({ path: artifactPath('groups-projector-troika.png') })
  }, 180_000)
})
