import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { castVote, myVotes, tallies } from '../../server/src/session/ballots'
import { listTrash, notesDeletedBy, putInTrash } from '../../server/src/session/trash'
import type { VotingConfig } from '../../shared/src/model/facilitation'
import { createNote } from '../../shared/src/model/notes'
import { notesRoot } from '../../shared/src/model/schema'
import { publishVoteResults, readVoteResults } from '../../shared/src/model/session'

/**
 * Issue 16, F11: note and person ids are chosen by clients, so ids such as `constructor`,
 * `toString` and `__proto__` must count like any other id wherever the server and the board model
 * count or look up by id (no plain-object lookups that reach Object.prototype).
 */
const TRICKY_IDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty']

const config: VotingConfig = {
  voteId: 'stem-1',
  roundId: null,
  open: true,
  perPerson: 8,
  maxPerNote: 2,
  scope: 'board',
  zoneIds: [],
  anonymous: true,
  hideResults: false,
}

function boardWithTrickyNotes(): Y.Doc {
  const content = new Y.Doc()
  for (const id of TRICKY_IDS)
    createNote(content, { id, x: 0, y: 0, authorId: 'a', authorName: 'A', text: id })
  return content
}

describe('counting by id is map-safe', () => {
  it('counts dots on notes named like Object.prototype members as numbers', () => {
    const content = boardWithTrickyNotes()
    const votes = new Y.Doc()
    for (const id of TRICKY_IDS) castVote(votes, content, config, 'constructor', id, 1)
    castVote(votes, content, config, 'toString', 'constructor', 1)

    const mine = myVotes(votes, config, 'constructor')
    expect(mine.used).toBe(TRICKY_IDS.length)
    expect(TRICKY_IDS.map((id) => Object.hasOwn(mine.mine, id) && mine.mine[id])).toEqual([1, 1, 1, 1])
    // The per-note limit holds for these ids too: a second dot is fine, a third is refused.
    castVote(votes, content, config, 'constructor', 'constructor', 1)
    expect(() => castVote(votes, content, config, 'constructor', 'constructor', 1)).toThrow('At most 2')
    // Taking back a dot that is not there is refused, not turned into a string.
    expect(() => castVote(votes, content, config, 'toString', 'toString', -1)).toThrow('no dot')

    const totals = tallies(votes)
    expect(TRICKY_IDS.map((id) => Object.hasOwn(totals, id) && totals[id])).toEqual([3, 1, 1, 1])
    const control = new Y.Doc()
    publishVoteResults(control, totals)
    const published = readVoteResults(control)
    expect(TRICKY_IDS.map((id) => Object.hasOwn(published, id) && published[id])).toEqual([3, 1, 1, 1])
    // A later result without these notes removes them, even from a plain object with a prototype.
    publishVoteResults(control, { other: 1 })
    expect(Object.keys(readVoteResults(control))).toEqual(['other'])
  })

  it('keeps tricky note ids and field names in the Prullenbak without touching prototypes', () => {
    const content = boardWithTrickyNotes()
    const note = notesRoot(content).get('constructor') as Y.Map<unknown>
    note.set('__proto__', { authorName: 'Nep' })
    note.set('toString', 'veld')
    const votes = new Y.Doc()
    const update = Y.encodeStateAsUpdate(content)
    const deleted = new Y.Doc()
    Y.applyUpdate(deleted, update)
    const before = Y.encodeStateVector(deleted)
    notesRoot(deleted).delete('constructor')
    notesRoot(deleted).delete('toString')
    const deletion = Y.decodeUpdate(Y.encodeStateAsUpdate(deleted, before))
    putInTrash(votes, notesDeletedBy(deletion, content), { participantId: 'p', name: 'P' })
    const listed = listTrash(votes)
    expect(
      listed
        .map(({ id, votes: dots, authorName }) => ({ id, dots, authorName }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'constructor', dots: 0, authorName: 'A' },
      { id: 'toString', dots: 0, authorName: 'A' },
    ])
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })
})
