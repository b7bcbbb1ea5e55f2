import type { Page } from 'playwright-core'

/**
 * Measurements of the phone layout, taken in the page: how much of the screen the board or list
 * gets, whether the page reflows without sideways scrolling, and which targets are too small.
 */

/** Percentage of the viewport's height the board or list shows, with the page scrolled to the top. */
export function contentShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    document.querySelector('.board-page')?.scrollTo(0, 0)
    const main = document.querySelector('.board-main')?.getBoundingClientRect()
    if (!main) return 0
    const visible = Math.min(window.innerHeight, main.bottom) - Math.max(0, main.top)
    return Math.round((Math.max(0, visible) / window.innerHeight) * 100)
  })
}

/** WCAG 1.4.10: nothing needs sideways scrolling (the widest element fits the viewport). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const page = document.querySelector('.board-page')
    return Math.max(document.documentElement.scrollWidth, page?.scrollWidth ?? 0) - window.innerWidth
  })
}

/**
 * Buttons, links and fields rendered smaller than 24x24 CSS px (WCAG 2.5.8), described. Inline
 * links in running text are exempt, as in the rule.
 */
export function smallTargets(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope)
    if (!root) return [`no ${scope}`]
    const targets = root.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary')
    const small: string[] = []
    for (const target of targets) {
      const box = target.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (target.closest('.visually-hidden')) continue
      if (target.tagName === 'A' && target.closest('p')) continue
      if (box.width < 24 || box.height < 24) {
        const name =
          target.getAttribute('data-testid') ?? target.textContent?.trim().slice(0, 20) ?? target.tagName
        small.push(`${name} ${Math.round(box.width)}x${Math.round(box.height)}`)
      }
    }
    return small
  }, within)
}
