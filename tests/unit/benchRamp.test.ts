import { describe, expect, it } from 'vitest'
import { type SaturatedSide, type StepOutcome, searchRamp } from '../../bench/load/ramp'

/**
 * The rate ramp of `npm run bench` (issue 17): its figure must land within 10 % of what a server
 * can really do, not on a doubling step, and it must say which side ran out of CPU.
 */
function fakeServer(capacity: number, side: SaturatedSide = 'server') {
  const tried: number[] = []
  const step = async (rate: number): Promise<StepOutcome> => {
    tried.push(rate)
    return { pass: rate <= capacity, saturated: rate > 0.85 * capacity ? side : null }
  }
  return { step, tried }
}

const options = (extra: Partial<Parameters<typeof searchRamp>[0]> = {}) => ({
  startRate: 50,
  maxRate: 25_600,
  fineRatio: 1.1,
  maxRefineSteps: 8,
  deadline: performance.now() + 60_000,
  ...extra,
})

describe('rate ramp search', () => {
  it.each([130, 566, 1131, 1900, 4321])(
    'finds a capacity of %i edits/s within 10 %%, bound by the server',
    async (capacity) => {
      const server = fakeServer(capacity)
      const outcome = await searchRamp(options(), server.step)
      expect(outcome.maxSustainedRate).toBeLessThanOrEqual(capacity)
      expect(outcome.maxSustainedRate).toBeGreaterThanOrEqual(capacity / 1.1)
      expect(outcome.boundBy).toBe('server')
    },
  )

  it('does not snap two servers of different capacity to the same doubling step', async () => {
    const a = await searchRamp(options(), fakeServer(1131).step)
    const b = await searchRamp(options(), fakeServer(1600).step)
    expect(b.maxSustainedRate / a.maxSustainedRate).toBeGreaterThan(1.25)
    expect(b.maxSustainedRate / a.maxSustainedRate).toBeLessThan(1.6)
  })

  it('says when the load generator, not the server, was the limit', async () => {
    const outcome = await searchRamp(options(), fakeServer(800, 'generator').step)
    expect(outcome.boundBy).toBe('generator')
  })

  it('tries a failed rate twice before it counts (one stall of the machine is not the limit)', async () => {
    let calls = 0
    const flaky = async (rate: number): Promise<StepOutcome> => {
      calls++
      // The step at 400 edits/s fails once, then passes.
      if (rate === 400 && calls % 2 === 0 && calls < 10) return { pass: false, saturated: null }
      return { pass: rate <= 1000, saturated: rate > 850 ? 'server' : null }
    }
    const outcome = await searchRamp(options(), flaky)
    expect(outcome.maxSustainedRate).toBeGreaterThan(900)
  })

  it('reports the top of the range when nothing failed', async () => {
    const outcome = await searchRamp(options({ maxRate: 400 }), fakeServer(10_000).step)
    expect(outcome).toMatchObject({ maxSustainedRate: 400, firstFailedRate: null, boundBy: 'maxRate' })
  })
})
