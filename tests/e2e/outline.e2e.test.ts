import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { losModel } from '../../shared/src/templates/builtin/losModel'
import {
  createBoardInBrowser,
  joinInBrowser,
  noteTexts,
  openNoteChanges,
  readJoinCode,
  waitConnected,
} from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { openNewNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'

/**
 * The list view as a keyboard and screen reader user meets it: the toggle is the first Tab stop,
 * questions are headings, notes can be added, changed, moved and removed with the keyboard only,
 * others' new notes are announced politely, the choice of view and of language is remembered.
 */

const SYNC_TIMEOUT = 5000
const DOS_AND_DONTS = losModel.zones[2]?.title.nl ?? ''
const WHAT_WORKS = losModel.zones[1]?.title.nl ?? ''

function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
}

/** The note texts of one question in the list view. */
function outlineNotesIn(page: Page, zoneTitle: string): Promise<string[]> {
  return page
    .locator('[data-testid=outline-zone]', {
      has: page.getByRole('heading', { name: zoneTitle, exact: true }),
    })
    .getByTestId('outline-note-text')
    .allTextContents()
}

/** The facilitator's note mirror: texts under one zone heading. */
function mirrorNotesIn(page: Page, zoneTitle: string): Promise<string[]> {
  return page
    .getByTestId('note-list')
    .locator('section', {
      has: page.getByRole('heading', { name: zoneTitle, exact: true, includeHidden: true }),
    })
    .locator('.note-item-text')
    .allTextContents()
}

async function tabUntil(page: Page, testId: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if ((await focusedTestId(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId}`)
}

describe.skipIf(!chromiumAvailable())('list view (outline)', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('outline'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    participantContext = await browser.newContext({ viewport: { width: 900, height: 900 } })
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('adds, edits, moves and removes notes with the keyboard only, and announces others', async () => {
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()
    await createBoardInBrowser(facilitator, server.url, {
      title: 'Lijst e2e',
      name: 'Marieke',
      templateId: 'los-model',
    })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(participant, server.url, code, 'Fatima')

    // First Tab stop on a fresh page: the list view toggle. Enter switches.
    await participant.reload()
    await waitConnected(participant)
    await participant.keyboard.press('Tab')
    expect(await focusedTestId(participant)).toBe('view-toggle')
    await participant.keyboard.press('Enter')
    await participant.getByTestId('outline').waitFor()
    expect(await participant.getByTestId('view-toggle').getAttribute('aria-pressed')).toBe('true')
    const headings = await participant
      .getByTestId('outline')
      .getByRole('heading', { level: 2 })
      .allTextContents()
    expect(headings).toEqual(losModel.zones.map((zone) => zone.title.nl))

    // Add a note to "do's & don'ts": Tab to its add button, Enter, type, Ctrl+Enter.
    const dosZone = participant.locator('[data-testid=outline-zone]', {
      has: participant.getByRole('heading', { name: DOS_AND_DONTS, exact: true }),
    })
    const addButton = dosZone.getByTestId('outline-add')
    await addButton.focus()
    await participant.keyboard.press('Enter')
    expect(await focusedTestId(participant)).toBe('outline-add-text')
    await participant.keyboard.type('Do: luister eerst')
    await participant.keyboard.press('Control+Enter')
    await expect.poll(() => outlineNotesIn(participant, DOS_AND_DONTS)).toEqual(['Do: luister eerst'])
    expect(await focusedTestId(participant)).toBe('outline-note')
    await expect
      .poll(() => mirrorNotesIn(facilitator, DOS_AND_DONTS), { timeout: SYNC_TIMEOUT })
      .toEqual(['Do: luister eerst'])

    // Edit it: Tab to "Wijzigen", Enter, Tab to "Aanpassen", Enter, change the text, Tab to
    // "Opslaan", Enter.
    await tabUntil(participant, 'outline-change')
    await participant.keyboard.press('Enter')
    await tabUntil(participant, 'outline-edit')
    await participant.keyboard.press('Enter')
    expect(await focusedTestId(participant)).toBe('outline-edit-text')
    await participant.keyboard.type(' en vraag door')
    await tabUntil(participant, 'outline-save')
    await participant.keyboard.press('Enter')
    await expect
      .poll(() => mirrorNotesIn(facilitator, DOS_AND_DONTS), { timeout: SYNC_TIMEOUT })
      .toEqual(['Do: luister eerst en vraag door'])

    // Move it to "what works": Tab to "Verplaatsen", Enter, pick with the arrow keys, confirm.
    await tabUntil(participant, 'outline-change')
    await participant.keyboard.press('Enter')
    await tabUntil(participant, 'outline-move')
    await participant.keyboard.press('Enter')
    expect(await focusedTestId(participant)).toBe('outline-move-select')
    await participant.keyboard.press('ArrowUp')
    expect(
      await participant
        .getByTestId('outline-move-select')
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
    ).toBe(WHAT_WORKS)
    await tabUntil(participant, 'outline-move-submit')
    await participant.keyboard.press('Enter')
    await expect
      .poll(() => outlineNotesIn(participant, WHAT_WORKS))
      .toEqual(['Do: luister eerst en vraag door'])
    await expect
      .poll(() => mirrorNotesIn(facilitator, WHAT_WORKS), { timeout: SYNC_TIMEOUT })
      .toEqual(['Do: luister eerst en vraag door'])

    // Someone else adds a note: announced politely in the list view.
    await openNewNote(facilitator)
    await facilitator.keyboard.type('Van de begeleider')
    await facilitator.keyboard.press('Escape')
    await expect
      .poll(() => participant.getByTestId('live-region').textContent(), { timeout: SYNC_TIMEOUT })
      .toContain('Nieuw briefje van Marieke')
    expect(await participant.getByTestId('live-region').getAttribute('aria-live')).toBe('polite')
    await participant.screenshot({ path: artifactPath('outline-view.png'), fullPage: true })

    // Remove Fatima's note with the keyboard, then undo with Ctrl+Z.
    const ownNote = participant.locator('[data-testid=outline-note]', { hasText: 'luister eerst' })
    await openNoteChanges(ownNote)
    await ownNote.getByTestId('outline-delete').focus()
    await participant.keyboard.press('Enter')
    await expect.poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT }).toEqual(['Van de begeleider'])
    await participant.keyboard.press('Control+z')
    await expect
      .poll(() => noteTexts(facilitator), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(['Do: luister eerst en vraag door', 'Van de begeleider']))

    // The list view and the language are remembered on this device.
    await participant.getByRole('button', { name: 'Engels' }).click()
    expect(await participant.getByTestId('view-toggle').textContent()).toContain('List')
    await participant.reload()
    await participant.getByTestId('outline').waitFor()
    expect(await participant.getByTestId('outline-add').first().textContent()).toContain('Write a note')
    expect(await participant.evaluate(() => document.documentElement.lang)).toBe('en')
    await participant.screenshot({ path: artifactPath('outline-view-english.png'), fullPage: true })
  }, 120_000)
})
