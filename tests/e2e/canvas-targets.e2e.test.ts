import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNote, listNotes, listZones, NOTE_DEFAULT_SIZE, spotForZone } from '../../shared/src/model'
import { axeRuleViolations } from '../helpers/axe'
import { preferCanvas } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { type CreatedBoard, createBoard, tokenFor } from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * Issue 13, targets on the canvas (WCAG 2.5.8, 2.4.11): with a note selected in a question, no
 * question's edit button and no toolbar button is covered (by the selection toolbar, the
 * facilitator's panel or the edge of the canvas), on a laptop with the panel open and on a phone.
 */

const DEBUG = path.join(os.tmpdir(), 'oogst-canvas-targets.log')

/** For every visible button on the canvas: does the point in its centre hit the button itself? */
function coveredButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      '.zone-edit-button, [data-testid=selection-toolbar] button, .selection-actions button, .canvas-toolbar button'
    const covered: string[] = []
    for (const button of document.querySelectorAll<HTMLElement>(selector)) {
      const box = button.getBoundingClientRect()
      if (box.width === 0 || getComputedStyle(button).visibility === 'hidden') continue
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      if (!hit || !button.contains(hit)) {
        const what = hit ? `${hit.tagName}.${hit.className}` : 'nothing'
        covered.push(`${button.getAttribute('aria-label') ?? button.textContent} under ${what}`)
      }
    }
    return covered
  })
}

describe.skipIf(!chromiumAvailable())('canvas targets with a note selected in a question', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let board: CreatedBoard
  let content: YClient
  const pageErrors: string[] = []

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('targets'))
    board = await createBoard(server.url, 'Buurtavond', { templateId: 'los-model' })
    const token = await tokenFor(server.url, board, 'facilitator', 'Marieke')
    content = connectClient(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, token)
    await content.synced
    // Six notes in every question, in each question's flow (the first row right under its title).
    const zones = listZones(content.doc)
    for (const zone of zones) {
      for (let i = 0; i < 6; i++) {
        const spot = spotForZone(zone.id, listZones(content.doc), listNotes(content.doc), NOTE_DEFAULT_SIZE)
        createNote(content.doc, {
          ...spot,
          zoneId: zone.id,
          text: `Idee ${i + 1}`,
          authorId: 'p-bas',
          authorName: 'Bas',
        })
      }
    }
    await waitFor(() => listNotes(content.doc).length >= zones.length * 6, 10_000, 'notes')
  }, 420_000)

  afterAll(async () => {
    content?.destroy()
    await stopE2e({ browser, server, dataDir })
  })

  async function openAsFacilitator(context: BrowserContext): Promise<Page> {
    const page = await context.newPage()
    // Toolbars and edit buttons that make room for each other once swung between two places until
    // React gave up ("maximum update depth") and the page went blank.
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${server.url}/b/${board.id}#key=${encodeURIComponent(board.facilitatorKey)}`)
    const name = page.getByTestId('facilitator-name')
    await Promise.race([name.waitFor(), page.locator('[data-testid=connection-status]').waitFor()])
    if (await name.isVisible()) {
      await name.fill('Marieke')
      await page.getByTestId('facilitator-submit').click()
    }
    await page.locator('.canvas-stage canvas').first().waitFor()
    await page.waitForTimeout(500)
    return page
  }

  /**
   * Selects, one after the other, the notes at the top right of each question on screen (where the
   * selection toolbar meets the question's edit button) and checks the targets each time.
   */
  async function checkEachTopNote(
    page: Page,
    tap: boolean,
    label: string,
    withEditButtons = true,
  ): Promise<void> {
    const notes = await page.evaluate(() => {
      type Node = {
        id(): string
        getClientRect(o: object): { x: number; y: number; width: number; height: number }
      }
      const stage = (
        window as unknown as { Konva: { stages: { find(s: string): Node[]; container(): HTMLElement }[] } }
      ).Konva.stages[0]
      if (!stage) return []
      const area = stage.container().getBoundingClientRect()
      return (
        stage
          .find('.note')
          .map((node) => {
            const r = node.getClientRect({ skipShadow: true, skipStroke: true })
            return { id: node.id(), x: r.x + area.left + r.width / 2, y: r.y + area.top + r.height / 2 }
          })
          .filter(
            (n) =>
              n.x > area.left + 4 && n.x < area.right - 4 && n.y > area.top + 4 && n.y < area.bottom - 90,
          )
          // Zoomed far out a question's edit button lies over its first notes: tap only what shows.
          .filter((n) => document.elementFromPoint(n.x, n.y)?.tagName === 'CANVAS')
      )
    })
    const editButtons = await page.locator('.zone-edit-button').count()
    fs.appendFileSync(DEBUG, `${label}: ${notes.length} notes, ${editButtons} edit buttons on screen\n`)
    expect(notes.length).toBeGreaterThan(0)
    // Nothing selected yet: the questions on screen show their edit buttons, uncovered.
    if (withEditButtons) expect(editButtons).toBeGreaterThan(0)
    expect(await coveredButtons(page)).toEqual([])
    for (const [index, note] of notes.slice(0, 8).entries()) {
      if (tap) await page.touchscreen.tap(note.x, note.y)
      else await page.mouse.click(note.x, note.y)
      await page
        .getByTestId('selection-toolbar')
        .waitFor({ timeout: 4000 })
        .catch(async (error) => {
          await page.screenshot({ path: artifactPath(`targets-debug-${label}.png`) })
          fs.appendFileSync(DEBUG, `tap at ${JSON.stringify(note)} failed\n`)
          throw error
        })
      await page.waitForTimeout(150)
      if (index === 0) await page.screenshot({ path: artifactPath(`targets-${label}.png`) })
      const covered = await coveredButtons(page)
      const axe = await axeRuleViolations(page, ['target-size'])
      fs.appendFileSync(
        DEBUG,
        `${label} ${note.id}: covered ${JSON.stringify(covered)} axe ${JSON.stringify(axe)}\n`,
      )
      expect({ note: note.id, covered, axe }).toEqual({ note: note.id, covered: [], axe: [] })
      await page.keyboard.press('Escape')
    }
  }

  it('a facilitator at 1280x800 with the session panel open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
    const page = await openAsFacilitator(context)
    await page.getByTestId('facilitator-open').click()
    await page.getByTestId('facilitator-panel').waitFor()
    await page.waitForTimeout(300)
    await checkEachTopNote(page, false, 'laptop-panel')
    // At 100 % the notes are bigger than the toolbars: other overlaps than at the first view.
    await page.keyboard.press('0')
    await page.waitForTimeout(300)
    await checkEachTopNote(page, false, 'laptop-panel-100')
    expect(pageErrors).toEqual([])
    await context.close()
  }, 120_000)

  it('a facilitator on a 390x844 touch phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    await preferCanvas(context)
    const page = await openAsFacilitator(context)
    // The first view shows the first question readably, wider than the screen: its edit button is
    // off screen. With the whole board shown ("Alles tonen") every question shows its button.
    await checkEachTopNote(page, true, 'phone', false)
    await page.keyboard.press('f')
    await page.waitForTimeout(300)
    await checkEachTopNote(page, true, 'phone-whole-board')
    expect(pageErrors).toEqual([])
    await context.close()
  }, 120_000)
})
