import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoardInBrowser, joinInBrowser, noteTexts, readJoinCode } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { addNote, arrows, boardPosition, canvasTexts, drag, noteId, screenBox } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'

/**
 * The canvas as people use it, in Chromium against the real server: several notes picked and moved
 * together (and seen moved by someone else), duplicated, copied into another board, an arrow that
 * follows its notes, who is typing, the shortcut sheet and the command menu.
 */

const SYNC_TIMEOUT = 5000

/** Clicks a note (with Shift: adds it to the selection). A plain click first clears the selection, so
 * the toolbar of a selected note cannot be in the way. */
async function clickNote(page: Page, text: string, options: { shift?: boolean } = {}): Promise<void> {
  if (!options.shift) await page.keyboard.press('Escape')
  const box = await screenBox(page, await noteId(page, text))
  if (!box) throw new Error(`note "${text}" is not drawn`)
  if (options.shift) await page.keyboard.down('Shift')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  if (options.shift) await page.keyboard.up('Shift')
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`e2e-canvas-${name}.png`) })
}

describe.skipIf(!chromiumAvailable())('canvas in the browser', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let facilitatorContext: BrowserContext
  let participantContext: BrowserContext

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('canvas'))
    facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    participantContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('moves a multi-selection as one, duplicates, connects, copies to another board; sheet and command menu', async () => {
    const facilitator = await facilitatorContext.newPage()
    const participant = await participantContext.newPage()
    const pageErrors: string[] = []
    facilitator.on('pageerror', (error) => pageErrors.push(error.message))
    participant.on('pageerror', (error) => pageErrors.push(error.message))
    await createBoardInBrowser(facilitator, server.url, { title: 'Canvas e2e', name: 'Marieke' })
    await joinInBrowser(participant, server.url, await readJoinCode(facilitator), 'Ahmed')

    for (const text of ['Koffie', 'Thee', 'Water']) await addNote(facilitator, text)
    await expect.poll(() => noteTexts(participant), { timeout: SYNC_TIMEOUT }).toHaveLength(3)
    const koffie = await noteId(facilitator, 'Koffie')
    const thee = await noteId(facilitator, 'Thee')
    const water = await noteId(facilitator, 'Water')

    // Pick two notes (click, shift-click) and drag one: both move, for the participant too.
    const before = await Promise.all([koffie, thee, water].map((id) => boardPosition(participant, id)))
    await clickNote(facilitator, 'Koffie')
    await clickNote(facilitator, 'Thee', { shift: true })
    await facilitator.getByTestId('selection-toolbar').waitFor()
    await shot(facilitator, 'multi-select')
    const koffieBox = await screenBox(facilitator, koffie)
    if (!koffieBox) throw new Error('no box')
    const from = { x: koffieBox.x + 30, y: koffieBox.y + 30 }
    await drag(facilitator, from, { x: from.x + 240, y: from.y + 160 })
    const moved = (index: number) => async () => {
      const now = await boardPosition(participant, [koffie, thee, water][index] ?? '')
      const was = before[index]
      return now && was ? { dx: now.x - was.x, dy: now.y - was.y } : null
    }
    await expect.poll(moved(0), { timeout: SYNC_TIMEOUT }).toEqual({ dx: 240, dy: 160 })
    await expect.poll(moved(1), { timeout: SYNC_TIMEOUT }).toEqual({ dx: 240, dy: 160 })
    expect(await moved(2)()).toEqual({ dx: 0, dy: 0 })
    await shot(facilitator, 'moved')
    await participant.screenshot({ path: artifactPath('e2e-canvas-moved-participant.png') })

    // An arrow between the two selected notes follows them when they move.
    await facilitator.keyboard.press('c')
    await expect
      .poll(async () => Object.keys(await arrows(participant)).length, { timeout: SYNC_TIMEOUT })
      .toBe(1)
    const arrowBefore = Object.values(await arrows(participant))[0]
    await clickNote(facilitator, 'Thee')
    const theeBox = await screenBox(facilitator, thee)
    if (!theeBox) throw new Error('no box')
    await drag(
      facilitator,
      { x: theeBox.x + 30, y: theeBox.y + 30 },
      { x: theeBox.x + 30, y: theeBox.y - 220 },
    )
    await expect
      .poll(async () => Object.values(await arrows(participant))[0], { timeout: SYNC_TIMEOUT })
      .not.toEqual(arrowBefore)
    await shot(facilitator, 'arrow')

    // Duplicate with Ctrl+D: a second "Water" appears, for the participant too.
    await clickNote(facilitator, 'Water')
    await facilitator.keyboard.press('Control+d')
    await expect
      .poll(async () => (await noteTexts(participant)).filter((t) => t === 'Water').length, {
        timeout: SYNC_TIMEOUT,
      })
      .toBe(2)

    // Who is typing: the begeleider edits "Koffie" (a participant changes only their own notes);
    // the participant sees her name on it.
    // Nothing selected first: the selection's toolbar may lie over "Koffie".
    await facilitator.keyboard.press('Escape')
    const koffieForFacilitator = await screenBox(facilitator, koffie)
    if (!koffieForFacilitator) throw new Error('no box')
    await facilitator.mouse.dblclick(koffieForFacilitator.x + 40, koffieForFacilitator.y + 40)
    await facilitator.getByTestId('note-editor').waitFor()
    await expect
      .poll(() => canvasTexts(participant), { timeout: SYNC_TIMEOUT })
      .toContain('Marieke is aan het typen')
    await shot(participant, 'typing')
    await facilitator.keyboard.press('Escape')
    await expect
      .poll(() => canvasTexts(participant), { timeout: SYNC_TIMEOUT })
      .not.toContain('Marieke is aan het typen')

    // Copy two notes and paste them into another board, in another browser profile: the notes go
    // through the system clipboard as JSON (no shared localStorage there).
    await clickNote(facilitator, 'Koffie')
    await clickNote(facilitator, 'Thee', { shift: true })
    await facilitator.keyboard.press('Control+c')
    await expect.poll(() => facilitator.getByTestId('canvas-status').textContent()).toContain('gekopieerd')
    const otherContext = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const other = await otherContext.newPage()
    await createBoardInBrowser(other, server.url, { title: 'Tweede bord', name: 'Marieke' })
    await other.mouse.click(640, 400)
    await other.keyboard.press('Control+v')
    await expect
      .poll(() => noteTexts(other), { timeout: SYNC_TIMEOUT })
      .toEqual(expect.arrayContaining(['Koffie', 'Thee']))
    expect(await noteTexts(other)).toHaveLength(2)
    await shot(other, 'pasted')

    // "?" opens the shortcut sheet.
    await facilitator.bringToFront()
    await facilitator.keyboard.press('Escape')
    await facilitator.keyboard.press('?')
    const sheet = facilitator.getByTestId('shortcut-sheet')
    await sheet.waitFor()
    expect(await sheet.textContent()).toContain('Kopie maken')
    await shot(facilitator, 'shortcut-sheet')
    await facilitator.keyboard.press('Escape')
    await sheet.waitFor({ state: 'hidden' })

    // Ctrl+K runs an action by name: a new note.
    await facilitator.keyboard.press('Control+k')
    await facilitator.getByTestId('command-input').fill('schrijf een brief')
    await shot(facilitator, 'command-menu')
    await facilitator.keyboard.press('Enter')
    await facilitator.getByTestId('note-editor').waitFor()
    await facilitator.keyboard.type('Via het menu')
    await facilitator.keyboard.press('Escape')
    await expect.poll(() => noteTexts(participant), { timeout: SYNC_TIMEOUT }).toContain('Via het menu')
    // Leaving the editor parks focus on the board, not on a zone or toolbar button (where Enter
    // would open a dialog instead of editing the note).
    await expect
      .poll(() => facilitator.evaluate(() => document.activeElement?.classList.contains('canvas-area')))
      .toBe(true)

    // Keyboard only: "." chooses a note (and says which), Enter edits it.
    await facilitator.keyboard.press('Escape')
    await facilitator.keyboard.press('.')
    await expect.poll(() => facilitator.getByTestId('canvas-status').textContent()).toContain('Gekozen: "')
    await facilitator.keyboard.press('Enter')
    await facilitator.getByTestId('note-editor').waitFor()
    await facilitator.keyboard.press('Escape')
    await shot(facilitator, 'end')
    expect(pageErrors).toEqual([])
  }, 120_000)
})
