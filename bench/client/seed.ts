import * as Y from 'yjs'
import { createNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { connectClient } from '../load/clients'
import { sleep, waitUntil, withTimeout } from '../load/pool'
import type { RoomRef, TargetSpec } from '../targets'

const COLORS = ['yellow', 'orange', 'pink', 'blue', 'green'] as const

/**
 * Fills a board with `count` notes through the shared model, in batches (a y-websocket client, as
 * a script would), and checks with a second client that the server has all of them.
 */
export async function seedBoard(
  target: TargetSpec,
  room: RoomRef,
  count: number,
): Promise<{ stateBytes: number }> {
  const writer = connectClient(target, room, 0)
  if (!(await withTimeout(writer.synced, 15_000))) throw new Error('seeding client did not sync')
  const columns = 50
  for (let start = 0; start < count; start += 100) {
    writer.doc.transact(() => {
      for (let i = start; i < Math.min(count, start + 100); i++) {
        createNote(writer.doc, {
          x: (i % columns) * 220,
          y: 200 + Math.floor(i / columns) * 220,
          authorId: `author-${i % 40}`,
          authorName: `Deelnemer ${i % 40}`,
          text: `Idee ${i}: wat werkte goed in de wijkaanpak en wat zouden we anders doen?`,
          color: COLORS[i % COLORS.length],
        })
      }
    })
    await sleep(20)
  }
  const check = connectClient(target, room, 0)
  await withTimeout(check.synced, 15_000)
  if (!(await waitUntil(() => notesRoot(check.doc).size >= count, 30_000))) {
    throw new Error(`server has ${notesRoot(check.doc).size} of ${count} notes`)
  }
  const stateBytes = Y.encodeStateAsUpdate(check.doc).byteLength
  writer.destroy()
  check.destroy()
  return { stateBytes }
}
