import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqlitePersistence } from '../../server/src/persistence/sqlite'
import type { Persistence } from '../../server/src/persistence/types'
import { analyseText } from '../../shared/src/suggest/text'
import { tempDataDir } from '../helpers/testServer'

/**
 * docs/privacy.md: a deleted board is gone from the disk, not only from the tables. Its community
 * rows too: the search entries (their text, and their words in the FTS5 index, which keeps
 * deleted words in its segments until they are merged), actions and statuses. Checked on the raw
 * bytes of the SQLite file and its write-ahead log.
 */
describe('community rows of a deleted board or community are gone from the SQLite file', () => {
  let store: Persistence | undefined
  afterEach(async () => {
    await store?.close()
  })

  const markersOnDisk = (dataDir: string, markers: string[]): string[] => {
    const bytes = ['oogst.sqlite', 'oogst.sqlite-wal']
      .map((name) => path.join(dataDir, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString('latin1'))
      .join('\n')
    return markers.filter((marker) => bytes.includes(marker))
  }

  /** A session of community `c1` whose note text, stems, action and status carry markers. */
  const sessionWithMarkers = async (s: Persistence, boardId: string) => {
    const word = `zonnepaneel${boardId}`
    const text = `Wij willen ${word}en op het dak`
    const stem = analyseText(text).stems.find((stem) => stem.startsWith('zonnepaneel')) as string
    const who = `Wie${boardId}Marker`
    const byName = `Door${boardId}Marker`
    await s.addCommunitySession('c1', boardId, 1)
    await s.replaceSearchEntries(
      'c1',
      boardId,
      [{ boardId, noteId: 'n1', kind: 'note', text, stems: stem }],
      2,
    )
    await s.upsertCommunityAction({
      id: `a-${boardId}`,
      communityId: 'c1',
      sourceBoardId: boardId,
      sourceNoteId: 'n1',
      who,
      what: 'Offerte',
      when: 'mei',
      createdAt: 3,
    })
    await s.addActionStatus({
      id: `s-${boardId}`,
      actionId: `a-${boardId}`,
      communityId: 'c1',
      boardId,
      status: 'done',
      note: '',
      byName,
      at: 4,
    })
    expect((await s.searchCommunity('c1', { text: word, stems: [stem] }, 5)).map((h) => h.boardId)).toEqual([
      boardId,
    ])
    return [text, stem, who, byName]
  }

  it('after deleteBoard and after deleteCommunity no marker is left on disk', async () => {
    const dir = tempDataDir()
    const s = createSqlitePersistence(dir)
    store = s
    await s.createCommunity({
      id: 'c1',
      name: 'Energie',
      description: '',
      facilitatorKeyHash: 'ab'.repeat(32),
      membersMaySearch: false,
      createdAt: 0,
    })
    const deleted = await sessionWithMarkers(s, 'gone')
    const kept = await sessionWithMarkers(s, 'kept')
    // Stored: then the markers are on disk, which shows this test can fail.
    expect(markersOnDisk(dir, [...deleted, ...kept])).toEqual([...deleted, ...kept])

    await s.deleteBoard('gone')
    expect(markersOnDisk(dir, deleted)).toEqual([])
    expect(markersOnDisk(dir, kept)).toEqual(kept)

    await s.deleteCommunity('c1')
    expect(markersOnDisk(dir, kept)).toEqual([])
  })
})
