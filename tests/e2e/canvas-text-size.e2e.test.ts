import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNote, listNotes, listZones, NOTE_DEFAULT_SIZE, spotForZone } from '../../shared/src/model'
import { joinInBrowser, preferCanvas } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { type CreatedBoard, createBoard, tokenFor } from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * Issue 13: the canvas is readable on a phone when it opens. Fitting a whole template board on a
 * 390 px screen drew questions at 8 CSS px and authors at 6; now a phone's first view shows the
 * first question, its title at 12 px or more and the notes' text and authors at 10 px or more. A
 * laptop still sees the whole board.
 */

const TEXTS = ['Buurtkamer elke dinsdag', 'Samen koken met de wijk', 'Wijkagent op de koffie', 'Moestuin']

interface DrawnSizes {
  scale: number
  titles: number[]
  prompts: number[]
  noteTexts: number[]
  authors: number[]
  zonesOnScreen: number
}

/** CSS pixel sizes of the texts drawn on screen: Konva font size × the stage's zoom. */
function drawnSizes(page: Page): Promise<DrawnSizes> {
  return page.evaluate(() => {
    type Node = {
      getAttr(key: string): number | undefined
      getChildren(): Node[]
      fontSize?(): number
      getClientRect(o: object): { x: number; y: number; width: number; height: number }
    }
    type Stage = { scaleX(): number; width(): number; height(): number; find(s: string): Node[] }
    const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]
    if (!stage) throw new Error('no stage')
    const scale = stage.scaleX()
    const onScreen = (node: Node) => {
      const r = node.getClientRect({ skipShadow: true, skipStroke: true })
      return r.x + r.width > 0 && r.y + r.height > 0 && r.x < stage.width() && r.y < stage.height()
    }
    // Zone texts are Konva Text nodes; a note is one Shape in its group that records what it drew.
    const size = (node: Node, key: string) =>
      Math.round(
        (node.fontSize ? node.fontSize() : (node.getChildren()[0]?.getAttr(key) ?? 0)) * scale * 10,
      ) / 10
    const notes = stage.find('.note').filter(onScreen)
    const zones = stage.find('.zone-title')
    return {
      scale,
      titles: zones.filter(onScreen).map((node) => size(node, '')),
      prompts: stage
        .find('.zone-prompt')
        .filter(onScreen)
        .map((node) => size(node, '')),
      noteTexts: notes.map((node) => size(node, 'textFontSize')),
      authors: notes.map((node) => size(node, 'authorFontSize')),
      zonesOnScreen: zones.filter(onScreen).length,
    }
  })
}

describe.skipIf(!chromiumAvailable())('canvas text is readable at the first view', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let board: CreatedBoard
  let content: YClient

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('textsize'))
    board = await createBoard(server.url, 'Wijkavond', { templateId: 'los-model' })
    const token = await tokenFor(server.url, board, 'facilitator', 'Marieke')
    content = connectClient(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, token)
    await content.synced
    for (const zone of listZones(content.doc)) {
      for (const text of TEXTS) {
        const spot = spotForZone(zone.id, listZones(content.doc), listNotes(content.doc), NOTE_DEFAULT_SIZE)
        createNote(content.doc, { ...spot, zoneId: zone.id, text, authorId: 'p-bas', authorName: 'Bas' })
      }
    }
    await waitFor(() => listNotes(content.doc).length >= TEXTS.length, 10_000, 'notes')
  }, 420_000)

  afterAll(async () => {
    content?.destroy()
    await stopE2e({ browser, server, dataDir })
  })

  it('a 390x844 phone opens on the first question, readable', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    await preferCanvas(context)
    const page = await context.newPage()
    await joinInBrowser(page, server.url, board.joinCode, 'Anouk')
    await page.locator('.canvas-stage canvas').first().waitFor()
    await expect.poll(async () => (await drawnSizes(page)).noteTexts.length).toBeGreaterThan(0)
    await page.screenshot({ path: artifactPath('text-size-390.png') })
    const sizes = await drawnSizes(page)
    fs.writeFileSync(path.join(os.tmpdir(), 'oogst-text-size-390.json'), JSON.stringify(sizes))
    expect(sizes.titles.length).toBeGreaterThan(0)
    expect(Math.min(...sizes.titles)).toBeGreaterThanOrEqual(12)
    expect(Math.min(...sizes.prompts)).toBeGreaterThanOrEqual(12)
    expect(Math.min(...sizes.noteTexts)).toBeGreaterThanOrEqual(10)
    expect(Math.min(...sizes.authors)).toBeGreaterThanOrEqual(10)
    // The whole board is still one button away.
    await page.getByRole('button', { name: 'Alles tonen' }).first().click()
    await expect.poll(async () => (await drawnSizes(page)).zonesOnScreen).toBe(listZones(content.doc).length)
    await context.close()
  }, 60_000)

  it('a 1280x800 laptop still sees the whole board', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
    const page = await context.newPage()
    await joinInBrowser(page, server.url, board.joinCode, 'Bas')
    await page.locator('.canvas-stage canvas').first().waitFor()
    await expect.poll(async () => (await drawnSizes(page)).zonesOnScreen).toBeGreaterThan(0)
    await page.screenshot({ path: artifactPath('text-size-1280.png') })
    const sizes = await drawnSizes(page)
    fs.writeFileSync(path.join(os.tmpdir(), 'oogst-text-size-1280.json'), JSON.stringify(sizes))
    // Zones off screen are not drawn at all (culling), so count them in the document.
    expect(sizes.zonesOnScreen).toBe(listZones(content.doc).length)
    expect(Math.min(...sizes.titles)).toBeGreaterThanOrEqual(10)
    await context.close()
  }, 60_000)
})
