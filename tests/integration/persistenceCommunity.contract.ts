import { describe, expect, it } from 'vitest'
import type {
  ActionStatusRecord,
  CommunityActionRecord,
  CommunityRecord,
  SearchEntry,
  SearchQuery,
} from '../../server/src/persistence/communityTypes'
import { type BoardRecord, DuplicateError, type Persistence } from '../../server/src/persistence/types'
import { analyseText } from '../../shared/src/suggest/text'

/**
 * Community storage (issue 19), part of the persistence contract: every adapter runs these cases.
 * `tablesMentioning` (SQLite, PostgreSQL) reads the database directly and names every table with
 * a row that contains the text, so "nothing of a deleted board is left" is checked on the rows
 * themselves, not only through the store's own reads.
 */
export function communityContract(
  current: () => {
    store: Persistence
    reopen?: () => Promise<Persistence>
    replace: (s: Persistence) => void
  },
  tablesMentioning?: () => ((text: string) => Promise<string[]>) | undefined,
): void {
  describe('communities', () => {
    const community = (id: string, name = 'Wijkteams Noord'): CommunityRecord => ({
      id,
      name,
      description: 'Vier keer per jaar',
      facilitatorKeyHash: 'ab'.repeat(32),
      membersMaySearch: false,
      createdAt: 1_700_000_000_000,
    })
    const board = (id: string, joinCode: string): BoardRecord => ({
      id,
      title: `Sessie ${id}`,
      language: 'nl',
      templateId: 'leeg',
      joinCode,
      facilitatorKeyHash: 'cd'.repeat(32),
      createdAt: 1_700_000_000_000,
      lastActivityAt: 1_700_000_000_000,
      facilitatorTokensValidAfter: 0,
    })
    const action = (id: string, sourceBoardId: string, sourceNoteId: string, createdAt = 10) =>
      ({
        id,
        communityId: 'c1',
        sourceBoardId,
        sourceNoteId,
        who: 'Anna',
        what: 'Buurthuis bellen',
        when: 'vrijdag',
        createdAt,
      }) satisfies CommunityActionRecord
    const status = (id: string, actionId: string, boardId: string, at: number): ActionStatusRecord => ({
      id,
      actionId,
      communityId: 'c1',
      boardId,
      status: 'ongoing',
      note: 'Loopt nog',
      byName: 'Bram',
      at,
    })
    /** A search entry as the indexer makes it: stems from the shared Dutch text pipeline. */
    const entry = (boardId: string, noteId: string, text: string, kind: SearchEntry['kind'] = 'note') => ({
      boardId,
      noteId,
      kind,
      text,
      stems: analyseText(text).stems.join(' '),
    })
    /** A query as the search route makes it from what someone typed. */
    const query = (text: string): SearchQuery => ({ text, stems: analyseText(text).stems })

    it('creates, reads and updates a community, refusing a duplicate id', async () => {
      const { store } = current()
      await store.createCommunity(community('c1'))
      expect(await store.getCommunity('c1')).toEqual(community('c1'))
      expect(await store.getCommunity('nope')).toBeNull()
      await expect(store.createCommunity(community('c1', 'Ander'))).rejects.toBeInstanceOf(DuplicateError)
      await store.updateCommunity('c1', { name: 'Wijkteams Zuid', membersMaySearch: true })
      await store.updateCommunity('c1', { facilitatorKeyHash: 'ef'.repeat(32) })
      await store.updateCommunity('c1', { description: '' })
      expect(await store.getCommunity('c1')).toEqual({
        ...community('c1'),
        name: 'Wijkteams Zuid',
        description: '',
        membersMaySearch: true,
        facilitatorKeyHash: 'ef'.repeat(32),
      })
    })

    it('numbers sessions 1, 2, 3 and knows the community of a board', async () => {
      const { store } = current()
      await store.createCommunity(community('c1'))
      await store.createCommunity(community('c2'))
      expect(await store.addCommunitySession('c1', 'b1', 100)).toBe(1)
      expect(await store.addCommunitySession('c2', 'other', 101)).toBe(1)
      expect(await store.addCommunitySession('c1', 'b2', 102)).toBe(2)
      expect(await store.addCommunitySession('c1', 'b3', 103)).toBe(3)
      expect(await store.communitySessions('c1')).toEqual([
        { communityId: 'c1', boardId: 'b1', position: 1, addedAt: 100 },
        { communityId: 'c1', boardId: 'b2', position: 2, addedAt: 102 },
        { communityId: 'c1', boardId: 'b3', position: 3, addedAt: 103 },
      ])
      expect(await store.communityOfBoard('b2')).toBe('c1')
      expect(await store.communityOfBoard('other')).toBe('c2')
      expect(await store.communityOfBoard('loose')).toBeNull()
      // A board belongs to one community at most, and only an existing community gets sessions.
      await expect(store.addCommunitySession('c2', 'b1', 104)).rejects.toBeInstanceOf(DuplicateError)
      await expect(store.addCommunitySession('missing', 'b9', 104)).rejects.toThrow()
      expect(await store.communitySessions('c2')).toHaveLength(1)
      expect(await store.communitySessions('missing')).toEqual([])
    })

    it('gives sessions added at the same time different positions', async () => {
      const { store } = current()
      await store.createCommunity(community('c1'))
      const boards = ['s1', 's2', 's3', 's4', 's5']
      const positions = await Promise.all(boards.map((id, i) => store.addCommunitySession('c1', id, i)))
      expect([...positions].sort()).toEqual([1, 2, 3, 4, 5])
      expect((await store.communitySessions('c1')).map((s) => s.position)).toEqual([1, 2, 3, 4, 5])
    })

    it('upserts an action by its source note, keeping its id and creation time', async () => {
      const { store } = current()
      expect(await store.upsertCommunityAction(action('a2', 'b1', 'n2', 20))).toBe('a2')
      expect(await store.upsertCommunityAction(action('a1', 'b1', 'n1', 10))).toBe('a1')
      const edited = { ...action('new-id', 'b1', 'n1', 99), who: 'Bram', what: 'Zaal huren', when: 'maart' }
      expect(await store.upsertCommunityAction(edited)).toBe('a1')
      expect(await store.communityActions('c1')).toEqual([
        { ...action('a1', 'b1', 'n1', 10), who: 'Bram', what: 'Zaal huren', when: 'maart' },
        action('a2', 'b1', 'n2', 20),
      ])
      expect(await store.communityActions('c2')).toEqual([])
      // An id already used for another source note is refused, not merged.
      await expect(store.upsertCommunityAction(action('a2', 'b1', 'n3'))).rejects.toBeInstanceOf(
        DuplicateError,
      )
      expect(await store.communityActions('c1')).toHaveLength(2)
    })

    it('keeps the status history oldest first and drops it with its action', async () => {
      const { store } = current()
      await store.upsertCommunityAction(action('a1', 'b1', 'n1'))
      await store.upsertCommunityAction(action('a2', 'b1', 'n2'))
      await store.addActionStatus(status('s3', 'a1', 'b2', 300))
      await store.addActionStatus({ ...status('s1', 'a1', 'b2', 100), status: 'failed', note: '' })
      await store.addActionStatus({ ...status('s2', 'a2', 'b2', 200), status: 'done' })
      await expect(store.addActionStatus(status('s3', 'a2', 'b2', 400))).rejects.toBeInstanceOf(
        DuplicateError,
      )
      const history = await store.actionStatuses('c1')
      expect(history.map((s) => s.id)).toEqual(['s1', 's2', 's3'])
      expect(history[0]).toEqual({ ...status('s1', 'a1', 'b2', 100), status: 'failed', note: '' })
      await store.deleteCommunityAction('a1')
      expect((await store.communityActions('c1')).map((a) => a.id)).toEqual(['a2'])
      expect((await store.actionStatuses('c1')).map((s) => s.id)).toEqual(['s2'])
    })

    /** Community c1 with sessions b1 (kept) and gone (deleted), crossing actions and statuses. */
    const twoSessions = async (store: Persistence) => {
      await store.createCommunity(community('c1'))
      await store.createBoard(board('b1', 'AAA-AAA'))
      await store.createBoard(board('gone-board', 'BBB-BBB'))
      await store.addCommunitySession('c1', 'b1', 1)
      await store.addCommunitySession('c1', 'gone-board', 2)
      await store.upsertCommunityAction(action('kept-action', 'b1', 'n1', 1))
      await store.upsertCommunityAction(action('action-of-gone', 'gone-board', 'n2', 2))
      // Set in the kept session about the deleted session's action, and the other way round.
      await store.addActionStatus(status('status-on-gone-action', 'action-of-gone', 'b1', 3))
      await store.addActionStatus(status('status-set-in-gone', 'kept-action', 'gone-board', 4))
      await store.addActionStatus(status('kept-status', 'kept-action', 'b1', 5))
      await store.replaceSearchEntries('c1', 'b1', [entry('b1', 'n1', 'Buurthuis open houden')], 6)
      await store.replaceSearchEntries(
        'c1',
        'gone-board',
        [entry('gone-board', 'n2', 'Buurthuis verbouwen')],
        7,
      )
    }

    it('deletes a board with its session link, actions, statuses and search entries', async () => {
      const { store } = current()
      await twoSessions(store)
      await store.deleteBoard('gone-board')
      expect(await store.communityOfBoard('gone-board')).toBeNull()
      expect((await store.communitySessions('c1')).map((s) => s.boardId)).toEqual(['b1'])
      expect((await store.communityActions('c1')).map((a) => a.id)).toEqual(['kept-action'])
      expect((await store.actionStatuses('c1')).map((s) => s.id)).toEqual(['kept-status'])
      expect((await store.searchCommunity('c1', query('buurthuis'), 10)).map((h) => h.boardId)).toEqual([
        'b1',
      ])
      expect(await store.searchIndexedAt('gone-board')).toBeNull()
      expect(await store.searchIndexedAt('b1')).toBe(6)
      expect(await store.getCommunity('c1')).not.toBeNull()
      const mentioning = tablesMentioning?.()
      if (mentioning) {
        expect(await mentioning('gone-board')).toEqual([])
        // Its indexed words too (FTS5 keeps deleted tokens in its segments until they are merged).
        expect(await mentioning('verbouw')).toEqual([])
        expect(await mentioning('action-of-gone')).toEqual([])
        expect(await mentioning('status-set-in-gone')).toEqual([])
      }
    })

    it('deletes a community and every row of it', async () => {
      const { store } = current()
      await twoSessions(store)
      await store.createCommunity(community('c2', 'Buren'))
      await store.addCommunitySession('c2', 'b9', 1)
      await store.replaceSearchEntries('c2', 'b9', [entry('b9', 'n9', 'Buurthuis schilderen')], 1)
      await store.deleteCommunity('c1')
      expect(await store.getCommunity('c1')).toBeNull()
      expect(await store.communitySessions('c1')).toEqual([])
      expect(await store.communityOfBoard('b1')).toBeNull()
      expect(await store.communityActions('c1')).toEqual([])
      expect(await store.actionStatuses('c1')).toEqual([])
      expect(await store.searchCommunity('c1', query('buurthuis'), 10)).toEqual([])
      expect(await store.searchIndexedAt('b1')).toBeNull()
      // The other community is untouched.
      expect(await store.communityOfBoard('b9')).toBe('c2')
      expect(await store.searchCommunity('c2', query('buurthuis'), 10)).toHaveLength(1)
      const mentioning = tablesMentioning?.()
      if (mentioning) {
        expect(await mentioning('c1')).toEqual([])
        // The boards themselves are deleted by the service (deleteBoard), not by deleteCommunity.
        expect(await mentioning('kept-action')).toEqual([])
        expect(await mentioning('status-on-gone-action')).toEqual([])
        expect(await mentioning('verbouw')).toEqual([]) // its indexed words too
      }
    })

    const indexed = async (store: Persistence) => {
      await store.replaceSearchEntries(
        'c1',
        'b1',
        [
          entry('b1', 'n1', 'De buurtbewoner kwam langs'),
          entry('b1', 'n2', 'Vergaderingen duren te lang'),
          entry('b1', 'insights', 'Bewoners willen meepraten over het buurthuis', 'insight'),
          entry('b1', 'n3', 'Het buurthuis en de buurthuisbeheerder, buurthuis buurthuis'),
        ],
        50,
      )
      await store.replaceSearchEntries('c2', 'b2', [entry('b2', 'n1', 'De buurtbewoner van c2')], 51)
    }
    const found = async (store: Persistence, text: string, communityId = 'c1') =>
      (await store.searchCommunity(communityId, query(text), 10)).map((hit) => hit.noteId)

    it('searches only within the community, on Dutch stems', async () => {
      const { store } = current()
      await indexed(store)
      const hits = await store.searchCommunity('c1', query('buurtbewoners'), 10)
      expect(hits.map(({ score: _, ...hit }) => hit)).toEqual([
        entry('b1', 'n1', 'De buurtbewoner kwam langs'),
      ])
      expect(await found(store, 'buurtbewoners', 'c2')).toEqual(['n1'])
      expect(await found(store, 'vergadering')).toEqual(['n2'])
      // Every stem must occur.
      expect(await found(store, 'buurtbewoner vergadering')).toEqual([])
      expect(await found(store, 'lang vergaderingen')).toEqual(['n2'])
      // Best first: the note that is mostly about the buurthuis, then the other; at most `limit`.
      expect(await found(store, 'buurthuis')).toEqual(['n3', 'insights'])
      expect(await store.searchCommunity('c1', query('buurthuis'), 1)).toHaveLength(1)
      expect(await store.searchCommunity('c1', query('buurthuis'), 0)).toEqual([])
      expect(await store.searchCommunity('c1', query('buurthuis'), Number.NaN)).toEqual([])
      expect((await store.searchCommunity('c1', query('buurthuis'), 10)).map((h) => h.kind)).toEqual([
        'note',
        'insight',
      ])
      expect(await found(store, 'fietsenstalling')).toEqual([])
    })

    it('matches the last stem as a prefix (someone still typing)', async (context) => {
      const { store } = current()
      if (store.kind === 'postgres') return context.skip() // plainto_tsquery: whole words (docs/community.md)
      await indexed(store)
      expect(await found(store, 'buurtbew')).toEqual(['n1'])
      expect(await found(store, 'lang vergad')).toEqual(['n2'])
      // Only the last: a prefix earlier in the query must match a whole stem.
      expect(await found(store, 'vergad lang')).toEqual([])
    })

    it('never lets search syntax in the query throw or change the search', async () => {
      const { store } = current()
      await indexed(store)
      const attacks = [
        '"',
        '""',
        '*',
        'buurt*',
        'NEAR(buurthuis lang)',
        'NEAR(',
        'buurthuis -lang',
        '-',
        'stems:buurthuis',
        ':',
        'text : buurthuis',
        'buurthuis OR lang',
        'buurthuis AND NOT',
        '^buurthuis',
        '(((',
        "'; DROP TABLE communities; --",
        '\\',
        'buurthuis & | ! <-> :*',
        'buurt\u0000huis',
      ]
      for (const text of attacks) {
        await expect(store.searchCommunity('c1', query(text), 10)).resolves.toBeInstanceOf(Array)
        // Raw stems, as a careless caller might pass them.
        const raw = { text, stems: text.split(/\s+/).filter(Boolean) }
        await expect(store.searchCommunity('c1', raw, 10)).resolves.toBeInstanceOf(Array)
        await expect(store.searchCommunity('c1', { text, stems: [text] }, 10)).resolves.toBeInstanceOf(Array)
      }
      // "OR" is a word to look for, not an operator; nothing has all of these.
      expect(await found(store, 'buurthuis OR vergadering')).toEqual([])
      expect(await store.searchCommunity('c1', { text: '', stems: [] }, 10)).toEqual([])
      // The query is never SQL either: the communities table is still there to read.
      expect(await store.getCommunity('c1')).toBeNull()
    })

    it('replaces the entries of one session and remembers when', async () => {
      const { store } = current()
      expect(await store.searchIndexedAt('b1')).toBeNull()
      await indexed(store)
      expect(await store.searchIndexedAt('b1')).toBe(50)
      await store.replaceSearchEntries('c1', 'b1', [entry('b1', 'n9', 'Fietsenstalling bij de school')], 80)
      expect(await store.searchIndexedAt('b1')).toBe(80)
      expect(await found(store, 'buurtbewoner')).toEqual([])
      expect(await found(store, 'buurthuis')).toEqual([])
      expect(await found(store, 'fietsenstalling')).toEqual(['n9'])
      expect(await found(store, 'buurtbewoner', 'c2')).toEqual(['n1'])
      await store.replaceSearchEntries('c1', 'b1', [], 90)
      expect(await found(store, 'fietsenstalling')).toEqual([])
      expect(await store.searchIndexedAt('b1')).toBe(90)
    })

    it('stores texts with a NUL character (possible in a note) without failing', async () => {
      const { store } = current()
      await store.replaceSearchEntries('c1', 'b1', [entry('b1', 'n1', 'Plan\u0000 voor de zomer')], 1)
      expect(await found(store, 'zomer')).toEqual(['n1'])
      const id = await store.upsertCommunityAction({ ...action('a1', 'b1', 'n1'), who: 'An\u0000na' })
      expect(id).toBe('a1')
      expect((await store.communityActions('c1')).map((a) => a.who.replace('\u0000', ''))).toEqual(['Anna'])
    })

    it('indexes a session with a huge note (more than a PostgreSQL tsvector holds)', async () => {
      const { store } = current()
      // 200,000 different words: 2 MB as a tsvector. Its stems are the words themselves (quicker).
      const words = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36)}x`).join(' ')
      const huge = { ...entry('b1', 'n1', 'Fietsenstalling'), text: `Fietsenstalling ${words}` }
      huge.stems = `${huge.stems} ${words}`
      await store.replaceSearchEntries('c1', 'b1', [huge, entry('b1', 'n2', 'Zomerfeest')], 1)
      expect(await found(store, 'fietsenstalling')).toEqual(['n1'])
      expect(await found(store, 'zomerfeest')).toEqual(['n2'])
    })

    it('finds inflected forms by the text on PostgreSQL (dutch configuration)', async (context) => {
      const { store } = current()
      if (store.kind !== 'postgres') return context.skip()
      await indexed(store)
      // Stems left empty on purpose: PostgreSQL stems the text itself.
      const byText = async (text: string) =>
        (await store.searchCommunity('c1', { text, stems: [] }, 10)).map((hit) => hit.noteId)
      expect(await byText('buurtbewoners')).toEqual(['n1'])
      expect(await byText('vergadering')).toEqual(['n2'])
      expect(await byText('de het een')).toEqual([])
    })

    it('keeps communities after a reopen (when the adapter is durable)', async (context) => {
      const { store, reopen, replace } = current()
      if (!reopen) return context.skip()
      await twoSessions(store)
      await store.close()
      const reopened = await reopen()
      replace(reopened)
      expect((await reopened.getCommunity('c1'))?.name).toBe('Wijkteams Noord')
      expect((await reopened.communitySessions('c1')).map((s) => s.position)).toEqual([1, 2])
      expect((await reopened.searchCommunity('c1', query('buurthuis'), 10)).length).toBe(2)
      expect(await reopened.searchIndexedAt('gone-board')).toBe(7)
    })
  })
}
