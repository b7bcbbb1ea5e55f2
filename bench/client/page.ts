import type { Page } from 'playwright-core'

/**
 * In-page instrumentation for the browser benchmark: a requestAnimationFrame loop that records every
 * frame's timestamp, and notes when the screen-reader note list first holds the whole board (the
 * canvas and the list render from the same state), stamping the time one frame later, after paint.
 */
export interface PageMarks {
  listFullAt: number | null
  notesPaintedAt: number | null
  fcp: number | null
  domContentLoaded: number | null
}

declare global {
  interface Window {
    __bench: { frames: number[]; listFullAt: number | null; notesPaintedAt: number | null; target: number }
  }
}

export async function instrument(page: Page, noteCount: number): Promise<void> {
  // tsx (esbuild keepNames) wraps named functions in __name(); functions Playwright sends to the
  // page are compiled that way too, so the page needs that helper.
  await page.addInitScript('window.__name = window.__name || function (fn) { return fn }')
  await page.addInitScript((target: number) => {
    const bench = {
      frames: [] as number[],
      listFullAt: null as number | null,
      notesPaintedAt: null as number | null,
      target,
    }
    window.__bench = bench
    const tick = (time: number) => {
      bench.frames.push(time)
      if (
        bench.listFullAt === null &&
        document.querySelectorAll('[data-testid=note-item]').length >= bench.target
      ) {
        bench.listFullAt = performance.now()
        requestAnimationFrame(() => {
          bench.notesPaintedAt = performance.now()
        })
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }, noteCount)
}

export async function waitForNotes(page: Page, timeoutMs: number): Promise<PageMarks> {
  await page.waitForFunction(() => window.__bench?.notesPaintedAt !== null, undefined, {
    timeout: timeoutMs,
    polling: 50,
  })
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    return {
      listFullAt: window.__bench.listFullAt,
      notesPaintedAt: window.__bench.notesPaintedAt,
      fcp: fcp ? fcp.startTime : null,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    }
  })
}

export interface FrameStats {
  durationMs: number
  frames: number
  fps: number
  p95FrameMs: number
  maxFrameMs: number
  /** Frames that took longer than 50 ms (visible jank). */
  longFrames: number
}

/** Runs `drive` and returns the frame statistics of the page while it ran. */
export async function measureFrames(page: Page, drive: () => Promise<void>): Promise<FrameStats> {
  const start = await page.evaluate(() => performance.now())
  await drive()
  const end = await page.evaluate(() => performance.now())
  const frames = await page.evaluate(
    ([from, to]) => window.__bench.frames.filter((t) => t >= from && t <= to),
    [start, end] as const,
  )
  const intervals = frames
    .slice(1)
    .map((t, i) => t - (frames[i] as number))
    .sort((a, b) => a - b)
  const at = (q: number) => intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))] ?? 0
  const durationMs = end - start
  return {
    durationMs: Math.round(durationMs),
    frames: frames.length,
    fps: Math.round((frames.length / durationMs) * 1000 * 10) / 10,
    p95FrameMs: Math.round(at(0.95) * 10) / 10,
    maxFrameMs: Math.round((intervals[intervals.length - 1] ?? 0) * 10) / 10,
    longFrames: intervals.filter((ms) => ms > 50).length,
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Trackpad-style panning: wheel events without ctrl, back and forth, for `ms`. */
export async function wheelPan(page: Page, at: { x: number; y: number }, ms: number): Promise<void> {
  await page.mouse.move(at.x, at.y)
  const end = Date.now() + ms
  for (let i = 0; Date.now() < end; i++) {
    const direction = Math.floor(i / 30) % 2 === 0 ? 1 : -1
    await page.mouse.wheel(12 * direction, 8 * direction)
    await pause(8)
  }
}

/** Ctrl+wheel zoom (what a trackpad pinch sends), in and out, for `ms`. */
export async function wheelZoom(page: Page, at: { x: number; y: number }, ms: number): Promise<void> {
  await page.mouse.move(at.x, at.y)
  await page.keyboard.down('Control')
  const end = Date.now() + ms
  for (let i = 0; Date.now() < end; i++) {
    const direction = Math.floor(i / 25) % 2 === 0 ? 1 : -1
    await page.mouse.wheel(0, 10 * direction)
    await pause(8)
  }
  await page.keyboard.up('Control')
}

/** Drags the empty board (the stage pans) in a circle for `ms`. */
export async function dragPan(page: Page, from: { x: number; y: number }, ms: number): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  const start = Date.now()
  while (Date.now() - start < ms) {
    const angle = ((Date.now() - start) / 1000) * Math.PI
    await page.mouse.move(from.x + 150 * Math.sin(angle), from.y + 100 * (1 - Math.cos(angle)))
    await pause(8)
  }
  await page.mouse.up()
}

/** A point on the canvas with no shape under it (so a drag pans the board), or null. */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const konva = (
      window as unknown as {
        Konva?: {
          stages: Array<{ getIntersection(p: { x: number; y: number }): unknown; container(): HTMLElement }>
        }
      }
    ).Konva
    const stage = konva?.stages[0]
    if (!stage) return null
    const box = stage.container().getBoundingClientRect()
    for (let y = 40; y < box.height - 40; y += 7) {
      for (let x = 40; x < box.width - 40; x += 7) {
        if (!stage.getIntersection({ x, y })) return { x: box.left + x, y: box.top + y }
      }
    }
    return null
  })
}
