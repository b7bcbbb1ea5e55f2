import type { BrowserContext, Page } from 'playwright-core'

/**
 * One finger on a touch screen through the DevTools protocol: playwright's `touchscreen` only
 * taps, and the canvas's gestures need the moves in between (Konva follows touchmove).
 */
export async function touchDrag(
  context: BrowserContext,
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  options: { holdMs?: number; steps?: number } = {},
): Promise<void> {
  const cdp = await context.newCDPSession(page)
  const steps = options.steps ?? 12
  const send = (type: string, point?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: point ? [{ x: Math.round(point.x), y: Math.round(point.y) }] : [],
    } as never)
  await send('touchStart', from)
  if (options.holdMs) await page.waitForTimeout(options.holdMs)
  for (let step = 1; step <= steps; step++) {
    const at = { x: from.x + ((to.x - from.x) * step) / steps, y: from.y + ((to.y - from.y) * step) / steps }
    await send('touchMove', at)
    await page.waitForTimeout(16)
  }
  await send('touchEnd')
  await cdp.detach()
}

/** The stage's offset (the view): changes when the board is panned. */
export function stageOffset(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const stage = (window as unknown as { Konva: { stages: { x(): number; y(): number }[] } }).Konva.stages[0]
    return { x: Math.round(stage?.x() ?? 0), y: Math.round(stage?.y() ?? 0) }
  })
}

/**
 * A note drawn wholly inside the canvas, clear of the bottom toolbar and the header, with its
 * screen box; `skip` leaves out notes already used.
 */
export function visibleNote(
  page: Page,
  skip: readonly string[] = [],
): Promise<{ id: string; x: number; y: number; width: number; height: number } | null> {
  return page.evaluate((used) => {
    type Node = {
      id(): string
      getClientRect(o: object): { x: number; y: number; width: number; height: number }
    }
    const stage = (
      window as unknown as { Konva: { stages: { find(s: string): Node[]; container(): HTMLElement }[] } }
    ).Konva.stages[0]
    if (!stage) return null
    const area = stage.container().getBoundingClientRect()
    const toolbar = document.querySelector('.canvas-toolbar')?.getBoundingClientRect()
    const bottom = Math.min(area.bottom, (toolbar?.top ?? area.bottom) - 8) - 60
    for (const node of stage.find('.note')) {
      if (used.includes(node.id())) continue
      const r = node.getClientRect({ skipShadow: true, skipStroke: true })
      const box = { x: r.x + area.left, y: r.y + area.top, width: r.width, height: r.height }
      if (
        box.x > area.left + 10 &&
        box.y > area.top + 80 &&
        box.x + box.width < area.right - 10 &&
        box.y + box.height < bottom
      )
        return { id: node.id(), ...box }
    }
    return null
  }, skip)
}
