import { NOTE_COLORS } from '../../shared/src/model/colors'
import { api, type CreatedBoard, createBoard, tokenFor } from './testServer'
import { connectClient, sleep, type YClient } from './yclient'

/**
 * What the issue-16 attack tests measure: an honest client's edit → peer latency (one facilitator
 * writes, another sees it, both real y-websocket clients on a board the attack does not touch),
 * the server's memory, and a board of 20,000 notes built through the import API.
 */

export interface LatencyFigures {
  samples: number
  p50: number
  p99: number
  max: number
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

export function figures(latencies: readonly number[]): LatencyFigures {
  return {
    samples: latencies.length,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    max: Math.round(Math.max(...latencies) * 10) / 10,
  }
}

/**
 * The bar for the honest client's p99 during an attack: the 100 ms, or twice what the same
 * client saw just before the attack when the machine itself was that slow (other test files on the
 * same two cores); the unprotected server measured 4.9 s and 27 s.
 */
export function latencyBar(baseline: LatencyFigures): number {
  return Math.max(100, 2 * baseline.p99)
}

/** Two facilitators on their own board; `measure` edits on one and times the other seeing it. */
export async function honestPair(
  baseUrl: string,
  board: CreatedBoard,
): Promise<{
  measure: (until: () => boolean, gapMs?: number) => Promise<number[]>
  destroy: () => void
}> {
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/sync`
  const writer: YClient = connectClient(
    wsUrl,
    board.id,
    await tokenFor(baseUrl, board, 'facilitator', 'Schrijver'),
  )
  const watcher: YClient = connectClient(
    wsUrl,
    board.id,
    await tokenFor(baseUrl, board, 'facilitator', 'Kijker'),
  )
  await Promise.all([writer.synced, watcher.synced])
  const probes = watcher.doc.getMap('meta')
  let counter = 0
  const once = (): Promise<number> =>
    new Promise((resolve) => {
      const value = `probe-${counter++}`
      const sentAt = performance.now()
      const seen = () => {
        if (probes.get('probe') !== value) return
        probes.unobserve(seen)
        resolve(performance.now() - sentAt)
      }
      probes.observe(seen)
      writer.doc.getMap('meta').set('probe', value)
    })
  return {
    async measure(until, gapMs = 20) {
      const latencies: number[] = []
      while (!until()) {
        latencies.push(await once())
        await sleep(gapMs)
      }
      return latencies
    },
    destroy() {
      writer.destroy()
      watcher.destroy()
    },
  }
}

/** Resident memory of the server process, from its own Prometheus metrics. */
export async function serverRssMb(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text()
  const match = text.match(/^oogst_process_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)/m)
  return match?.[1] ? Math.round(Number(match[1]) / 1024 / 1024) : Number.NaN
}

/** Samples the server's memory every 500 ms until stopped; returns the peak in MB. */
export function watchMemory(baseUrl: string): { stop: () => Promise<number> } {
  let peak = 0
  let running = true
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await serverRssMb(baseUrl).catch(() => 0))
      await sleep(500)
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      return peak
    },
  }
}

/**
 * A board of `notes` notes of `textLength` characters each, imported from a backup (the backup of
 * a fresh board with the notes added), the way a facilitator restores one.
 */
export async function importBigBoard(
  baseUrl: string,
  notes = 20_000,
  textLength = 900,
): Promise<CreatedBoard> {
  const seed = await createBoard(baseUrl, 'Groot bord')
  const download = await fetch(`${baseUrl}/api/boards/${seed.id}/report?format=json`, {
    headers: { authorization: `Bearer ${seed.facilitatorKey}` },
  })
  const backup = (await download.json()) as { zones: Array<{ id: string }>; notes: unknown[] }
  const zoneIds = backup.zones.map((zone) => zone.id)
  const filler = 'Dit is een briefje met een idee over de wijk en wat we daar samen kunnen doen. '
  backup.notes = Array.from({ length: notes }, (_, i) => ({
    id: `n${i}`,
    text: `${i} ${filler.repeat(Math.ceil(textLength / filler.length))}`.slice(0, textLength),
    x: (i % 100) * 220,
    y: Math.floor(i / 100) * 160,
    width: 200,
    height: 140,
    color: NOTE_COLORS[i % NOTE_COLORS.length],
    zoneId: zoneIds.length > 0 ? zoneIds[i % zoneIds.length] : null,
    clusterId: null,
    roundId: null,
    anonymous: false,
    authorId: `p${i % 40}`,
    authorName: `Deelnemer ${i % 40}`,
    createdAt: 1_780_000_000_000 + i,
    z: i,
    reactions: {},
  }))
  const { status, body } = await api<CreatedBoard>(baseUrl, 'POST', '/api/boards/import', backup)
  if (status !== 201) throw new Error(`import failed: ${status} ${JSON.stringify(body).slice(0, 300)}`)
  return body
}
