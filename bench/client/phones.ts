import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { dragPan, emptyCanvasPoint, type FrameStats, instrument, measureFrames, wheelPan } from './page'

/**
 * A cheap Android phone in headless Chromium for the session norm (issue 17): 390×844 touch screen at
 * device pixel ratio 2, the CPU slowed down 4× through the DevTools protocol
 * (Emulation.setCPUThrottlingRate), on the canvas (the heavier view; phones start in the list).
 * It joins with the join code and a name like a participant, and reports in wall-clock time
 * (Date.now, the same clock as the Node side) when the first note and marked notes were painted.
 */
export interface Phone {
  page: Page
  context: BrowserContext
  cdp: CDPSession
  /** Navigation to the join page → first note painted on the board. */
  joinMs: number
  setThrottle(rate: number): Promise<void>
  /** Starts watching for a note containing `marker`; `seenAt(marker)` then gives its paint time. */
  watch(marker: string): Promise<void>
  seenAt(marker: string): Promise<number | null>
  noteCount(): Promise<number>
  panFrames(ms: number): Promise<FrameStats>
  heapMb(): Promise<number>
  close(): Promise<void>
}

declare global {
  interface Window {
    __phone: { firstNoteAt: number | null; wanted: string[]; seen: Record<string, number> }
  }
}

/** In-page: first note painted, and marked notes painted (one frame after they entered the DOM). */
function phoneWatcher(): void {
  const state = {
    firstNoteAt: null as number | null,
    wanted: [] as string[],
    seen: {} as Record<string, number>,
  }
  window.__phone = state
  const paintedNow = (record: (at: number) => void) => requestAnimationFrame(() => record(Date.now()))
  const check = () => {
    if (state.firstNoteAt === null && document.querySelector('[data-testid=note-item]')) {
      state.firstNoteAt = -1
      paintedNow((at) => {
        state.firstNoteAt = at
      })
    }
  }
  const observer = new MutationObserver((mutations) => {
    check()
    if (state.wanted.length === 0) return
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        const text = node.textContent ?? ''
        for (const marker of state.wanted) {
          if (state.seen[marker] === undefined && text.includes(marker)) {
            state.seen[marker] = -1
            paintedNow((at) => {
              state.seen[marker] = at
            })
          }
        }
      }
    }
  })
  const start = () => observer.observe(document.body, { childList: true, subtree: true })
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start)
}

export async function joinPhone(
  browser: Browser,
  options: { httpBase: string; joinCode: string; name: string; throttle: number },
): Promise<Phone> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  await context.addInitScript(() => {
    if (!localStorage.getItem('oogst.view')) localStorage.setItem('oogst.view', 'canvas')
  })
  const page = await context.newPage()
  await instrument(page, 1)
  await page.addInitScript(phoneWatcher)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const setThrottle = async (rate: number) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  }
  await setThrottle(options.throttle)
  const started = Date.now()
  await page.goto(`${options.httpBase}/j/${options.joinCode}`)
  await page.getByTestId('join-name').fill(options.name)
  await page.getByTestId('join-submit').click()
  await page.waitForFunction(() => (window.__phone?.firstNoteAt ?? 0) > 0, undefined, {
    timeout: 60_000,
    polling: 50,
  })
  const firstNoteAt = await page.evaluate(() => window.__phone.firstNoteAt as number)
  return {
    page,
    context,
    cdp,
    joinMs: firstNoteAt - started,
    setThrottle,
    watch: (marker) => page.evaluate((m) => void window.__phone.wanted.push(m), marker),
    async seenAt(marker) {
      const at = await page.evaluate((m) => window.__phone.seen[m] ?? null, marker)
      return at !== null && at > 0 ? at : null
    },
    noteCount: () => page.locator('[data-testid=note-item]').count(),
    async panFrames(ms) {
      await page.waitForTimeout(300)
      const empty = await emptyCanvasPoint(page)
      const centre = { x: 195, y: 500 }
      return measureFrames(page, () => (empty ? dragPan(page, empty, ms) : wheelPan(page, centre, ms)))
    },
    async heapMb() {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: Array<{ name: string; value: number }>
      }
      const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN
      return Math.round((used / 1024 / 1024) * 10) / 10
    },
    close: () => context.close(),
  }
}
