/**
 * The search of the rate ramp (issue 17), apart from how a step is run so it can be tested on its
 * own: double the rate until a step fails or the *server* saturates, then close in on the highest
 * passing rate in fine steps (≤ `fineRatio` apart, e.g. 10 %), so ratios between servers do not snap
 * to the doubling steps. A failed step is tried once more (one stall of a shared machine should not
 * end a ramp); an overloaded server fails both tries.
 */

/** Which side ran out of CPU in a step: decides whether the ramp measured the server. */
export type SaturatedSide = 'server' | 'generator' | 'others' | null

export interface StepOutcome {
  pass: boolean
  saturated: SaturatedSide
}

export interface RampOptions {
  startRate: number
  maxRate: number
  /** Stop refining when the failing rate is within this factor of the passing one (1.1 = 10 %). */
  fineRatio: number
  /** At most this many refining steps (each may be tried twice). */
  maxRefineSteps: number
  /** Ends the search (performance.now() value). */
  deadline: number
}

export interface RampOutcome {
  maxSustainedRate: number
  firstFailedRate: number | null
  /** Side saturated at the limiting step: 'server' means the figure is the server's. */
  boundBy: SaturatedSide | 'latency' | 'maxRate' | 'time'
}

export async function searchRamp(
  options: RampOptions,
  runStep: (rate: number) => Promise<StepOutcome>,
): Promise<RampOutcome> {
  const timeLeft = () => performance.now() < options.deadline
  /** The last step that failed, or passed with the server saturated: what limits the rate. */
  let limiting: StepOutcome | null = null
  const tryRate = async (rate: number): Promise<StepOutcome> => {
    let outcome = await runStep(rate)
    if (!outcome.pass && timeLeft()) outcome = await runStep(rate)
    if (!outcome.pass || outcome.saturated === 'server') limiting = outcome
    return outcome
  }

  let passed: number | null = null
  let failed: number | null = null
  let serverSaturated = false
  for (let rate = options.startRate; rate <= options.maxRate; rate *= 2) {
    if (!timeLeft()) break
    const outcome = await tryRate(rate)
    if (!outcome.pass) {
      failed = rate
      break
    }
    passed = rate
    if (outcome.saturated === 'server') {
      serverSaturated = true
      break
    }
  }
  // The server was saturated while still passing: go up in fine steps until a step fails.
  for (let i = 0; serverSaturated && i < options.maxRefineSteps && failed === null && timeLeft(); i++) {
    const rate: number = (passed as number) * options.fineRatio
    if ((await tryRate(rate)).pass) passed = rate
    else failed = rate
  }
  // A failure above a pass (or above nothing): bisect geometrically down to the fine ratio.
  for (let i = 0; i < options.maxRefineSteps && failed !== null && timeLeft(); i++) {
    const low: number = passed ?? failed / 4
    if (failed / low <= options.fineRatio) break
    const mid = Math.sqrt(low * failed)
    if ((await tryRate(mid)).pass) passed = mid
    else failed = mid
  }
  return {
    maxSustainedRate: passed ?? 0,
    firstFailedRate: failed,
    boundBy: boundBy(limiting, passed, failed, options),
  }
}

function boundBy(
  limiting: StepOutcome | null,
  passed: number | null,
  failed: number | null,
  options: RampOptions,
): RampOutcome['boundBy'] {
  if (limiting !== null) return limiting.saturated ?? 'latency'
  if (failed === null && passed !== null && passed * 2 > options.maxRate) return 'maxRate'
  return 'time'
}
