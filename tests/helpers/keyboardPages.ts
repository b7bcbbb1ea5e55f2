import type { Page } from 'playwright-core'

/** Keyboard-only steps and focus checks for the e2e tests (issue 13: announcements and focus). */

/** The focused element's data-testid, or its tag name when it has none ('BODY' when focus is lost). */
export function activeTestId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    if (!active || active === document.body) return 'BODY'
    return active.getAttribute('data-testid') ?? active.tagName
  })
}

/**
 * Presses Tab (or Shift+Tab) until the element with `testId` has focus, as a keyboard user would.
 * Fails after `max` presses, naming where focus went, so a missing stop is easy to see.
 */
export async function tabTo(
  page: Page,
  testId: string,
  options: { back?: boolean; max?: number } = {},
): Promise<void> {
  const seen: string[] = []
  for (let step = 0; step < (options.max ?? 80); step++) {
    if ((await activeTestId(page)) === testId) return
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    seen.push(await activeTestId(page))
  }
  throw new Error(`Tab never reached ${testId}; focus went: ${seen.join(' → ')}`)
}

/** What the page's polite live region says now. */
export function heard(page: Page): Promise<string> {
  return page
    .locator('[aria-live=polite]')
    .allTextContents()
    .then((texts) => texts.join(' | '))
}

/**
 * Every element that could take focus (not disabled, not inert, rendered) whose centre, when on
 * screen, shows the facilitator panel instead of the element itself (WCAG 2.4.11). Elements off
 * screen or scrolled out of their container are not covered: scrolling brings them back.
 * Returns a short description of each covered element.
 */
export function coveredByPanel(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid=facilitator-panel]')
    if (!panel) return ['no panel']
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]'
    const covered: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (panel.contains(element)) continue
      if ((element as HTMLButtonElement).disabled || element.closest('[inert], [hidden]')) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const x = box.left + box.width / 2
      const y = box.top + box.height / 2
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue
      const hit = document.elementFromPoint(x, y)
      if (!hit || element.contains(hit) || hit.contains(element)) continue
      // Clipped by a scrolling ancestor (scrolled out of view) is not "covered".
      if (!panel.contains(hit)) continue
      const name =
        element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.textContent
      covered.push(`${element.tagName.toLowerCase()} ${name?.trim().slice(0, 40)}`)
    }
    return covered
  })
}
