import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotes } from '../../shared/src/model'
import { seriousAxeViolations } from '../helpers/axe'
import { chooseView, waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { centre, screenBox } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { type VolumeSession, volumeSession } from '../helpers/volumeSession'

/**
 * axe-core (WCAG 2 A/AA, 2.1 AA, 2.2 AA; serious and critical fail) over every state people meet,
 * on a board with 60 notes: landing and join, the facilitator's canvas with and without a selected
 * note, every tab of the session panel, every dialog and panel, a participant's phone in each kind
 * of round (private writing, a draft open, voting, results), the viewer, and the English UI. All
 * states are scanned before the test judges, so one run shows every finding (also written to
 * a11y-states.json).
 */

describe.skipIf(!chromiumAvailable())('accessibility (axe-core) in every state', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let session: VolumeSession | undefined

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('a11y'))
  }, 180_000)

  afterAll(async () => {
    session?.close()
    await stopE2e({ browser, server, dataDir })
  })

  it('has no serious or critical violations in any state', async () => {
    const found: Record<string, string[]> = {}
    const scan = async (state: string, page: Page) => {
      found[state] = await seriousAxeViolations(page)
      await page.screenshot({ path: artifactPath(`a11y-${state.replace(/[^a-z0-9]+/gi, '-')}.png`) })
    }
    // bypassCSP: the app's CSP forbids inline scripts, which is how axe-core is injected.
    const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    const facilitator = await laptop.newPage()
    const participant = await phone.newPage()

    await facilitator.goto(server.url)
    await scan('landing', facilitator)

    session = await volumeSession(server.url)
    const { board } = session
    await participant.goto(`${server.url}/j/${board.joinCode}`)
    await participant.getByTestId('join-name').waitFor()
    await scan('join (phone)', participant)
    await participant.getByTestId('join-name').fill('Ahmed')
    await participant.getByTestId('join-submit').click()
    await participant.waitForURL(/\/b\//)
    await waitConnected(participant)
    await participant.getByTestId('outline').waitFor()
    await scan('participant list, no round (phone)', participant)

    // The facilitator on the laptop.
    await facilitator.goto(`${server.url}/b/${board.id}#key=${encodeURIComponent(board.facilitatorKey)}`)
    const name = facilitator.getByTestId('facilitator-name')
    await Promise.race([name.waitFor(), facilitator.getByTestId('connection-status').waitFor()])
    if (await name.isVisible()) {
      await name.fill('Marieke')
      await facilitator.getByTestId('facilitator-submit').click()
    }
    await waitConnected(facilitator)
    await scan('facilitator canvas', facilitator)
    const note = listNotes(session.content.doc)[0]
    const box = note ? await screenBox(facilitator, note.id) : null
    if (!box) throw new Error('first note not drawn')
    await facilitator.mouse.click(centre(box).x, centre(box).y)
    await facilitator.getByTestId('selection-toolbar').waitFor(SYNC)
    await scan('facilitator canvas, note selected', facilitator)
    await facilitator.keyboard.press('Escape')

    await facilitator.getByTestId('facilitator-open').click()
    for (const tab of ['script', 'writing', 'voting', 'people']) {
      await facilitator.getByTestId(`facilitator-tab-${tab}`).click()
      await scan(`session panel: ${tab}`, facilitator)
    }
    await facilitator.getByTestId('facilitator-close').click()
    await facilitator.getByTestId('share-open').click()
    await scan('share dialog', facilitator)
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('export-open').click()
    await facilitator.getByRole('dialog').waitFor()
    await facilitator.waitForTimeout(800)
    await scan('export dialog', facilitator)
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('board-menu').click()
    await scan('board menu', facilitator)
    await facilitator.getByTestId('menu-shortcuts').click()
    await scan('shortcuts dialog', facilitator)
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('board-menu').click()
    await facilitator.getByTestId('menu-save-template').click()
    await scan('save as template dialog', facilitator)
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('board-menu').click()
    await facilitator.getByTestId('menu-keep-key').click()
    await scan('keep the facilitator link dialog', facilitator)
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('board-menu').click()
    await facilitator.getByTestId('menu-restore').click()
    await scan('restore from backup dialog', facilitator)
    await facilitator.keyboard.press('Escape')
    await facilitator.getByTestId('participants-open').click()
    await scan('participants panel', facilitator)
    await facilitator.getByTestId('participants-open').click()
    await chooseView(facilitator, 'outline')
    await scan('facilitator list', facilitator)
    await chooseView(facilitator, 'canvas')

    // A participant's phone through the kinds of round.
    const zoneIds = session.questions.map((zone) => zone.id)
    await session.startRound(1, { privateWriting: true, zoneIds })
    await participant.getByTestId('round-title').waitFor(SYNC)
    await scan('participant private writing (phone)', participant)
    await participant.getByTestId('outline-add').first().tap()
    await participant.keyboard.type('Mijn eigen idee')
    await scan('participant draft open (phone)', participant)
    await participant.getByTestId('round-more').tap()
    await scan('participant round details (phone)', participant)
    await participant.getByTestId('header-more').tap()
    await scan('participant header tools (phone)', participant)
    await session.call('POST', '/reveal', {})
    await session.startRound(2, { zoneIds })
    await session.openVoting()
    await participant.getByTestId('votes-left').waitFor(SYNC)
    await participant.getByTestId('outline-react').first().tap()
    await scan('participant voting, reactions open (phone)', participant)
    await scan('facilitator canvas while voting', facilitator)
    await chooseView(participant, 'canvas')
    await scan('participant canvas while voting (phone)', participant)
    await chooseView(participant, 'outline')
    await participant.getByTestId('outline-dot-add').first().tap()
    await participant.getByTestId('outline-my-dots').first().waitFor(SYNC)
    await session.call('POST', '/voting', { action: 'close' })
    await participant.getByTestId('outline-note-votes').first().waitFor(SYNC)
    await scan('participant results (phone)', participant)

    // The viewer (a projector) and the English UI.
    const viewer = await laptop.newPage()
    await viewer.goto(board.viewerUrl)
    await waitConnected(viewer)
    await scan('viewer', viewer)
    // The language switch is among the header's tools, folded behind "Meer" on a phone.
    if (!(await participant.getByRole('button', { name: 'Engels' }).isVisible()))
      await participant.getByTestId('header-more').tap()
    await participant.getByRole('button', { name: 'Engels' }).tap()
    await participant.getByTestId('outline').waitFor()
    await scan('participant list (English, phone)', participant)
    await facilitator.getByRole('button', { name: 'Engels' }).click()
    await scan('facilitator canvas (English)', facilitator)

    const counts = Object.fromEntries(Object.entries(found).map(([state, lines]) => [state, lines.length]))
    fs.writeFileSync(artifactPath('a11y-states.json'), JSON.stringify({ counts, found }, null, 2))
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(25)
    expect(Object.entries(found).filter(([, lines]) => lines.length > 0)).toEqual([])
    await laptop.close()
    await phone.close()
  }, 240_000)
})
