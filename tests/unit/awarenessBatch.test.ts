import { afterEach, describe, expect, it, vi } from 'vitest'
import { AwarenessBatch } from '../../server/src/sync/awarenessBatch'

describe('presence batching', () => {
  afterEach(() => vi.useRealTimers())

  it('sends the first change at once, then one message per window with every id that changed', () => {
    vi.useFakeTimers()
    const sent: number[][] = []
    const batch = new AwarenessBatch(40, (ids) => sent.push(ids), true)
    batch.add([1])
    expect(sent).toEqual([[1]])
    batch.add([2])
    batch.add([3, 2])
    vi.advanceTimersByTime(39)
    expect(sent).toEqual([[1]])
    vi.advanceTimersByTime(1)
    expect(sent).toEqual([[1], [2, 3]])
    // Quiet for a whole window: the next change goes out at once again.
    vi.advanceTimersByTime(40)
    batch.add([4])
    expect(sent).toEqual([[1], [2, 3], [4]])
    batch.stop()
    batch.add([5])
    expect(sent.at(-1)).toEqual([5])
    batch.stop()
  })

  it('without a leading edge every change waits for the window (fan-out)', () => {
    vi.useFakeTimers()
    const sent: number[][] = []
    const batch = new AwarenessBatch(50, (ids) => sent.push(ids), false)
    batch.add([1])
    batch.add([2])
    expect(sent).toEqual([])
    vi.advanceTimersByTime(50)
    expect(sent).toEqual([[1, 2]])
    batch.stop()
  })
})
