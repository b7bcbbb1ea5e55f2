import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readHarvestNotes } from '../../shared/src/model/harvestNotes'
import { createNote } from '../../shared/src/model/notes'
import { publishVoteResults } from '../../shared/src/model/session'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom } from '../../shared/src/rooms'
import { createBoardInBrowser } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { tokenFor } from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * The verslag in the export dialog, as a facilitator writes it: the summary's own words typed in
 * the dialog are kept in the board (another facilitator's client sees them) and show in the
 * preview's summary on top; "Kort" makes the preview compact; Markdown is called Markdown.
 * Artefact: test-artifacts/verslag-dialog.png.
 */

const INSIGHTS = 'Iedereen wil meer tijd voor elkaar.'
const TOP_NOTE = 'Een vast koffiemoment op maandag'
const SYNC = { timeout: 8000 }

describe.skipIf(!chromiumAvailable())('the verslag in the export dialog', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  const clients: YClient[] = []

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('verslag'))
  }, 180_000)

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await stopE2e({ browser, server, dataDir })
  })

  it('keeps the facilitator’s summary in the board and shows it first; compact on request', async () => {
    const page: Page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    const boardId = await createBoardInBrowser(page, server.url, {
      title: 'Verslag e2e',
      name: 'Marieke',
      templateId: 'los-model',
    })
    const board = {
      id: boardId,
      facilitatorKey: '',
      joinCode: '',
      facilitatorUrl: '',
      participantUrl: '',
      viewerUrl: '',
    }
    board.facilitatorKey = await page.evaluate(
      (id) => JSON.parse(localStorage.getItem('oogst.boards') ?? '{}')[id]?.facilitatorKey as string,
      boardId,
    )
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/sync`
    const token = await tokenFor(server.url, board, 'facilitator', 'Script')
    const content = connectClient(wsUrl, boardId, token)
    const control = connectClient(wsUrl, controlRoom(boardId), token)
    clients.push(content, control)
    await Promise.all([content.synced, control.synced])
    const zone = listZones(content.doc).sort((a, b) => a.order - b.order)[1]
    if (!zone) throw new Error('the template has no second zone')
    const ids = ['Eerste idee', TOP_NOTE, 'Derde idee'].map((text, i) =>
      createNote(content.doc, {
        text,
        x: zone.x + 20 + i * 200,
        y: zone.y + 170,
        zoneId: zone.id,
        authorId: 'p1',
        authorName: 'Script',
      }),
    )
    publishVoteResults(control.doc, { [ids[1] ?? '']: 4 })
    await page
      .getByTestId('note-item')
      .filter({ hasText: 'Derde idee' })
      .waitFor({ state: 'attached', ...SYNC })

    await page.getByTestId('export-open').click()
    const dialog = page.getByTestId('export-dialog')
    const preview = dialog.getByTestId('report-preview')
    await preview.getByText(TOP_NOTE).first().waitFor(SYNC)
    expect(await dialog.getByTestId('export-download-md').textContent()).not.toContain('platte tekst')

    // The summary's own words: typed in the dialog, kept in the board.
    await dialog.getByTestId('export-harvest-insights').fill(INSIGHTS)
    await dialog.getByTestId('export-harvest-date').fill('2026-01-15')
    await dialog.getByTestId('export-harvest-followup').click() // leaving the field saves it
    // Each field is saved on its own (the date when it changes, the text when it is left), and each
    // arrives at the test's client in its own update: wait for both.
    await waitFor(() => readHarvestNotes(control.doc).insights === INSIGHTS, 8000, 'insights stored')
    await waitFor(() => readHarvestNotes(control.doc).nextMeeting === '2026-01-15', 8000, 'date stored')
    await preview.getByRole('heading', { name: 'Belangrijkste inzichten' }).waitFor(SYNC)
    await preview.getByText(INSIGHTS).waitFor(SYNC)

    // The summary comes first, with the most-voted note on top.
    const headings = await preview.locator('h4').allTextContents()
    expect(headings[0]).toBe('Samenvatting')
    const firstNote = preview.getByTestId('report-note').first()
    expect(await firstNote.textContent()).toContain(TOP_NOTE)
    expect(await firstNote.textContent()).toContain('4 stippen')

    // Compact on request: the question shows its top notes under their own heading.
    await dialog.getByTestId('export-length').selectOption('compact')
    await preview.getByRole('heading', { name: /briefjes met de meeste stippen/ }).waitFor(SYNC)
    await page.screenshot({ path: artifactPath('verslag-dialog.png') })
  }, 120_000)
})
