import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardRecord, DuplicateError, type Persistence } from '../../server/src/persistence/types'
import { communityContract } from './persistenceCommunity.contract'

/**
 * The one storage contract every adapter must pass (memory, SQLite, PostgreSQL). Each call of
 * `factory` must return a fresh, empty store; `reopen` (when given) reopens the same data, to check
 * that what was written survives the process; `tablesMentioning` (databases) names the tables with
 * a row containing a text, read directly from the database.
 */
export function persistenceContract(
  name: string,
  factory: () => Promise<{
    store: Persistence
    reopen?: () => Promise<Persistence>
    tablesMentioning?: (text: string) => Promise<string[]>
  }>,
): void {
  describe(`persistence contract: ${name}`, () => {
    let store: Persistence
    let reopen: (() => Promise<Persistence>) | undefined
    let tablesMentioning: ((text: string) => Promise<string[]>) | undefined

    beforeEach(async () => {
      ;({ store, reopen, tablesMentioning } = await factory())
    })
    afterEach(async () => {
      await store.close()
    })

    const noteUpdate = (text: string): Uint8Array => {
      const doc = new Y.Doc()
      doc.getMap('notes').set(text, text)
      return Y.encodeStateAsUpdate(doc)
    }
    const replay = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
      const doc = new Y.Doc()
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      return [...doc.getMap('notes').keys()].sort()
    }

    it('loads an unknown room as empty', async () => {
      expect(await store.loadRoom('nothing-here')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    })

    it('appends updates in order with increasing sequence numbers', async () => {
      expect(await store.appendUpdates('r', [noteUpdate('a')])).toBe(1)
      expect(await store.appendUpdates('r', [noteUpdate('b'), noteUpdate('c')])).toBe(3)
      const stored = await store.loadRoom('r')
      expect(stored.lastSeq).toBe(3)
      expect(stored.updates).toHaveLength(3)
      expect(replay(stored)).toEqual(['a', 'b', 'c'])
      expect(await store.logLength('r')).toBe(3)
    })

    it('keeps rooms apart', async () => {
      await store.appendUpdates('r1', [noteUpdate('one')])
      await store.appendUpdates('r2', [noteUpdate('two')])
      expect(replay(await store.loadRoom('r1'))).toEqual(['one'])
      expect(replay(await store.loadRoom('r2'))).toEqual(['two'])
    })

    it('compacts up to a sequence number and keeps later updates', async () => {
      await store.appendUpdates('r', [noteUpdate('a'), noteUpdate('b')])
      const doc = new Y.Doc()
      for (const update of (await store.loadRoom('r')).updates) Y.applyUpdate(doc, update)
      await store.appendUpdates('r', [noteUpdate('c')])
      await store.compactRoom('r', Y.encodeStateAsUpdate(doc), 2)
      const stored = await store.loadRoom('r')
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toHaveLength(1)
      expect(await store.logLength('r')).toBe(1)
      expect(replay(stored)).toEqual(['a', 'b', 'c'])
      // Numbering continues after compaction even when the log was emptied.
      await store.compactRoom('r', Y.encodeStateAsUpdate(doc), 3)
      expect(await store.appendUpdates('r', [noteUpdate('d')])).toBe(4)
    })

    it('loads only what came after a sequence number (gap backfill)', async () => {
      await store.appendUpdates('r', [noteUpdate('a'), noteUpdate('b'), noteUpdate('c')])
      const tail = await store.loadRoom('r', 1)
      expect(tail.snapshot).toBeNull()
      expect(tail.lastSeq).toBe(3)
      expect(replay(tail)).toEqual(['b', 'c'])
      expect(await store.loadRoom('r', 3)).toEqual({ snapshot: null, updates: [], lastSeq: 3 })
      // Once compacted past the requested point, the snapshot comes along.
      const doc = new Y.Doc()
      for (const update of (await store.loadRoom('r')).updates) Y.applyUpdate(doc, update)
      await store.compactRoom('r', Y.encodeStateAsUpdate(doc), 3)
      await store.appendUpdates('r', [noteUpdate('d')])
      const after = await store.loadRoom('r', 1)
      expect(after.snapshot).not.toBeNull()
      expect(after.lastSeq).toBe(4)
      expect(replay(after)).toEqual(['a', 'b', 'c', 'd'])
    })

    it('never replaces a snapshot by an older one', async () => {
      await store.appendUpdates('r', [noteUpdate('a'), noteUpdate('b')])
      await store.compactRoom('r', noteUpdate('both'), 2)
      await store.compactRoom('r', noteUpdate('stale'), 1)
      expect(replay(await store.loadRoom('r'))).toEqual(['both'])
    })

    it('deletes a room with its log and snapshot', async () => {
      await store.appendUpdates('r', [noteUpdate('a')])
      await store.compactRoom('r', noteUpdate('a'), 1)
      await store.deleteRoom('r')
      expect(await store.loadRoom('r')).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
    })

    const board = (id: string, joinCode: string): BoardRecord => ({
      id,
      title: 'Wijkavond',
      language: 'nl',
      templateId: 'leeg',
      joinCode,
      facilitatorKeyHash: 'ab'.repeat(32),
      createdAt: 1_700_000_000_000,
      lastActivityAt: 1_700_000_000_000,
      facilitatorTokensValidAfter: 0,
    })

    it('stores boards and finds them by id and join code', async () => {
      await store.createBoard(board('b1', 'AAA-AAA'))
      expect(await store.getBoard('b1')).toEqual(board('b1', 'AAA-AAA'))
      expect((await store.getBoardByJoinCode('AAA-AAA'))?.id).toBe('b1')
      expect(await store.getBoard('missing')).toBeNull()
      expect(await store.getBoardByJoinCode('CCC-CCC')).toBeNull()
    })

    it('refuses a duplicate board id or join code', async () => {
      await store.createBoard(board('b1', 'AAA-AAA'))
      await expect(store.createBoard(board('b1', 'CCC-CCC'))).rejects.toBeInstanceOf(DuplicateError)
      await expect(store.createBoard(board('b2', 'AAA-AAA'))).rejects.toBeInstanceOf(DuplicateError)
    })

    it('deletes a board with all its rooms and revocations, and nothing of other boards', async () => {
      await store.createBoard(board('b_1', 'AAA-AAA'))
      await store.createBoard(board('bx1', 'CCC-CCC'))
      for (const room of ['b_1', 'b_1/control', 'b_1/drafts/p1', 'bx1', 'bx1/control', 'b_10']) {
        await store.appendUpdates(room, [noteUpdate(room)])
      }
      await store.compactRoom('b_1/control', noteUpdate('snap'), 1)
      await store.revokeParticipant('b_1', 'p1', 1)
      await store.deleteBoard('b_1')
      expect(await store.getBoard('b_1')).toBeNull()
      for (const room of ['b_1', 'b_1/control', 'b_1/drafts/p1']) {
        expect(await store.loadRoom(room)).toEqual({ snapshot: null, updates: [], lastSeq: 0 })
      }
      // '_' must not act as a wildcard, and a longer id with the same start is another board.
      for (const room of ['bx1', 'bx1/control', 'b_10'])
        expect(replay(await store.loadRoom(room))).toEqual([room])
      expect(await store.isRevoked('b_1', 'p1')).toBe(false)
    })

    it('tracks activity for retention', async () => {
      await store.createBoard({ ...board('old', 'AAA-AAA'), lastActivityAt: 1000 })
      await store.createBoard({ ...board('new', 'CCC-CCC'), lastActivityAt: 1000 })
      await store.touchBoard('new', 5000)
      await store.touchBoard('new', 3000) // never moves back
      expect((await store.getBoard('new'))?.lastActivityAt).toBe(5000)
      expect(await store.inactiveBoardIds(4000)).toEqual(['old'])
    })

    it('revokes participants and rotates the facilitator key', async () => {
      await store.createBoard(board('b1', 'AAA-AAA'))
      expect(await store.isRevoked('b1', 'p1')).toBe(false)
      await store.revokeParticipant('b1', 'p1', 10)
      await store.revokeParticipant('b1', 'p1', 11)
      expect(await store.isRevoked('b1', 'p1')).toBe(true)
      expect(await store.isRevoked('b1', 'p2')).toBe(false)
      await store.rotateFacilitatorKey('b1', 'ef'.repeat(32), 12345)
      expect(await store.getBoard('b1')).toMatchObject({
        facilitatorKeyHash: 'ef'.repeat(32),
        facilitatorTokensValidAfter: 12345,
      })
    })

    it('lets revoked participants back in and lists who is revoked', async () => {
      await store.createBoard(board('b1', 'AAA-AAA'))
      await store.createBoard(board('b2', 'BBB-BBB'))
      await store.revokeParticipant('b1', 'p2', 20)
      await store.revokeParticipant('b1', 'p1', 10)
      await store.revokeParticipant('b2', 'p3', 5)
      expect(await store.revokedParticipants('b1')).toEqual(['p1', 'p2'])
      await store.allowParticipant('b1', 'p1')
      await store.allowParticipant('b1', 'nobody')
      expect(await store.isRevoked('b1', 'p1')).toBe(false)
      expect(await store.revokedParticipants('b1')).toEqual(['p2'])
      expect(await store.revokedParticipants('b2')).toEqual(['p3'])
    })

    it('changes a join code, refusing one that is taken', async () => {
      await store.createBoard(board('b1', 'AAA-AAA'))
      await store.createBoard(board('b2', 'BBB-BBB'))
      await store.setJoinCode('b1', 'CCC-CCC')
      expect(await store.getBoardByJoinCode('AAA-AAA')).toBeNull()
      expect((await store.getBoardByJoinCode('CCC-CCC'))?.id).toBe('b1')
      await expect(store.setJoinCode('b1', 'BBB-BBB')).rejects.toBeInstanceOf(DuplicateError)
      expect((await store.getBoard('b1'))?.joinCode).toBe('CCC-CCC')
    })

    it('keeps the first value of a setting', async () => {
      expect(await store.getSetting('k')).toBeNull()
      expect(await store.setSettingIfAbsent('k', 'first')).toBe('first')
      expect(await store.setSettingIfAbsent('k', 'second')).toBe('first')
      expect(await store.getSetting('k')).toBe('first')
    })

    it('saves, lists, updates and deletes templates', async () => {
      const record = (id: string, createdAt: number) => ({
        id,
        json: JSON.stringify({ id }),
        editKeyHash: 'cd'.repeat(32),
        createdAt,
        updatedAt: createdAt,
      })
      await store.saveTemplate(record('eigen-a', 1))
      await store.saveTemplate(record('eigen-b', 2))
      await expect(store.saveTemplate(record('eigen-a', 3))).rejects.toBeInstanceOf(DuplicateError)
      expect((await store.listTemplates()).map((t) => t.id)).toEqual(['eigen-b', 'eigen-a'])
      expect(await store.updateTemplate('eigen-a', '{"changed":true}', 9)).toBe(true)
      expect(await store.updateTemplate('missing', '{}', 9)).toBe(false)
      expect(await store.getTemplate('eigen-a')).toEqual({
        ...record('eigen-a', 1),
        json: '{"changed":true}',
        updatedAt: 9,
      })
      await store.deleteTemplate('eigen-a')
      expect(await store.getTemplate('eigen-a')).toBeNull()
    })

    communityContract(
      () => ({
        store,
        reopen,
        replace: (reopened) => {
          store = reopened
        },
      }),
      () => tablesMentioning,
    )

    it('keeps everything after a reopen (when the adapter is durable)', async (context) => {
      if (!reopen) return context.skip()
      await store.appendUpdates('r', [noteUpdate('kept')])
      await store.createBoard(board('b1', 'AAA-AAA'))
      await store.setSettingIfAbsent('k', 'v')
      await store.close()
      store = await reopen()
      expect(replay(await store.loadRoom('r'))).toEqual(['kept'])
      expect((await store.getBoard('b1'))?.joinCode).toBe('AAA-AAA')
      expect(await store.getSetting('k')).toBe('v')
    })
  })
}
