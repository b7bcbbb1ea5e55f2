import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chooseView,
  createBoardInBrowser,
  joinInBrowser,
  noteTexts,
  openNoteChanges,
  readJoinCode,
} from '../helpers/boardPages'
import { chromiumAvailable } from '../helpers/browser'
import { addNote, noteId, screenBox } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'

/**
 * Issue 14, "Notes do not vanish", in the browser: a participant is offered only Verplaatsen for
 * someone else's note in the list, the facilitator is asked before removing it, and puts it back
 * from the Prullenbak.
 */

/** Note texts in the list view (the screen-reader mirror is the canvas's). */
const listTexts = (page: Page) => page.getByTestId('outline-note-text').allTextContents()
const listNote = (page: Page, text: string) => page.locator('[data-testid=outline-note]', { hasText: text })

describe.skipIf(!chromiumAvailable())('whose notes and the Prullenbak', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('notes-trash'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it("offers no edit or delete of another's note, asks before removing, restores from the Prullenbak", async () => {
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const ahmed = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    const fatima = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage()
    await createBoardInBrowser(facilitator, server.url, { title: 'Prullenbak', name: 'Marieke' })
    const code = await readJoinCode(facilitator)
    await joinInBrowser(ahmed, server.url, code, 'Ahmed')
    await joinInBrowser(fatima, server.url, code, 'Fatima')
    await chooseView(ahmed, 'canvas')
    await addNote(ahmed, 'Van Ahmed')
    await expect.poll(() => noteTexts(facilitator), SYNC).toEqual(['Van Ahmed'])

    // Fatima, on the canvas: Ahmed's note selected shows no colours and no Weghalen; Delete does nothing.
    await chooseView(fatima, 'canvas')
    const id = await noteId(fatima, 'Van Ahmed')
    await expect.poll(() => screenBox(fatima, id), SYNC).not.toBeNull()
    const box = await screenBox(fatima, id)
    if (!box) throw new Error("Ahmed's note is not drawn")
    await fatima.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await fatima.getByTestId('selection-toolbar').waitFor(SYNC)
    expect(await fatima.getByTestId('delete-note').count()).toBe(0)
    expect(await fatima.getByTestId('color-blue').count()).toBe(0)
    await fatima.keyboard.press('Delete')
    await fatima.waitForTimeout(300)
    expect(await noteTexts(fatima)).toEqual(['Van Ahmed'])

    // Fatima, in the list: Ahmed's note may be moved, not changed or removed.
    await chooseView(fatima, 'outline')
    const hers = listNote(fatima, 'Van Ahmed')
    await hers.waitFor(SYNC)
    await openNoteChanges(hers)
    expect(await hers.getByTestId('outline-move').count()).toBe(1)
    expect(await hers.getByTestId('outline-edit').count()).toBe(0)
    expect(await hers.getByTestId('outline-delete').count()).toBe(0)

    // The facilitator removes it: asked first; "Annuleren" keeps it.
    await chooseView(facilitator, 'outline')
    const note = listNote(facilitator, 'Van Ahmed')
    await openNoteChanges(note)
    const questions: string[] = []
    facilitator.once('dialog', (dialog) => {
      questions.push(dialog.message())
      void dialog.dismiss()
    })
    await note.getByTestId('outline-delete').click()
    await expect.poll(() => questions.length, SYNC).toBe(1)
    expect(questions[0]).toContain('Prullenbak')
    expect(await listTexts(fatima)).toEqual(['Van Ahmed'])
    facilitator.once('dialog', (dialog) => void dialog.accept())
    await openNoteChanges(note)
    await note.getByTestId('outline-delete').click()
    await expect.poll(() => listTexts(fatima), SYNC).toEqual([])

    // The Prullenbak: the note, who wrote and who removed it, and "Terugzetten".
    await facilitator.getByTestId('facilitator-open').click()
    await facilitator.getByTestId('facilitator-tab-trash').click()
    const trashed = facilitator.getByTestId('trash-note')
    await expect.poll(() => trashed.allTextContents(), SYNC).toEqual([expect.stringContaining('Van Ahmed')])
    expect(await trashed.textContent()).toContain('weggehaald door Marieke')
    await trashed.getByTestId('trash-restore').click()
    await expect.poll(() => listTexts(fatima), SYNC).toEqual(['Van Ahmed'])
    await expect.poll(() => trashed.count(), SYNC).toBe(0)
  })
})
