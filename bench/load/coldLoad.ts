import * as Y from 'yjs'
import { createNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { median, round } from '../stats'
import type { RoomRef, TargetSpec } from '../targets'
import { type BenchClient, connectClient } from './clients'
import { sleep, waitUntil, withTimeout } from './pool'
import type { Checkpoint, ColdLoadOptions } from './protocol'

/**
 * Workload 4: a board with `notes` notes (written through the shared model in batches), then
 * repeated loads by a fresh client: "cold" after the room left memory, "warm" while another client
 * keeps it loaded. Time is from creating the provider (TCP connect, upgrade, auth, room load, sync
 * step 1 → step 2) to the provider's synced event; bytes are everything received until then. The
 * arrival of the document message is timed too, separating the server's part from the client's
 * decoding of a ~650 kB update.
 */
export interface LoadSample {
  ms: number
  /** From creating the provider to the document message (sync step 2) arriving: the server's part. */
  step2ArrivedMs: number
  bytes: number
  notes: number
}

export interface ColdLoadResult {
  notes: number
  stateBytes: number
  cold: LoadSample[]
  warm: LoadSample[]
  coldMedianMs: number
  coldStep2MedianMs: number
  warmMedianMs: number
  warmStep2MedianMs: number
  coldBytes: number
}

const BATCH = 100

export async function runColdLoad(
  target: TargetSpec,
  rooms: RoomRef[],
  options: ColdLoadOptions,
  _checkpoint: Checkpoint,
): Promise<ColdLoadResult> {
  const room = rooms[0] as RoomRef
  const writer = connectClient(target, room, 0)
  if (!(await withTimeout(writer.synced, 15_000))) throw new Error('writer did not sync')
  for (let start = 0; start < options.notes; start += BATCH) {
    writer.doc.transact(() => {
      for (let i = start; i < Math.min(options.notes, start + BATCH); i++) {
        createNote(writer.doc, {
          x: (i % 50) * 200,
          y: Math.floor(i / 50) * 200,
          authorId: `author-${i % 40}`,
          authorName: `Deelnemer ${i % 40}`,
          text: `Idee ${i}: wat werkte goed in de wijkaanpak en wat zouden we anders doen?`,
          color: (['yellow', 'orange', 'pink', 'blue', 'green'] as const)[i % 5],
        })
      }
    })
    await sleep(5)
  }
  // Verify with a second client that the server has all of it before the writer leaves.
  const verifier = connectClient(target, room, 1)
  await withTimeout(verifier.synced, 15_000)
  const complete = await waitUntil(() => notesRoot(verifier.doc).size >= options.notes, 30_000)
  if (!complete) throw new Error(`server has ${notesRoot(verifier.doc).size} of ${options.notes} notes`)
  const stateBytes = Y.encodeStateAsUpdate(verifier.doc).byteLength
  writer.destroy()
  verifier.destroy()
  await sleep(options.unloadWaitMs)

  const cold: LoadSample[] = []
  for (let i = 0; i < options.repeats; i++) {
    cold.push(await loadOnce(target, room, i + 2, options.notes))
    await sleep(options.unloadWaitMs)
  }
  const anchor = connectClient(target, room, 0)
  await withTimeout(anchor.synced, 15_000)
  const warm: LoadSample[] = []
  for (let i = 0; i < options.repeats; i++) warm.push(await loadOnce(target, room, i + 2, options.notes))
  anchor.destroy()
  return {
    notes: options.notes,
    stateBytes,
    cold,
    warm,
    coldMedianMs: median(cold.map((s) => s.ms)),
    coldStep2MedianMs: median(cold.map((s) => s.step2ArrivedMs)),
    warmMedianMs: median(warm.map((s) => s.ms)),
    warmStep2MedianMs: median(warm.map((s) => s.step2ArrivedMs)),
    coldBytes: median(cold.map((s) => s.bytes)),
  }
}

async function loadOnce(
  target: TargetSpec,
  room: RoomRef,
  index: number,
  notes: number,
): Promise<LoadSample> {
  const start = performance.now()
  const client: BenchClient = connectClient(target, room, index, true)
  const ok = await withTimeout(client.synced, 15_000)
  const ms = performance.now() - start
  const arrived = client.bigMessageAt()
  const sample = {
    ms: ok ? round(ms, 2) : Number.NaN,
    step2ArrivedMs: arrived === null ? Number.NaN : round(arrived - start, 2),
    bytes: client.bytesIn(),
    notes: notesRoot(client.doc).size,
  }
  client.destroy()
  if (sample.notes < notes) throw new Error(`loaded ${sample.notes} of ${notes} notes`)
  return sample
}
