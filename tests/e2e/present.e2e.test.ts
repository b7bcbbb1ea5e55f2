import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createNote,
  listNotes,
  listZones,
  NOTE_DEFAULT_SIZE,
  setFollow,
  spotForZone,
} from '../../shared/src/model'
import { createBoardInBrowser, keepFacilitatorLink } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { type VolumeSession, volumeSession } from '../helpers/volumeSession'

/**
 * Issue 14, part 6: projector mode ("Presenteren") at 1920x1080 with 60 notes. From the back of a
 * room the canvas's "Alles tonen" drew notes at 7–8 px; the projector layout draws them at 24 px
 * or more, the central question larger, and shows the join code and a QR code. It follows the
 * facilitator: a round they start and a question they lead appear, and a new note appears.
 */

interface Sizes {
  notes: number[]
  central: number
  titles: number[]
  timer: number
  code: number
}

/** Computed font sizes (CSS px) of what is on screen and not left out for lack of room. */
function measure(page: Page): Promise<Sizes> {
  return page.evaluate(() => {
    const px = (element: Element | null) =>
      element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0
    const shown = [...document.querySelectorAll('[data-testid=present-note]')].filter((note) => {
      const box = note.getBoundingClientRect()
      return !note.hasAttribute('data-cut') && box.bottom <= innerHeight && box.right <= innerWidth
    })
    return {
      notes: shown.map((note) => px(note.querySelector('.present-note-text'))),
      central: px(document.querySelector('[data-testid=present-central]')),
      titles: [...document.querySelectorAll('.present-question-title')].map(px),
      timer: px(document.querySelector('[data-testid=present-timer]')),
      code: px(document.querySelector('[data-testid=present-join-code]')),
    }
  })
}

async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox()
  return (
    box !== null &&
    box.width > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= 1920 &&
    box.y + box.height <= 1080
  )
}

