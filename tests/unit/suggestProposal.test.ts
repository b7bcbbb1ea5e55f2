import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  makeAcceptedGroups,
  mergeDuplicateSet,
  moveNote,
  moveTargets,
  proposalFrom,
  rename,
  setAccepted,
} from '../../client/src/suggest/proposal'
import { localCommand, registerUndoSteps } from '../../client/src/sync/localOrigin'
import { createUndoManager } from '../../client/src/sync/undo'
import {
  createNote,
  createZone,
  getNote,
  listClusters,
  listNotes,
  notesRoot,
  readNoteClusterId,
} from '../../shared/src/model'
import { readMergedCount } from '../../shared/src/suggest/merge'

/** A question with six notes as a facilitator's client holds it, with this person's undo. */
function board() {
  const doc = new Y.Doc()
  const undo = createUndoManager(doc)
  registerUndoSteps(doc, undo)
  const ids = localCommand(doc, () => {
    const zoneId = createZone(doc, { title: 'Wat werkt?', x: 0, y: 0, width: 800, height: 600 })
    const texts = [
      'Gelijkwaardigheid',
      'gelijkwaardigheid!!',
      'Vertrouwen',
      'vertrouwen geven',
      'Tijd',
      'Geld',
    ]
    return {
      zoneId,
      notes: texts.map((text, i) =>
        createNote(doc, { x: i * 200, y: 100, zoneId, text, authorId: 'p', authorName: 'P' }),
      ),
    }
  })
  undo.clear()
  const [a, b, c, d, e] = ids.notes as [string, string, string, string, string, string]
  const suggestion = [
    { zoneId: ids.zoneId, name: 'Gelijkwaardigheid', noteIds: [a, b], duplicates: [[a, b]] },
    { zoneId: ids.zoneId, name: 'Vertrouwen', noteIds: [c, d, e], duplicates: [] },
    { zoneId: 'other-question', name: 'Elders', noteIds: ['x', 'y'], duplicates: [] },
  ]
  return { doc, undo, ids, a, b, c, d, e, proposal: proposalFrom(suggestion) }
}

const clusterOf = (doc: Y.Doc, id: string) => {
  const note = notesRoot(doc).get(id)
  return note ? readNoteClusterId(note) : null
}

describe('a grouping proposal in the facilitator client', () => {
  it('changes nothing on the board until groups are made', () => {
    const { doc, proposal, e } = board()
    let next = setAccepted(proposal, 'g0', true)
    next = rename(next, 'g0', 'Gelijkwaardig samenwerken')
    next = moveNote(next, e, null)
    expect(listClusters(doc)).toEqual([])
    expect(next[0]).toMatchObject({ accepted: true, name: 'Gelijkwaardig samenwerken' })
    expect(next[1]?.noteIds).not.toContain(e)
  })

  it('moves a note only between groups of its own question', () => {
    const { proposal, c } = board()
    expect(moveTargets(proposal, proposal[0] as (typeof proposal)[0]).map((g) => g.key)).toEqual(['g1'])
    const moved = moveNote(proposal, c, 'g0')
    expect(moved[0]?.noteIds).toContain(c)
    expect(moved[1]?.noteIds).not.toContain(c)
  })

  it('makes only the accepted groups, with their names, and one undo takes them all back', () => {
    const { doc, undo, proposal, a, b, c, d, e } = board()
    const positions = listNotes(doc).map((note) => [note.id, note.x, note.y])
    let next = setAccepted(setAccepted(proposal, 'g0', true), 'g1', true)
    next = rename(next, 'g1', 'Vertrouwen geven')
    next = moveNote(next, e, null)
    expect(makeAcceptedGroups(doc, next)).toBe(2)
    expect(
      listClusters(doc)
        .map((cluster) => cluster.name)
        .sort(),
    ).toEqual(['Gelijkwaardigheid', 'Vertrouwen geven'])
    expect(clusterOf(doc, a)).toBe(clusterOf(doc, b))
    expect(clusterOf(doc, c)).toBe(clusterOf(doc, d))
    expect(clusterOf(doc, a)).not.toBe(clusterOf(doc, c))
    expect(clusterOf(doc, e)).toBeNull()

    undo.undo()
    expect(listClusters(doc)).toEqual([])
    expect([a, b, c, d].map((id) => clusterOf(doc, id))).toEqual([null, null, null, null])
    expect(listNotes(doc).map((note) => [note.id, note.x, note.y])).toEqual(positions)
    expect(undo.canUndo()).toBe(false)
  })

  it('makes nothing for a group that was not accepted', () => {
    const { doc, proposal } = board()
    expect(makeAcceptedGroups(doc, proposal)).toBe(0)
    expect(listClusters(doc)).toEqual([])
  })

  it('merges near-duplicates into one note that keeps the count; the proposal forgets the rest', () => {
    const { doc, proposal, a, b } = board()
    const merged = mergeDuplicateSet(doc, proposal, 'g0', [a, b])
    expect(merged.count).toBe(2)
    expect(getNote(doc, b)).toBeNull()
    expect(readMergedCount(notesRoot(doc).get(a))).toBe(2)
    expect(merged.groups[0]).toMatchObject({ noteIds: [a], duplicates: [] })
  })
})
