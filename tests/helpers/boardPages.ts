import type { BrowserContext, Locator, Page } from 'playwright-core'

/** Browser steps shared by the e2e tests: making a board, joining it, reading the note mirror. */

export async function waitConnected(page: Page): Promise<void> {
  await page.locator('[data-testid=connection-status][data-status=connected]').waitFor({ timeout: 15_000 })
}

/** On the landing page: makes a board (optionally from a template) and waits until it is live. */
export async function createBoardInBrowser(
  page: Page,
  baseUrl: string,
  input: { title: string; name: string; templateId?: string },
): Promise<string> {
  await page.goto(baseUrl)
  await page.getByTestId('create-title').fill(input.title)
  await page.getByTestId('create-name').fill(input.name)
  if (input.templateId) await page.getByTestId(`template-option-${input.templateId}`).click()
  await page.getByTestId('create-submit').click()
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/)
  await waitConnected(page)
  await keepFacilitatorLink(page)
  return new URL(page.url()).pathname.split('/').pop() ?? ''
}

/** The join code, read from the share panel (which is closed again). */
export async function readJoinCode(page: Page): Promise<string> {
  await page.getByTestId('share-open').click()
  const code = (await page.getByTestId('share-join-code').textContent())?.trim() ?? ''
  await page.keyboard.press('Escape')
  return code
}

export async function joinInBrowser(
  page: Page,
  baseUrl: string,
  joinCode: string,
  name: string,
): Promise<void> {
  await page.goto(`${baseUrl}/j/${joinCode}`)
  await page.getByTestId('join-name').fill(name)
  await page.getByTestId('join-submit').click()
  await page.waitForURL(/\/b\//)
  await waitConnected(page)
}

/** Zone titles as the screen-reader mirror lists them. */
export function zoneTitles(page: Page): Promise<string[]> {
  return page.getByTestId('note-list').locator('section > h3').allTextContents()
}

export function noteTexts(page: Page): Promise<string[]> {
  return page.getByTestId('note-item').locator('.note-item-text').allTextContents()
}

/** Switches to the canvas or the list view (the toggle is one button: pressed means the list). */
export async function chooseView(page: Page, mode: 'canvas' | 'outline'): Promise<void> {
  const toggle = page.getByTestId('view-toggle')
  const pressed = (await toggle.getAttribute('aria-pressed')) === 'true'
  if (pressed !== (mode === 'outline')) await toggle.click()
  await (mode === 'outline' ? page.getByTestId('outline') : page.locator('.canvas-area')).first().waitFor()
}

/**
 * Participants on a phone start in the list view. Tests of the canvas on a phone start on the
 * canvas instead, as someone who switched once would (a choice made later in the test still holds).
 */
export async function preferCanvas(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (!localStorage.getItem('oogst.view')) localStorage.setItem('oogst.view', 'canvas')
  })
}

/** Unfolds "Wijzigen" on a note in the list, where Aanpassen, Verplaatsen and Weghalen wait. */
export async function openNoteChanges(note: Locator): Promise<void> {
  const toggle = note.getByTestId('outline-change')
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
}

/**
 * A board made in this browser asks the begeleider to keep the facilitator link; returns the link
 * shown and answers "Ik heb de link bewaard" (null when no prompt came).
 */
export async function keepFacilitatorLink(page: Page): Promise<string | null> {
  const dialog = page.getByTestId('keep-key')
  try {
    await dialog.locator('[data-testid=keep-key-url]').waitFor({ timeout: 3000 })
  } catch {
    return null
  }
  const link = (await dialog.getByTestId('keep-key-url').textContent())?.trim() ?? null
  await dialog.getByTestId('keep-key-done').click()
  return link
}
