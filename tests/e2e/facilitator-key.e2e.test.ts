import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keepFacilitatorLink, noteTexts, waitConnected } from '../helpers/boardPages'
import { artifactPath, chromiumAvailable } from '../helpers/browser'
import { addNote } from '../helpers/canvasPage'
import { startE2e, stopE2e } from '../helpers/e2eWorld'
import type { ServerProcess } from '../helpers/serverProcess'
import { SYNC } from '../helpers/sessionPages'

/**
 * The begeleider keeps control of a board: right after making it they are asked to keep the
 * facilitator link; with that link a fresh browser (the old one closed, its storage gone) gets back
 * in as begeleider. A JSON backup is restored from the landing page into a new board, and a wrong
 * file gets a plain Dutch answer.
 */

/** On a board page that asks for the begeleider's name (a key link in a new browser): give it. */
async function nameIfAsked(page: Page, name: string): Promise<void> {
  const field = page.getByTestId('facilitator-name')
  await Promise.race([field.waitFor(), page.locator('[data-testid=connection-status]').waitFor()])
  if (await field.isVisible()) {
    await field.fill(name)
    await page.getByTestId('facilitator-submit').click()
  }
  await waitConnected(page)
}

describe.skipIf(!chromiumAvailable())('the begeleider does not lose the board', () => {
  let dataDir: string
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    ;({ dataDir, server, browser } = await startE2e('key'))
  }, 180_000)

  afterAll(async () => {
    await stopE2e({ browser, server, dataDir })
  })

  it('asks to keep the link, gets back in with it, and restores a backup from the landing page', async () => {
    // A board made in the first browser: the prompt comes by itself.
    const first = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await first.newPage()
    await page.goto(server.url)
    await page.getByTestId('create-title').fill('Wijkteam Zuid')
    await page.getByTestId('create-name').fill('Marieke')
    await page.getByTestId('create-submit').click()
    await page.waitForURL(/\/b\//)
    await waitConnected(page)
    await page.getByTestId('keep-key').getByTestId('keep-key-url').waitFor(SYNC)
    await page.screenshot({ path: artifactPath('keep-key-prompt.png') })
    const link = await keepFacilitatorLink(page)
    expect(link).toMatch(/\/b\/[A-Za-z0-9_-]{22}#key=/)
    await addNote(page, 'Eerst kennismaken')
    // Kept: the prompt does not come back on the next visit; the menu still shows it.
    await page.reload()
    await waitConnected(page)
    await page.waitForTimeout(500)
    expect(await page.getByTestId('keep-key-url').isVisible()).toBe(false)
    await page.getByTestId('board-menu').click()
    await page.getByTestId('menu-keep-key').click()
    expect(await page.getByTestId('keep-key-url').textContent()).toBe(link)
    await page.keyboard.press('Escape')
    await first.close()

    // The browser is gone (and its storage with it); the kept link lets her in as begeleider.
    const second = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const again = await second.newPage()
    await again.goto(link ?? '')
    await nameIfAsked(again, 'Marieke')
    expect(await again.getByTestId('role-badge').textContent()).toBe('Begeleider')
    await expect.poll(() => noteTexts(again), SYNC).toEqual(['Eerst kennismaken'])
    expect(await again.getByTestId('keep-key-url').isVisible()).toBe(false)

    // Restore: the JSON backup of this board, picked on the landing page, becomes a new board.
    const boardId = new URL(again.url()).pathname.split('/').pop() ?? ''
    const backup = await again.evaluate(async (id) => {
      const stored = JSON.parse(localStorage.getItem('oogst.boards') ?? '{}')[id]
      const response = await fetch(`/api/boards/${id}/report?format=json`, {
        headers: { authorization: `Bearer ${stored.token}` },
      })
      return response.text()
    }, boardId)
    await again.goto(server.url)
    await again.getByTestId('restore-file').setInputFiles({
      name: 'oogst-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from('dit is geen back-up'),
    })
    await expect.poll(() => again.getByTestId('restore-error').textContent(), SYNC).toContain('geen back-up')
    await again.screenshot({ path: artifactPath('restore-wrong-file.png') })
    await again.getByTestId('restore-file').setInputFiles({
      name: 'oogst-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    })
    await again.waitForURL((url) => url.pathname.startsWith('/b/') && !url.pathname.endsWith(boardId))
    await nameIfAsked(again, 'Marieke')
    expect(await keepFacilitatorLink(again)).toContain('#key=')
    expect(await again.getByTestId('role-badge').textContent()).toBe('Begeleider')
    await expect.poll(() => noteTexts(again), SYNC).toEqual(['Eerst kennismaken'])
    await expect.poll(() => again.getByTestId('board-title').textContent(), SYNC).toBe('Wijkteam Zuid')
    await second.close()
  }, 120_000)
})
