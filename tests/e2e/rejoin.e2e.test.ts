import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, joinInBrowser, readJoinCode, waitConnected } from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { type CreatedBoard, createBoard } from '../helpers/testServer'

/**
 * Issue 14, part 3: the same browser opening the join link again is the same participant. With
 * its stored token it goes straight back to the board; with that forgotten (only the browser's
 * secret left) it joins again as the same participant id.
 */
describe.skipIf(!chromiumAvailable())('re-opening the join link in the same browser', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('rejoin'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  /** The participant id in the token this page stored for the board. */
  const participantId = (page: Page, boardId: string) =>
    page.evaluate((id) => {
      const boards = JSON.parse(localStorage.getItem('oogst.boards') ?? '{}') as Record<
        string,
        { token?: string }
      >
      const payload = boards[id]?.token?.split('.')[1] ?? ''
      const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
      return (JSON.parse(json) as { participantId: string }).participantId
    }, boardId)

  it('keeps one participant: back in at once, and the same id after the token is forgotten', async () => {
    const board: CreatedBoard = await createBoard(server.url, 'Terugkomen')
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } })
    const page = await context.newPage()
    await joinInBrowser(page, server.url, board.joinCode, 'Anouk')
    const first = await participantId(page, board.id)

    // The QR code scanned again: straight to the board, no name asked.
    await page.goto(`${server.url}/j/${board.joinCode}`)
    await page.waitForURL(new RegExp(`/b/${board.id}$`))
    await waitConnected(page)
    expect(await participantId(page, board.id)).toBe(first)

    // The board forgotten on this device (its secret kept): joining again is the same person.
    await page.evaluate(() => localStorage.removeItem('oogst.boards'))
    await joinInBrowser(page, server.url, board.joinCode, 'Anouk')
    expect(await participantId(page, board.id)).toBe(first)

    // Another browser is another person.
    const other = await (await browser.newContext()).newPage()
    await joinInBrowser(other, server.url, board.joinCode, 'Anouk')
    expect(await participantId(other, board.id)).not.toBe(first)
    await context.close()
  }, 120_000)

  it('lets the facilitator close joining and make a new code from the share dialog', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const boardId = await createBoardInBrowser(facilitator, server.url, { title: 'Codes', name: 'Fenna' })
    const oldCode = await readJoinCode(facilitator)
    await facilitator.getByTestId('share-open').click()
    await facilitator.getByTestId('share-toggle-joining').click()
    await expect
      .poll(() => facilitator.getByTestId('share-join-status').textContent())
      .toContain('Meedoen is gesloten')

    const participant = await (await browser.newContext()).newPage()
    await participant.goto(`${server.url}/j/${oldCode}`)
    await participant.getByTestId('join-name').fill('Bram')
    await participant.getByTestId('join-submit').click()
    await participant.getByText('De begeleider heeft het meedoen met deze code gesloten').waitFor()

    await facilitator.getByTestId('share-toggle-joining').click()
    await facilitator.getByTestId('share-new-code').click()
    await facilitator.getByTestId('share-new-code-confirm').click()
    await expect.poll(() => facilitator.getByTestId('share-join-code').textContent()).not.toBe(oldCode)
    const newCode = (await facilitator.getByTestId('share-join-code').textContent())?.trim() ?? ''
    await facilitator.getByTestId('share-participant-url').getByText(`/j/${newCode}`).waitFor()

    await participant.getByTestId('join-submit').click()
    await participant.getByText('Deze code kennen we niet').waitFor()
    await joinInBrowser(participant, server.url, newCode, 'Bram')
    expect(new URL(participant.url()).pathname).toBe(`/b/${boardId}`)
  }, 120_000)

  it('keeps a removed person out of the same browser until "Weer toelaten"', async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const boardId = await createBoardInBrowser(facilitator, server.url, { title: 'Weg', name: 'Fenna' })
    const code = await readJoinCode(facilitator)
    const bram = await (await browser.newContext()).newPage()
    await joinInBrowser(bram, server.url, code, 'Bram')
    const first = await participantId(bram, boardId)

    await facilitator.getByTestId('facilitator-open').click()
    await facilitator.getByTestId('facilitator-tab-people').click()
    const row = facilitator.locator('[data-testid=people-row][data-name=Bram]')
    await row.getByTestId('people-remove').click()
    await row.getByRole('button', { name: 'Ja, weghalen' }).click()
    const removed = facilitator.locator('[data-testid=removed-row][data-name=Bram]')
    await removed.waitFor({ timeout: 15_000 })

    // Under another name in the same browser: still refused, in plain Dutch.
    await bram.goto(`${server.url}/j/${code}`)
    await bram.getByTestId('join-name').fill('Niet Bram')
    await bram.getByTestId('join-submit').click()
    await bram.getByText('De begeleider heeft je van dit bord gehaald').waitFor()

    await removed.getByTestId('removed-allow').click()
    await removed.waitFor({ state: 'detached' })
    await joinInBrowser(bram, server.url, code, 'Bram')
    expect(await participantId(bram, boardId)).toBe(first)

    // Bram on a new device: the facilitator hands him a link that is the same participant.
    await facilitator.getByTestId('new-device-who').selectOption({ label: 'Bram' })
    await facilitator.getByTestId('new-device-submit').click()
    const link = (await facilitator.getByTestId('new-device-link').textContent()) ?? ''
    const phone = await (await browser.newContext()).newPage()
    await phone.goto(link)
    await waitConnected(phone)
    expect(await participantId(phone, boardId)).toBe(first)
  }, 120_000)
})
