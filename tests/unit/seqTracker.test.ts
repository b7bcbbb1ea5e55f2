import { describe, expect, it } from 'vitest'
import { SeqTracker } from '../../server/src/sync/seqTracker'

describe('sequence numbers a room holds', () => {
  it('is complete only up to the first missing number, however the updates arrive', () => {
    const seqs = new SeqTracker()
    seqs.applied(1, 2)
    expect([seqs.complete, seqs.hasGap]).toEqual([2, false])
    // Instance B commits 5 while A's message about 3..4 is still on its way.
    seqs.applied(5, 5)
    expect([seqs.complete, seqs.hasGap]).toEqual([2, true])
    seqs.applied(3, 4)
    expect([seqs.complete, seqs.hasGap]).toEqual([5, false])
    // A repeat (catch-up and a late message) changes nothing.
    seqs.applied(4, 5)
    expect([seqs.complete, seqs.hasGap]).toEqual([5, false])
  })

  it('closes a gap when storage was read, keeping what was applied beyond it', () => {
    const seqs = new SeqTracker()
    seqs.caughtUp(10)
    seqs.applied(12, 12)
    seqs.applied(15, 16)
    expect([seqs.complete, seqs.hasGap]).toEqual([10, true])
    seqs.caughtUp(13)
    expect([seqs.complete, seqs.hasGap]).toEqual([13, true])
    seqs.caughtUp(14)
    expect([seqs.complete, seqs.hasGap]).toEqual([16, false])
  })
})
