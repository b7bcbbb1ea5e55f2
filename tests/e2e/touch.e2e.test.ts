import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createNote,
  getNoteReactions,
  listNotes,
  listRounds,
  listZones,
  NOTE_DEFAULT_SIZE,
  spotForZone,
  updateRound,
} from '../../shared/src/model'
import { controlRoom } from '../../shared/src/rooms'
import { axeRuleViolations } from '../helpers/axe'
import { joinInBrowser } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { api, type CreatedBoard, createBoard, tokenFor } from '../helpers/testServer'
import { stageOffset, touchDrag, visibleNote } from '../helpers/touchPage'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * Taking part on a phone (issue 13): one finger on a note that is not selected pans the board, a
 * tap selects, touch and hold or a drag of the selected note moves it; every target is at least
 * 24x24 px and uncovered (axe target-size) with a note selected, a draft open and voting open;
 * the reaction picker opens only on its button; a dot can be given after "Alles tonen" and undone
 * (the note stays), which is said in the live region.
 */

const FIXTURE = path.resolve(import.meta.dirname, '../../../shared/fixtures/session-volume.json')

function fixtureTexts(): string[] {
  if (!fs.existsSync(FIXTURE)) return Array.from({ length: 60 }, (_, i) => `Briefje ${i + 1}`)
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { questions: { notes: string[] }[] }
  return fixture.questions.flatMap((question) => question.notes)
}

const position = (content: YClient, id: string) => {
  const note = listNotes(content.doc).find((candidate) => candidate.id === id)
  return note ? { x: Math.round(note.x), y: Math.round(note.y) } : null
}

