import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { lockedIds, setLocked } from '../../shared/src/model/facilitation'
import { createNote, getNote } from '../../shared/src/model/notes'
import { notesRoot, zonesRoot } from '../../shared/src/model/schema'
import { listZones } from '../../shared/src/model/zones'
import { controlRoom } from '../../shared/src/rooms'
import { asJson, craftUpdate, sendRawUpdate } from '../helpers/craftedUpdates'
import { nextCloseCode, serverHarness } from '../helpers/harness'
import { createBoard, participantIdOf, tokenFor } from '../helpers/testServer'
import { sleep, waitFor } from '../helpers/yclient'

/**
 * Issue 16, F4: the two ways an attack session got around a lock with a hand-made update. The
 * server must refuse both (close 4409) and neither the other clients nor storage may see them.
 */
describe('locks hold against hand-made updates', () => {
  const harness = serverHarness()

  async function setup() {
    const server = await harness.start()
    const board = await createBoard(server.url, 'Sloten', { templateId: 'los-model' })
    const facilitator = await tokenFor(server.url, board, 'facilitator', 'Fenna')
    const anna = await tokenFor(server.url, board, 'participant', 'Anna')
    // Anna's participant id, as the server reads it from her token.
    const annaId = participantIdOf(anna)
    const control = harness.connect(controlRoom(board.id), facilitator)
    const watcher = harness.connect(board.id, facilitator)
    const a = harness.connect(board.id, anna)
    await Promise.all([control.synced, watcher.synced, a.synced])
    const [locked, open] = listZones(a.doc)
    if (!locked || !open) throw new Error('the template has two zones')
    const note = (text: string, zone: typeof open) =>
      createNote(a.doc, {
        x: zone.x + 40,
        y: zone.y + 60,
        authorId: annaId,
        authorName: 'Anna',
        text,
        zoneId: zone.id,
      })
    // Anna's own notes: the lock, not ownership, is what must stop her.
    const lockedNote = note('Vastgezet', open)
    const movable = note('Mijn briefje', open)
    await waitFor(() => notesRoot(watcher.doc).size === 2, 3000, 'notes shared')
    setLocked(control.doc, lockedNote, true)
    setLocked(control.doc, locked.id, true)
    await waitFor(() => lockedIds(control.doc).size === 2, 3000, 'locks set')
    await sleep(100)
    return { board, anna, watcher, lockedNote, movable, lockedZone: locked.id, openZone: open.id }
  }

  /** Sends `update` from a fresh socket of Anna's; expects 4409 and nothing changed anywhere. */
  /** What a reader sees of the notes and zones. */
  const board = (doc: Y.Doc) => JSON.stringify([notesRoot(doc).toJSON(), zonesRoot(doc).toJSON()])

  async function expectRefused(
    context: Awaited<ReturnType<typeof setup>>,
    update: Uint8Array,
  ): Promise<void> {
    const before = board(context.watcher.doc)
    const client = harness.connect(context.board.id, context.anna)
    await client.synced
    const closed = nextCloseCode(client)
    sendRawUpdate(client, update)
    expect(await Promise.race([closed, sleep(3000).then(() => 'still open')])).toBe(4409)
    client.destroy()
    await sleep(100)
    expect(board(context.watcher.doc)).toBe(before)
    const stored = new Y.Doc()
    const saved = await harness.server.server.store.loadRoom(context.board.id)
    for (const part of [saved.snapshot, ...saved.updates]) if (part) Y.applyUpdate(stored, part)
    expect(board(stored)).toBe(before)
  }

  it('refuses a locked note replaced by an origin-less value from a high client id (F4a)', async () => {
    const context = await setup()
    const replace = (value: unknown) =>
      craftUpdate({
        clientID: 4294967200,
        edit: (doc) => notesRoot(doc).set(context.lockedNote, value as Y.Map<unknown>),
      })
    const forged = new Y.Map<unknown>()
    forged.set('text', new Y.Text('Gekaapt'))
    await expectRefused(context, replace(forged))
    await expectRefused(context, replace(null))
    expect(getNote(context.watcher.doc, context.lockedNote)?.text).toBe('Vastgezet')
  })

  it('refuses a zoneId re-encoded as ContentJSON that puts a note into a locked zone (F4b)', async () => {
    const context = await setup()
    const update = craftUpdate({
      base: context.watcher.doc,
      edit: (doc) =>
        (notesRoot(doc).get(context.movable) as Y.Map<unknown>).set('zoneId', context.lockedZone),
      recode: asJson,
    })
    // The update really is ContentJSON (the kind the old check did not read).
    const kinds = Y.decodeUpdate(update).structs.map((struct) => (struct as Y.Item).content?.constructor.name)
    expect(kinds).toEqual(['ContentJSON'])
    await expectRefused(context, update)
    expect(getNote(context.watcher.doc, context.movable)?.zoneId).toBe(context.openZone)
  })

  it('still accepts an honest edit of an unlocked own note', async () => {
    const context = await setup()
    const client = harness.connect(context.board.id, context.anna)
    await client.synced
    const closed: number[] = []
    client.provider.on('connection-close', (event: CloseEvent | null) => closed.push(event?.code ?? 0))
    ;(notesRoot(client.doc).get(context.movable) as Y.Map<unknown>).set('x', 123)
    await waitFor(() => getNote(context.watcher.doc, context.movable)?.x === 123, 3000, 'edit shared')
    expect(closed).toEqual([])
  })
})
