import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listNotes, listZones, misplacedNotes, overlaps } from '../../shared/src/model'
import { controlRoom } from '../../shared/src/rooms'
import { chooseView, joinInBrowser, preferCanvas, waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { addNote, boardPosition } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC, writeDraft } from '../helpers/sessionPages'
import { api, type CreatedBoard, createBoard, tokenFor } from '../helpers/testServer'
import { connectClient, type YClient } from '../helpers/yclient'

/**
 * A real session's volume on phones: three phones (390x844 and 360x640, touch) and a facilitator
 * each write 20 notes for one question of the LOS board — by "+ Briefje", by the list view, and
 * as private drafts that are then revealed — while a projector watches. Every note must end up
 * inside its question, none covering another, the projector drawing them where the board has
 * them, and the report counting each note in the round it was written in.
 */

const QUESTION = "do's"
const PER_PERSON = 20

async function openFacilitator(page: Page, baseUrl: string, board: CreatedBoard): Promise<void> {
  await page.goto(`${baseUrl}/b/${board.id}#key=${encodeURIComponent(board.facilitatorKey)}`)
  const name = page.getByTestId('facilitator-name')
  await Promise.race([name.waitFor(), page.locator('[data-testid=connection-status]').waitFor()])
  if (await name.isVisible()) {
    await name.fill('Marieke')
    await page.getByTestId('facilitator-submit').click()
  }
  await waitConnected(page)
}

async function openScript(facilitator: Page): Promise<void> {
  if ((await facilitator.getByTestId('facilitator-panel').count()) === 0)
    await facilitator.getByTestId('facilitator-open').click()
  await facilitator.getByTestId('facilitator-tab-script').click()
}

/** One note through the list view's per-question add. */
async function addInList(page: Page, text: string): Promise<void> {
  const section = page.getByTestId('outline-zone').filter({ hasText: QUESTION })
  await section.getByTestId('outline-add').click()
  await page.keyboard.type(text)
  await section.getByTestId('outline-save').click()
}

