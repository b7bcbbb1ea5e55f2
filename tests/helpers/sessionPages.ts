import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { artifactPath } from './browser'

/** Browser steps of the facilitation e2e tests (rounds, drafts, votes), in Dutch UI. */

export const SYNC = { timeout: 8000 }

export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: artifactPath(`session-${name}.png`) })
}

export async function writeDraft(page: Page, text: string, question = 0): Promise<void> {
  await page.getByTestId('draft-add').click()
  // Asked which question when the round has several and more than one is in view.
  await page.waitForTimeout(100)
  const picker = page.getByTestId('zone-picker-choice')
  if (await picker.first().isVisible()) await picker.nth(question).click()
  // The new draft's field takes the focus.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('draft-text')
  await page.keyboard.type(text)
}

export function draftTexts(page: Page): Promise<string[]> {
  return page
    .getByTestId('draft-text')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))
}

export function timerSeconds(page: Page): Promise<number> {
  return page
    .locator('[data-testid=session-timer] .session-timer-digits')
    .textContent()
    .then((text) => {
      const [minutes, seconds] = (text ?? '0:00').split(':').map(Number)
      return (minutes ?? 0) * 60 + (seconds ?? 0)
    })
}

/** The on-screen centre of a note, from its session chips (drawn exactly over the note). */
export async function noteCentre(page: Page, noteId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`[data-testid=note-chips][data-note-id="${noteId}"]`).boundingBox()
  if (!box) throw new Error(`note ${noteId} is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

export async function noteIdByText(page: Page, text: string): Promise<string> {
  const item = page.getByTestId('note-item').filter({ hasText: text })
  return (await item.getAttribute('data-note-id')) ?? ''
}

export async function dot(
  page: Page,
  noteId: string,
  testId: 'dot-add' | 'dot-remove' = 'dot-add',
): Promise<void> {
  const before = await page.getByTestId('votes-left').textContent()
  await page.locator(`[data-testid=note-chips][data-note-id="${noteId}"] [data-testid=${testId}]`).click()
  await expect.poll(() => page.getByTestId('votes-left').textContent(), SYNC).not.toBe(before)
}

/** In the facilitator panel (opened if needed): sets a round's minutes (and lock), then starts it. */
export async function startRound(
  facilitator: Page,
  index: number,
  options: { minutes: number; lockWhenTimeUp?: boolean },
): Promise<void> {
  if ((await facilitator.getByTestId('facilitator-panel').count()) === 0) {
    await facilitator.getByTestId('facilitator-open').click()
  }
  await facilitator.getByTestId('facilitator-tab-script').click()
  const row = facilitator.getByTestId('round-row').nth(index)
  await row.getByTestId('round-edit').click()
  await facilitator.getByTestId('round-minutes-input').fill(String(options.minutes))
  if (options.lockWhenTimeUp) await facilitator.getByTestId('round-lock-time-up').check()
  await facilitator.getByTestId('round-save').click()
  await row.getByTestId('round-start').click()
}

/** A device whose clock is `skewMs` off (Date and the performance clock alike). */
export function skewedClockScript(skewMs: number): string {
  return `(() => {
    const skew = ${skewMs}
    const realNow = Date.now.bind(Date)
    Date.now = () => realNow() + skew
    Object.defineProperty(performance, 'timeOrigin', { value: performance.timeOrigin + skew })
  })()`
}

export function zoomText(page: Page): Promise<string | null> {
  return page.getByTestId('zoom-level').textContent()
}
