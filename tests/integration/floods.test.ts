import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  figures,
  honestPair,
  importBigBoard,
  latencyBar,
  serverRssMb,
  watchMemory,
} from '../helpers/floodsMeasure'
import { startFlood } from '../helpers/floodsSpawn'
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess'
import { type CreatedBoard, createBoard, tempDataDir, tokenFor } from '../helpers/testServer'
import { connectClient, sleep, type YClient } from '../helpers/yclient'

/**
 * Issue 16, F3 and F5: a flood of sync step 1 requests on a 20,000-note board, and a presence flood
 * (1.5 MB awareness states at 30/s from 5 sockets of one participant), each while two honest
 * facilitators edit another board. The server runs as its own process (`npm start`'s way), the
 * attacker in another, so only the server's work is measured. The honest client's edit → peer
 * latency must stay below 100 ms at the 99th percentile (the issue's figure), or below twice its
 * own p99 just before the attack when the machine is that loaded (latencyBar). Figures are printed.
 */

const ATTACK_MS = 12_000

describe('floods do not stall other boards', () => {
  let server: ServerProcess
  let big: CreatedBoard
  let honest: Awaited<ReturnType<typeof honestPair>>
  let bigReader: YClient

  beforeAll(async () => {
    server = await startServerProcess({
      dataDir: tempDataDir('oogst-floods-'),
      env: { CLIENT_DIR: tempDataDir() },
    })
    big = await importBigBoard(server.url)
    // The big board is in use (loaded), as it would be during a session: loading 20 MB into
    // memory once is not the attack.
    bigReader = connectClient(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      big.id,
      await tokenFor(server.url, big, 'facilitator', 'Lezer'),
    )
    await bigReader.synced
    const calm = await createBoard(server.url, 'Rustig bord')
    honest = await honestPair(server.url, calm)
    // Warm-up: the first edits pay for loading rooms and JIT.
    const warm = Date.now() + 2000
    await honest.measure(() => Date.now() > warm)
  }, 180_000)

  afterAll(async () => {
    honest?.destroy()
    bigReader?.destroy()
    await server?.stop()
  })

  async function underAttack(plan: Parameters<typeof startFlood>[0], label: string) {
    const baselineEnd = Date.now() + 5000
    const baseline = figures(await honest.measure(() => Date.now() > baselineEnd))
    const rssBefore = await serverRssMb(server.url)
    const memory = watchMemory(server.url)
    const attack = startFlood(plan)
    let attacking = true
    void attack.finally(() => {
      attacking = false
    })
    await sleep(500) // the attack is running
    const during = figures(await honest.measure(() => !attacking))
    const sent = await attack
    const peakMb = await memory.stop()
    console.log(
      `[figure] ${label}: honest edit→peer latency baseline ${JSON.stringify(baseline)}, during ${JSON.stringify(during)}; ` +
        `attacker sent ${sent.sent} frames (${sent.megabytes} MB), closed ${sent.closes}×; server RSS ${rssBefore} MB → peak ${peakMb} MB`,
    )
    return { baseline, during, peakMb, rssBefore, sent }
  }

  it('a flood of sync step 1 requests on a 20,000-note board', async () => {
    const token = await tokenFor(server.url, big, 'participant', 'Aanvaller')
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${big.id}?token=${token}`
    const result = await underAttack(
      { kind: 'step1', url, sockets: 5, rate: 40, durationMs: ATTACK_MS },
      'step-1 flood',
    )
    expect(result.during.samples).toBeGreaterThan(100)
    expect(result.during.p99).toBeLessThan(latencyBar(result.baseline))
    // Answers come from one cached encoding, not one per request (was +880 MB in the report).
    expect(result.peakMb - result.rssBefore).toBeLessThan(300)
  }, 60_000)

  it('a presence flood: 1.5 MB awareness states at 30/s from 5 sockets', async () => {
    const calmToken = await tokenFor(server.url, big, 'participant', 'Aanvaller 2')
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${big.id}?token=${calmToken}`
    const plan = {
      kind: 'awareness' as const,
      url,
      sockets: 5,
      rate: 30,
      stateBytes: 1_500_000,
      durationMs: ATTACK_MS,
    }
    const result = await underAttack(plan, 'awareness flood')
    expect(result.during.samples).toBeGreaterThan(100)
    expect(result.during.p99).toBeLessThan(latencyBar(result.baseline))
    expect(result.peakMb - result.rssBefore).toBeLessThan(300)
  }, 60_000)
})