describe.skipIf(!chromiumAvailable())('notes land in their question at a real session volume', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser
  let reader: YClient | undefined

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('placement'))
  }, 180_000)

  afterAll(async () => {
    reader?.destroy()
    await stopE2e({ browser, server, dataDir })
  })

  it('three phones and a facilitator, 80 notes in one question, a reveal, a projector', async () => {
    const board = await createBoard(server.url, 'Buurtteam Noord', { templateId: 'los-model' })
    // Anouk and Chaima write on the canvas of their phones, Bas in the list.
    const phone = async (width: number, height: number) => {
      const context = await browser.newContext({
        viewport: { width, height },
        isMobile: true,
        hasTouch: true,
      })
      await preferCanvas(context)
      return context.newPage()
    }
    const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
    const [anouk, bas, chaima] = await Promise.all([phone(390, 844), phone(360, 640), phone(390, 844)])
    const projector = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
    const errors: string[] = []
    for (const page of [facilitator, anouk, bas, chaima, projector])
      page.on('pageerror', (e) => errors.push(e.message))

    await openFacilitator(facilitator, server.url, board)
    await joinInBrowser(anouk, server.url, board.joinCode, 'Anouk')
    await joinInBrowser(bas, server.url, board.joinCode, 'Bas')
    await joinInBrowser(chaima, server.url, board.joinCode, 'Chaima')
    await projector.goto(board.viewerUrl)
    await waitConnected(projector)

    const token = await tokenFor(server.url, board, 'facilitator', 'Controle')
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/sync`
    reader = connectClient(wsUrl, board.id, token)
    const control = connectClient(wsUrl, controlRoom(board.id), token)
    await Promise.all([reader.synced, control.synced])
    const doc = reader.doc
    const dos = listZones(doc).find((zone) => zone.title.toLowerCase().includes(QUESTION))
    if (!dos) throw new Error('no question')

    // Round 2 ("LOS-model invullen") runs: its three questions are open for everyone.
    await openScript(facilitator)
    await facilitator.getByTestId('round-row').nth(1).getByTestId('round-start').click()
    await anouk.getByTestId('round-title').waitFor(SYNC)

    // Anouk: "+ Briefje" on her phone. "Ga naar de vraag" shows the round's three questions, so
    // the first note asks which one; the next ones go on in the same question.
    await anouk.getByTestId('go-to-question').click()
    for (let i = 1; i <= PER_PERSON; i++) await addNote(anouk, `Anouk ${i}: luister eerst`, QUESTION)
    // Bas: the list view on a small phone.
    await chooseView(bas, 'outline')
    for (let i = 1; i <= PER_PERSON; i++) await addInList(bas, `Bas ${i}: vraag door`)
    // The facilitator on the laptop.
    await facilitator.keyboard.press('Escape')
    for (let i = 1; i <= PER_PERSON; i++) await addNote(facilitator, `Marieke ${i}: samen doen`, QUESTION)
    await expect
      .poll(() => listNotes(doc).filter((n) => n.zoneId === dos.id).length, SYNC)
      .toBe(3 * PER_PERSON)

    // Round 3 becomes private writing for the same question; Chaima writes drafts, then the reveal.
    await openScript(facilitator)
    const third = facilitator.getByTestId('round-row').nth(2)
    await third.getByTestId('round-edit').click()
    const editor = facilitator.getByTestId('round-editor')
    await editor.getByRole('checkbox', { name: 'Afspraken' }).uncheck()
    await editor.getByRole('checkbox', { name: /do's/ }).check()
    await editor.getByTestId('round-private').check()
    await facilitator.getByTestId('round-save').click()
    await third.getByTestId('round-start').click()
    await chaima.getByTestId('draft-add').waitFor(SYNC)
    for (let i = 1; i <= PER_PERSON; i++) await writeDraft(chaima, `Chaima ${i}: niet te snel`)
    await expect
      .poll(() => facilitator.getByTestId('drafts-count').textContent(), SYNC)
      .toBe(`${PER_PERSON} briefjes worden geschreven`)
    await facilitator.getByTestId('facilitator-tab-writing').click()
    await facilitator.getByTestId('reveal').click()
    const total = 4 * PER_PERSON
    await expect.poll(() => listNotes(doc).filter((n) => n.zoneId === dos.id).length, SYNC).toBe(total)
    // The server grows the question for the participants' notes a moment after they arrive.
    await expect.poll(() => misplacedNotes(doc).length, SYNC).toBe(0)

    const notes = listNotes(doc)
    const inQuestion = notes.filter((note) => note.zoneId === dos.id)
    let overlapping = 0
    for (const [i, a] of inQuestion.entries())
      for (const b of inQuestion.slice(i + 1)) if (overlaps(a, b)) overlapping++
    expect(overlapping).toBe(0)
    const grown = listZones(doc).find((zone) => zone.id === dos.id)
    const below = listZones(doc).find((zone) => zone.title === 'Afspraken')
    expect(grown && below && below.y >= grown.y + grown.height).toBe(true)

    // Everyone draws every note where the board has it: projector, facilitator, a phone. Off-screen
    // notes are not drawn (viewport culling), so "Alles tonen" first (the facilitator's panel
    // closed, as it covers the button); on the phone even 10 % cannot show the grown board whole.
    await facilitator.getByTestId('facilitator-open').click()
    const drawnWhereStored = async (page: Page) => {
      const drawn = await Promise.all(inQuestion.map((note) => boardPosition(page, note.id)))
      const shown = drawn.filter((spot) => spot !== null)
      const right = drawn.filter((spot, i) => spot?.x === inQuestion[i]?.x && spot?.y === inQuestion[i]?.y)
      return { shown: shown.length, wrong: shown.length - right.length }
    }
    for (const page of [projector, facilitator, anouk]) {
      await page.locator('.fit-button').click()
      const minimum = page === anouk ? 3 * PER_PERSON : total
      await expect.poll(async () => (await drawnWhereStored(page)).shown >= minimum, SYNC).toBe(true)
      expect((await drawnWhereStored(page)).wrong).toBe(0)
    }
    await projector.screenshot({ path: artifactPath('placement-projector.png') })
    await anouk.screenshot({ path: artifactPath('placement-phone-390.png') })
    await bas.screenshot({ path: artifactPath('placement-list-360.png') })
    await facilitator.screenshot({ path: artifactPath('placement-facilitator.png') })

    // The report counts each note in its round: 60 written in round 2, 20 revealed in round 3.
    const report = await api<{ model: { rounds: { noteCount: number; participantCount?: number }[] } }>(
      server.url,
      'GET',
      `/api/boards/${board.id}/report/preview`,
      undefined,
      { authorization: `Bearer ${token}` },
    )
    expect(report.body.model.rounds.map((round) => round.noteCount)).toEqual([0, 3 * PER_PERSON, PER_PERSON])
    control.destroy()
    expect(errors).toEqual([])
    console.log(
      `[figure] placement e2e: ${total} notes in one question by 4 people (3 phones), misplaced 0, overlaps ${overlapping}, question grown to ${grown?.height} px`,
    )
  }, 600_000)
})
