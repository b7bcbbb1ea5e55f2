import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadFixture } from '../../bench/suggestQuality'
import {
  createNote,
  createZone,
  listClusters,
  listNotes,
  listZones,
  NOTE_DEFAULT_SIZE,
  notesRoot,
  readNoteClusterId,
  spotForZone,
} from '../../shared/src/model'
import { seriousAxeViolations } from '../helpers/axe'
import { waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'
import { createBoard, tokenFor } from '../helpers/testServer'
import { connectClient, waitFor, type YClient } from '../helpers/yclient'

/**
 * "Stel groepen voor" in the browser (issue 20): a facilitator asks for groups of a 50-note
 * question, takes over two, renames one, makes them, and one Ongedaan maken takes both away.
 */

const NOTES = 50

async function boardWithOneQuestion(url: string) {
  const board = await createBoard(url, 'Oogstmiddag wijkteams', { templateId: 'leeg' })
  const token = await tokenFor(url, board, 'facilitator', 'Marieke')
  const client = connectClient(`${url.replace(/^http/, 'ws')}/sync`, board.id, token)
  await client.synced
  const zoneId = createZone(client.doc, {
    title: 'Wat maakt samenwerken in de wijk goed?',
    x: 0,
    y: 0,
    width: 1600,
    height: 1200,
  })
  const [first, , third] = loadFixture().questions
  const texts = [...(first?.groups ?? []), ...(third?.groups ?? [])].flatMap((g) => g.notes).slice(0, NOTES)
  texts.forEach((text, i) => {
    const spot = spotForZone(zoneId, listZones(client.doc), listNotes(client.doc), NOTE_DEFAULT_SIZE)
    createNote(client.doc, {
      ...spot,
      zoneId,
      text,
      authorId: `p-${i % 7}`,
      authorName: `Deelnemer ${(i % 7) + 1}`,
    })
  })
  await waitFor(() => listNotes(client.doc).length === NOTES, 10_000, 'the notes')
  return { board, client }
}

/** Notes of the board in a group, as the server's copy (a second client) sees them. */
function groupedNotes(client: YClient): number {
  let count = 0
  notesRoot(client.doc).forEach((note) => {
    if (readNoteClusterId(note)) count++
  })
  return count
}

const shoot = (page: Page, name: string) => page.screenshot({ path: artifactPath(`suggest-${name}.png`) })

describe.skipIf(!chromiumAvailable())('grouping suggestions in the browser', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('suggest'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('takes over two suggested groups, renames one, and undoes both in one step', async () => {
    const { board, client } = await boardWithOneQuestion(server.url)
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true })
    ).newPage()
    await page.goto(`${server.url}/b/${board.id}#key=${encodeURIComponent(board.facilitatorKey)}`)
    const name = page.getByTestId('facilitator-name')
    await Promise.race([name.waitFor(), page.getByTestId('connection-status').waitFor()])
    if (await name.isVisible()) {
      await name.fill('Marieke')
      await page.getByTestId('facilitator-submit').click()
    }
    await waitConnected(page)

    await page.getByTestId('facilitator-open').click()
    await page.getByTestId('facilitator-tab-suggest').click()
    await page.getByTestId('suggest-ask').click()
    // The first request starts a pool thread, which takes a few seconds on a busy machine; a
    // failure shows as the panel's message.
    await page
      .getByTestId('suggest-summary')
      .or(page.getByText('Dat lukte niet'))
      .waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('suggest-message').textContent()).toBe('')
    const groups = page.getByTestId('suggest-group')
    expect(await groups.count()).toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.getByTestId('suggest-summary').textContent()).toContain('50 briefjes')
    // The three "Gelijkwaardigheid" notes are marked as the same note.
    expect(await page.getByTestId('suggest-same').first().textContent()).toContain('3 keer')

    // Take over the "Gelijkwaardigheid" group, with a better name, and the biggest other group.
    const equality = groups.filter({ has: page.locator('[data-testid=suggest-same]', { hasText: '3 keer' }) })
    const other = groups
      .filter({ hasNot: page.locator('[data-testid=suggest-same]', { hasText: '3 keer' }) })
      .first()
    await equality.getByTestId('suggest-accept').check()
    await other.getByTestId('suggest-accept').check()
    await equality.getByTestId('suggest-name').fill('Gelijkwaardig samenwerken')
    const secondName = await other.getByTestId('suggest-name').inputValue()
    await shoot(page, 'proposal')
    expect(await seriousAxeViolations(page)).toEqual([])
    await expect.poll(() => page.getByTestId('suggest-make').textContent()).toBe('Maak 2 groepen')
    await page.getByTestId('suggest-make').click()

    await waitFor(() => listClusters(client.doc).length === 2, 8000, 'two groups')
    expect(
      listClusters(client.doc)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Gelijkwaardig samenwerken', secondName].sort())
    const grouped = groupedNotes(client)
    expect(grouped).toBeGreaterThanOrEqual(4)
    expect(await page.getByTestId('suggest-message').textContent()).toContain('2 groepen gemaakt')
    await page.getByTestId('facilitator-close').click()
    await shoot(page, 'made')

    await page.getByTestId('undo').click()
    await waitFor(() => listClusters(client.doc).length === 0, 8000, 'both groups gone')
    expect(groupedNotes(client)).toBe(0)
    expect(listNotes(client.doc)).toHaveLength(NOTES)
    await shoot(page, 'undone')

    // The three "Gelijkwaardigheid" notes merged into one that shows it stands for three; the
    // other two are in the Prullenbak.
    await page.getByTestId('facilitator-open').click()
    await page.getByTestId('facilitator-tab-suggest').click()
    await page.getByTestId('suggest-ask').click()
    await page.getByTestId('suggest-merge').first().click()
    await waitFor(() => listNotes(client.doc).length === NOTES - 2, 8000, 'two notes merged away')
    await page.getByTestId('facilitator-close').click()
    await expect
      .poll(() => page.getByTestId('note-merged').getAttribute('aria-label'), SYNC)
      .toBe('Samengevoegd uit 3 briefjes')
    await shoot(page, 'merged')
    client.destroy()
  })
})