describe.skipIf(!chromiumAvailable())('a phone takes part fully on the canvas', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let board: CreatedBoard
  let content: YClient
  let control: YClient
  let call: (method: string, route: string, body?: unknown) => Promise<{ status: number }>

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('touch'))
    board = await createBoard(server.url, 'Vakgemeenschap Noord', { templateId: 'los-model' })
    const token = await tokenFor(server.url, board, 'facilitator', 'Marieke')
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/sync`
    content = connectClient(wsUrl, board.id, token)
    control = connectClient(wsUrl, controlRoom(board.id), token)
    await Promise.all([content.synced, control.synced])
    // 60 notes over three questions, each in its question's flow.
    const questions = listZones(content.doc).slice(1, 4)
    fixtureTexts().forEach((text, i) => {
      const zone = questions[i % questions.length]
      if (!zone) return
      const spot = spotForZone(zone.id, listZones(content.doc), listNotes(content.doc), NOTE_DEFAULT_SIZE)
      createNote(content.doc, { ...spot, zoneId: zone.id, text, authorId: 'p-bas', authorName: 'Bas' })
    })
    await waitFor(() => listNotes(content.doc).length >= 60, 10_000, 'fixture notes')
    call = (method, route, body) =>
      api(server.url, method, `/api/boards/${board.id}${route}`, body, { authorization: `Bearer ${token}` })
    // Long: on a shared machine the client build may wait for other builds first.
  }, 420_000)

  afterAll(async () => {
    content?.destroy()
    control?.destroy()
    await stopE2e({ browser, server, dataDir })
  })

  async function phone(
    width: number,
    height: number,
    name: string,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width, height },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    // Phones start in the list view; these tests are about the canvas.
    await context.addInitScript(() => localStorage.setItem('oogst.view', 'canvas'))
    const page = await context.newPage()
    await joinInBrowser(page, server.url, board.joinCode, name)
    await page.locator('.canvas-stage canvas').first().waitFor()
    return { context, page }
  }

  /** Zooms in on a note (select it, "zoom to selection", one step out) so fingers can reach notes. */
  async function zoomToANote(page: Page, tap: boolean): Promise<void> {
    await page.waitForTimeout(300)
    const note = await visibleNote(page)
    if (!note) throw new Error('no note on screen')
    const at = { x: note.x + note.width / 2, y: note.y + note.height / 2 }
    if (tap) await page.touchscreen.tap(at.x, at.y)
    else await page.mouse.click(at.x, at.y)
    await page.getByTestId('selection-toolbar').waitFor()
    await page.keyboard.press('Shift+F')
    await page.waitForTimeout(200)
    await page.keyboard.press('-')
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
  }

  it('pans with one finger on a note, selects by tap, moves by hold or a drag of the selected note', async () => {
    const { context, page } = await phone(390, 844, 'Anouk')
    await zoomToANote(page, true)
    await page.screenshot({ path: artifactPath('touch-390-zoomed.png') })
    const first = await visibleNote(page)
    if (!first) throw new Error('no note on screen at 100 %')
    const stored = position(content, first.id)
    const view = await stageOffset(page)
    const centre = { x: first.x + first.width / 2, y: first.y + first.height / 2 }

    // One finger on a note that is not selected: the board moves, the note does not.
    await touchDrag(context, page, centre, { x: centre.x - 60, y: centre.y - 120 })
    await expect.poll(() => stageOffset(page)).toEqual({ x: view.x - 60, y: view.y - 120 })
    await page.waitForTimeout(300)
    expect(position(content, first.id)).toEqual(stored)
    expect(await page.getByTestId('selection-toolbar').count()).toBe(0)

    // A tap selects it; the reaction picker stays closed until asked for.
    const note = await visibleNote(page)
    if (!note) throw new Error('no note on screen after panning')
    const at = { x: note.x + note.width / 2, y: note.y + note.height / 2 }
    await page.touchscreen.tap(at.x, at.y)
    await page.getByTestId('selection-toolbar').waitFor()
    await page.getByTestId('reaction-open').waitFor()
    expect(await page.getByTestId('reaction-add').count()).toBe(0)
    await page.screenshot({ path: artifactPath('touch-390-selected.png') })
    expect(await axeRuleViolations(page, ['target-size'])).toEqual([])

    // Now a drag moves the selected note (by 40 board px at 100 %).
    const before = position(content, note.id)
    await touchDrag(context, page, at, { x: at.x + 48, y: at.y + 48 })
    await expect.poll(() => position(content, note.id), SYNC).not.toEqual(before)
    const after = position(content, note.id)
    expect((after?.x ?? 0) - (before?.x ?? 0)).toBeGreaterThan(20)

    // Touch and hold on another (unselected) note: selected, and the same finger moves it.
    const held = await visibleNote(page, [note.id])
    if (!held) throw new Error('no second note on screen')
    const heldAt = { x: held.x + held.width / 2, y: held.y + held.height / 2 }
    const heldBefore = position(content, held.id)
    const viewBefore = await stageOffset(page)
    await touchDrag(context, page, heldAt, { x: heldAt.x - 40, y: heldAt.y + 40 }, { holdMs: 700 })
    await expect.poll(() => position(content, held.id), SYNC).not.toEqual(heldBefore)
    expect(await stageOffset(page)).toEqual(viewBefore)

    // The picker opens on "Reageren"; a tap elsewhere on the board closes it and reacts with nothing.
    await page.getByTestId('reaction-open').click()
    await expect.poll(() => page.getByTestId('reaction-add').count()).toBe(5)
    await page.screenshot({ path: artifactPath('touch-390-reactions.png') })
    expect(await axeRuleViolations(page, ['target-size'])).toEqual([])
    const canvas = await page.locator('.canvas-area').boundingBox()
    await page.touchscreen.tap((canvas?.x ?? 0) + 12, (canvas?.y ?? 0) + 70)
    await expect.poll(() => page.getByTestId('reaction-add').count()).toBe(0)
    await page.waitForTimeout(300)
    expect(getNoteReactions(content.doc, held.id)).toEqual([])
    await context.close()
  }, 120_000)

  it('a laptop with a note selected has no target smaller than 24 px', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${server.url}/b/${board.id}#key=${encodeURIComponent(board.facilitatorKey)}`)
    const name = page.getByTestId('facilitator-name')
    await Promise.race([name.waitFor(), page.locator('[data-testid=connection-status]').waitFor()])
    if (await name.isVisible()) {
      await name.fill('Marieke')
      await page.getByTestId('facilitator-submit').click()
    }
    await page.locator('.canvas-stage canvas').first().waitFor()
    await page.waitForTimeout(700)
    await zoomToANote(page, false)
    const note = await visibleNote(page)
    if (!note) throw new Error('no note on screen')
    await page.mouse.click(note.x + note.width / 2, note.y + note.height / 2)
    await page.getByTestId('selection-toolbar').waitFor()
    await page.screenshot({ path: artifactPath('touch-laptop-selected.png') })
    expect(await axeRuleViolations(page, ['target-size'])).toEqual([])
    await context.close()
  }, 60_000)

  it('a draft in a private round and voting with reactions: big enough targets; a dot after "Alles tonen", undone', async () => {
    const rounds = listRounds(control.doc)
    const round = rounds[0]
    if (!round) throw new Error('no round')
    updateRound(control.doc, round.id, { privateWriting: true })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await call('POST', '/session', { action: 'start', roundId: round.id })).status).toBe(200)
    const { context, page } = await phone(360, 640, 'Bas')
    await page.getByTestId('draft-add').click()
    const picker = page.getByTestId('zone-picker-choice')
    await page.waitForTimeout(150)
    if (await picker.first().isVisible()) await picker.first().click()
    await page.getByTestId('draft-note').first().waitFor()
    await page.keyboard.type('Buurtkamer elke dinsdag')
    await page.screenshot({ path: artifactPath('touch-360-draft.png') })
    expect(await axeRuleViolations(page, ['target-size'])).toEqual([])

    // Voting on the whole board, with a reaction on a note.
    const target = listNotes(content.doc)[0]
    if (!target) throw new Error('no note')
    // The next round (open writing) ends the private one; voting opens in it.
    const next = rounds[1]
    if (!next) throw new Error('no second round')
    updateRound(control.doc, next.id, { privateWriting: false })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await call('POST', '/session', { action: 'start', roundId: next.id })).status).toBe(200)
    expect(
      (await call('POST', '/voting', { action: 'open', perPerson: 5, maxPerNote: 2, scope: 'board' })).status,
    ).toBe(200)
    await page.getByTestId('votes-left').waitFor()
    await page.getByRole('button', { name: 'Alles tonen' }).first().click()
    await page.waitForTimeout(400)
    const tiny = await visibleNote(page)
    if (!tiny) throw new Error('no note on screen after "Alles tonen"')
    await page.touchscreen.tap(tiny.x + tiny.width / 2, tiny.y + tiny.height / 2)
    await page.getByTestId('selection-dot-add').waitFor()
    await page.getByTestId('reaction-open').click()
    await page.getByTestId('reaction-add').first().click()
    await expect.poll(() => getNoteReactions(content.doc, tiny.id).length, SYNC).toBe(1)
    const left = await page.getByTestId('votes-left').textContent()
    await page.getByTestId('selection-dot-add').click()
    await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).not.toBe(left)
    await page.screenshot({ path: artifactPath('touch-360-voting.png') })
    expect(await axeRuleViolations(page, ['target-size'])).toEqual([])

    // Undo takes the dot back (not a note, not the reaction) and says so.
    const notesBefore = listNotes(content.doc).length
    // The phone's header keeps undo in its menu; the shortcut does the same.
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).toBe(left)
    await expect
      .poll(() => page.getByTestId('live-region').textContent(), SYNC)
      .toMatch(/^Ongedaan gemaakt: stip op/)
    expect(listNotes(content.doc)).toHaveLength(notesBefore)
    expect(getNoteReactions(content.doc, tiny.id)).toHaveLength(1)
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).not.toBe(left)
    await expect.poll(() => page.getByTestId('live-region').textContent(), SYNC).toMatch(/^Opnieuw gedaan/)
    await context.close()
  }, 120_000)
})
