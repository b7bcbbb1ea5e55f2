import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { patchNotes } from '../../client/src/board/useBoardData'
import {
  createNote,
  deleteNote,
  listNotes,
  type NoteData,
  notesRoot,
  setNoteText,
  toggleReaction,
  updateNote,
} from '../../shared/src/model'

/** Ids of the notes each transaction touched, as the canvas's observer collects them. */
function watch(doc: Y.Doc): { take(): Set<string> } {
  let ids = new Set<string>()
  const root = notesRoot(doc)
  root.observeDeep((events) => {
    for (const event of events) {
      if (event instanceof Y.YMapEvent && event.target === root)
        for (const key of event.keysChanged) ids.add(key)
      else if (typeof event.path[0] === 'string') ids.add(event.path[0])
    }
  })
  return {
    take() {
      const taken = ids
      ids = new Set()
      return taken
    },
  }
}

describe('patchNotes (incremental note snapshots)', () => {
  it('matches a full re-read after any sequence of edits, and keeps unchanged notes', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), text: fc.string({ maxLength: 8 }) }),
      fc.record({
        kind: fc.constant('move' as const),
        pick: fc.nat(),
        x: fc.integer({ min: -500, max: 500 }),
      }),
      fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), text: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant('react' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const doc = new Y.Doc()
        for (let i = 0; i < 12; i++) {
          createNote(doc, { x: i * 10, y: 0, authorId: 'a', authorName: 'A', text: `n${i}`, createdAt: i })
        }
        const changes = watch(doc)
        let notes: NoteData[] = listNotes(doc)
        for (const [step, o] of ops.entries()) {
          const ids = listNotes(doc).map((note) => note.id)
          const id = ids.length > 0 && 'pick' in o ? ids[o.pick % ids.length] : undefined
          if (o.kind === 'add') {
            createNote(doc, {
              x: 0,
              y: 0,
              authorId: 'b',
              authorName: 'B',
              text: o.text,
              createdAt: 100 + step,
            })
          } else if (id && o.kind === 'move') updateNote(doc, id, { x: o.x })
          else if (id && o.kind === 'text') setNoteText(doc, id, o.text)
          else if (id && o.kind === 'react') toggleReaction(doc, id, '👍', 'p1')
          else if (id && o.kind === 'delete') deleteNote(doc, id)
          const before = notes
          notes = patchNotes(doc, notes, changes.take())
          expect(notes).toEqual(listNotes(doc))
          // Notes that did not change keep their object (memoised components skip them).
          for (const note of notes) {
            const old = before.find((candidate) => candidate.id === note.id)
            if (old && JSON.stringify(old) === JSON.stringify(note)) expect(note).toBe(old)
          }
          if (o.kind === 'react') expect(notes).toBe(before)
        }
      }),
      { numRuns: 60 },
    )
  })
})