describe.skipIf(!chromiumAvailable())('projector mode (Presenteren)', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let session: VolumeSession
  let page: Page

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('present'))
    session = await volumeSession(server.url)
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true })
    page = await context.newPage()
    const url = new URL(session.board.viewerUrl)
    url.search = '?present'
    await page.goto(url.toString())
    await page.getByTestId('present-page').waitFor({ timeout: 20_000 })
  }, 420_000)

  afterAll(async () => {
    session?.close()
    await stopE2e({ browser, server, dataDir })
  })

  it('before the first round: the central question, the questions, the join code and a QR code', async () => {
    await expect.poll(() => page.getAttribute('[data-testid=present-page]', 'data-source')).toBe('overview')
    await expect.poll(() => page.getByTestId('present-overview-question').count()).toBeGreaterThan(2)
    expect(await page.getByTestId('present-join-code').textContent()).toContain(session.board.joinCode)
    await page.getByTestId('present-qr').waitFor()
    expect(
      await page.getByTestId('present-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(200)
    expect(await inView(page, 'present-qr')).toBe(true)
    expect(await inView(page, 'present-join-code')).toBe(true)
    expect(await inView(page, 'present-central')).toBe(true)
    await page.screenshot({ path: artifactPath('present-1920-overview.png') })
  }, 60_000)

  it('a round the facilitator starts appears, its notes at 24 px or more, and a new note appears', async () => {
    const question = session.questions[0]
    if (!question) throw new Error('no question')
    await session.startRound(1, { zoneIds: [question.id] })
    const round = session.rounds[1]
    await expect.poll(() => page.getByTestId('present-round-title').textContent()).toBe(round?.title)
    await expect.poll(() => page.getByTestId('present-note').count()).toBe(20)
    await page.getByTestId('present-timer').waitFor()
    const sizes = await measure(page)
    fs.writeFileSync(path.join(os.tmpdir(), 'oogst-present-sizes-1.json'), JSON.stringify(sizes))
    expect(sizes.notes.length).toBeGreaterThanOrEqual(12)
    expect(Math.min(...sizes.notes)).toBeGreaterThanOrEqual(24)
    expect(sizes.central).toBeGreaterThan(Math.max(...sizes.notes))
    expect(Math.min(...sizes.titles)).toBeGreaterThanOrEqual(24)
    expect(sizes.timer).toBeGreaterThan(sizes.central)
    expect(await inView(page, 'present-join-code')).toBe(true)
    expect(await inView(page, 'present-qr')).toBe(true)
    await page.screenshot({ path: artifactPath('present-1920-round.png') })

    const { content } = session
    const spot = spotForZone(question.id, listZones(content.doc), listNotes(content.doc), NOTE_DEFAULT_SIZE)
    createNote(content.doc, {
      ...spot,
      zoneId: question.id,
      text: 'Nieuw: elke maand een buurtlunch',
      authorId: 'p-Bas',
      authorName: 'Bas',
    })
    const fresh = page.getByTestId('present-note').filter({ hasText: 'elke maand een buurtlunch' })
    await fresh.waitFor({ timeout: 10_000 })
    // Newest first, marked as new for a few seconds.
    expect(await fresh.getAttribute('class')).toContain('is-new')
    expect(await page.getByTestId('present-note').first().textContent()).toContain('buurtlunch')
    await page.screenshot({ path: artifactPath('present-1920-new-note.png') })
  }, 60_000)

  it('a round of three questions with 60 notes: readable, the rest counted', async () => {
    await session.startRound(2, { zoneIds: session.questions.map((zone) => zone.id) })
    await expect.poll(() => page.getByTestId('present-question').count()).toBe(3)
    await expect.poll(() => page.getByTestId('present-note').count()).toBe(61)
    const sizes = await measure(page)
    fs.writeFileSync(path.join(os.tmpdir(), 'oogst-present-sizes-3.json'), JSON.stringify(sizes))
    // Three columns of notes at 24 px and more: some of every question, the rest counted below.
    expect(sizes.notes.length).toBeGreaterThanOrEqual(9)
    expect(Math.min(...sizes.notes)).toBeGreaterThanOrEqual(24)
    await expect.poll(() => page.getByTestId('present-more').count()).toBe(3)
    // Notes that came into view with the round are not new; only the one written a moment ago is.
    expect(await page.locator('[data-testid=present-note].is-new').count()).toBeLessThanOrEqual(1)
    await page.screenshot({ path: artifactPath('present-1920-three.png') })
  }, 60_000)

  it('follows the question the facilitator leads', async () => {
    const led = session.questions[1]
    if (!led) throw new Error('no question')
    setFollow(session.control.doc, {
      participantId: 'facilitator',
      name: 'Marieke',
      viewport: { x: led.x + led.width / 2, y: led.y + 40, scale: 1 },
    })
    await expect.poll(() => page.getAttribute('[data-testid=present-page]', 'data-source')).toBe('follow')
    await expect.poll(() => page.getByTestId('present-question').count()).toBe(1)
    expect(await page.locator('.present-question-title').textContent()).toBe(led.title)
    setFollow(session.control.doc, null)
    await expect.poll(() => page.getByTestId('present-question').count()).toBe(3)
  }, 60_000)

  it('marks a new note without motion when the screen asks for reduced motion', async () => {
    const question = session.questions[2]
    if (!question) throw new Error('no question')
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const { content } = session
    const spot = spotForZone(question.id, listZones(content.doc), listNotes(content.doc), NOTE_DEFAULT_SIZE)
    createNote(content.doc, {
      ...spot,
      zoneId: question.id,
      text: 'Rustig: buurtapp voor de straat',
      authorId: 'p-Bas',
      authorName: 'Bas',
    })
    const fresh = page.getByTestId('present-note').filter({ hasText: 'buurtapp voor de straat' })
    await fresh.waitFor({ timeout: 10_000 })
    expect(await fresh.getAttribute('class')).toContain('is-new')
    expect(await fresh.evaluate((note) => getComputedStyle(note).animationName)).toBe('none')
    expect(await fresh.evaluate((note) => getComputedStyle(note).outlineStyle)).toBe('solid')
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    expect(await fresh.evaluate((note) => getComputedStyle(note).animationName)).toBe('present-arrive')
  }, 60_000)

  it('shows the join code only while joining is open', async () => {
    expect((await session.call('POST', '/joining', { open: false })).status).toBe(200)
    await page.getByTestId('present-join').waitFor({ state: 'detached', timeout: 20_000 })
    await page.screenshot({ path: artifactPath('present-1920-joining-closed.png') })
    expect((await session.call('POST', '/joining', { open: true })).status).toBe(200)
    await page.getByTestId('present-join').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('present-join-code').textContent()).toContain(session.board.joinCode)
  }, 60_000)

  it('the facilitator opens it from the share dialog, in a new window', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })
    const facilitator = await context.newPage()
    await createBoardInBrowser(facilitator, server.url, { title: 'Wijkavond', name: 'Marieke' })
    await keepFacilitatorLink(facilitator)
    await facilitator.getByTestId('share-open').click()
    const [projector] = await Promise.all([
      context.waitForEvent('page'),
      facilitator.getByRole('button', { name: 'Presenteren op een tweede scherm' }).click(),
    ])
    await projector.getByTestId('present-page').waitFor({ timeout: 20_000 })
    expect(new URL(projector.url()).search).toBe('?present')
    const code = (await facilitator.getByTestId('share-join-code').textContent())?.trim() ?? ''
    await expect.poll(() => projector.getByTestId('present-join-code').textContent()).toContain(code)
    await context.close()
  }, 60_000)
})
