import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { localCommand, reactionEdit, registerUndoSteps } from '../../client/src/sync/localOrigin'
import { createUndoManager } from '../../client/src/sync/undo'
import { recordExternalStep, registerHistory, UndoHistory } from '../../client/src/sync/undoHistory'
import { createNote, getNoteReactions, listNotes, toggleReaction, updateNote } from '../../shared/src/model'

const note = (text: string) => ({ x: 0, y: 0, authorId: 'p1', authorName: 'Marieke', text })

/** A document with this person's history, as useUndo sets it up, and a fake vote API. */
function setup() {
  const doc = new Y.Doc()
  const manager = createUndoManager(doc)
  registerUndoSteps(doc, manager)
  const history = new UndoHistory(manager)
  registerHistory(doc, history)
  const votes = new Map<string, number>()
  const vote = (id: string, delta: 1 | -1) => votes.set(id, (votes.get(id) ?? 0) + delta)
  const castVote = (id: string, delta: 1 | -1) => {
    vote(id, delta)
    recordExternalStep(doc, {
      label: `stip op ${id}`,
      undo: () => vote(id, delta > 0 ? -1 : 1),
      redo: () => vote(id, delta),
    })
  }
  return { doc, history, votes, castVote }
}

describe('undo with votes and reactions', () => {
  it('undoes the vote after voting, not the note before it; redo gives the dot again', () => {
    const { doc, history, votes, castVote } = setup()
    const id = localCommand(doc, () => createNote(doc, note('meer bankjes')))
    castVote(id, 1)
    expect(history.canUndo()).toBe(true)

    expect(history.undo()).toEqual({ label: `stip op ${id}` })
    expect(listNotes(doc).map((n) => n.text)).toEqual(['meer bankjes'])
    expect(votes.get(id)).toBe(0)

    // The next undo is the note itself; redo brings both back in order.
    expect(history.undo()).toEqual({})
    expect(listNotes(doc)).toHaveLength(0)
    expect(history.redo()).toEqual({})
    expect(listNotes(doc)).toHaveLength(1)
    expect(history.redo()).toEqual({ label: `stip op ${id}` })
    expect(votes.get(id)).toBe(1)
    expect(history.canRedo()).toBe(false)
  })

  it('keeps the order of edits and votes mixed, and a new edit ends redo of a vote', () => {
    const { doc, history, votes, castVote } = setup()
    const id = localCommand(doc, () => createNote(doc, note('eerst')))
    castVote(id, 1)
    localCommand(doc, () => updateNote(doc, id, { x: 300 }))
    // Last in, first out: the move, then the vote, then the note.
    history.undo()
    expect(listNotes(doc)[0]?.x).toBe(0)
    expect(votes.get(id)).toBe(1)
    history.undo()
    expect(votes.get(id)).toBe(0)
    expect(listNotes(doc)).toHaveLength(1)
    localCommand(doc, () => updateNote(doc, id, { x: 50 }))
    expect(history.canRedo()).toBe(false)
    expect(history.redo()).toBeNull()
    expect(votes.get(id)).toBe(0)
  })

  it('never touches reactions: undo after reacting undoes the edit before it and leaves the reaction', () => {
    const { doc, history } = setup()
    const id = localCommand(doc, () => createNote(doc, note('idee')))
    localCommand(doc, () => updateNote(doc, id, { x: 120 }))
    reactionEdit(doc, () => toggleReaction(doc, id, '💡', 'p2'))
    history.undo()
    expect(listNotes(doc)).toHaveLength(1)
    expect(listNotes(doc)[0]?.x).toBe(0)
    expect(getNoteReactions(doc, id)).toEqual([{ emoji: '💡', participantIds: ['p2'] }])
  })

  it('says there is nothing to undo when only a reaction was given', () => {
    const { doc, history } = setup()
    const id = createNote(doc, note('van iemand anders'))
    reactionEdit(doc, () => toggleReaction(doc, id, '👍', 'p1'))
    expect(history.canUndo()).toBe(false)
    expect(history.undo()).toBeNull()
    expect(getNoteReactions(doc, id)).toHaveLength(1)
  })
})
