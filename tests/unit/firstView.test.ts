import { describe, expect, it } from 'vitest'
import { firstViewport, NARROW_FIRST_SCALE } from '../../client/src/canvas/firstView'
import type { ZoneData } from '../../shared/src/model'

const zone = (id: string, x: number, y: number, width: number): ZoneData =>
  ({ id, x, y, width, height: 400, title: id, prompt: '', color: '#fff' }) as ZoneData

// A template board: a wide question on top, three columns under it.
const zones = [
  zone('top', 0, 0, 2240),
  zone('a', 0, 440, 720),
  zone('b', 760, 440, 720),
  zone('c', 1520, 440, 720),
]
const phone = { width: 390, height: 700 }

describe('the first view of a board', () => {
  it('shows the whole board on a laptop', () => {
    const view = firstViewport(zones, zones, [], { width: 1280, height: 800 })
    // The board's width with a margin of 24 on both sides.
    expect(view.scale).toBeCloseTo((1280 - 48) / 2240)
  })

  it('opens a phone on the first question, readable, its left edge and title in view', () => {
    const view = firstViewport(zones, zones, [], phone)
    expect(view.scale).toBe(NARROW_FIRST_SCALE)
    expect(view.x).toBe(16)
    expect(view.y).toBe(16)
  })

  it("opens a phone on the round's question when it is known", () => {
    const view = firstViewport(zones, zones, ['b'], phone)
    expect(view.x + 760 * view.scale).toBe(16)
    expect(view.y + 440 * view.scale).toBe(16)
  })

  it('fits a narrow question on a phone, never beyond 100 %', () => {
    const small = [zone('s', 100, 100, 300)]
    const view = firstViewport(small, small, [], phone)
    expect(view.scale).toBe(1)
    // Centred: (390 - 300) / 2 from the left.
    expect(view.x + 100).toBe(45)
  })
})
