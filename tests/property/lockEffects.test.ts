import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { participantWriteRefusal } from '../../server/src/session/writePolicy'
import { missingDependency } from '../../server/src/sync/updateChecks'
import { setLocked } from '../../shared/src/model/facilitation'
import { notesRoot } from '../../shared/src/model/schema'
import { craftUpdate } from '../helpers/craftedUpdates'
import {
  ANNA,
  applyAttack,
  applyHonest,
  attack,
  type Board,
  clientId,
  ENCODINGS,
  type Encoding,
  FACILITATOR_CLIENT,
  honest,
  makeBoard,
  NOTES,
  protectedState,
  protectedStateAfter,
  recoder,
} from '../helpers/lockAttacks'

/**
 * Issue 16, F4 "locks by effect, not by encoding", generated: updates against a locked note, a
 * locked zone with a note in it, someone else's note and the layout, in every content kind a map
 * value can be encoded as, from a client id below and above the board's, made after seeing the
 * board, without seeing it (no origins), or after seeing an older value of the key; as a new
 * value, a replacement, a deletion or a text edit. Whatever the server's write policy accepts is
 * applied, as the room would; the protected state, read as a client reads it, must never change,
 * and honest edits in any encoding must be accepted.
 */

/** The server's order: an update that refers to what the board lacks is refused before the policy. */
function check(board: Board, update: Uint8Array): string | null {
  const decoded = Y.decodeUpdate(update)
  const missing = missingDependency(decoded, board.content)
  if (missing) return missing
  return participantWriteRefusal({ update, decoded }, board.content, board.control, Date.now(), ANNA)
}

describe('the write policy judges what an update changes, not how it is encoded', () => {
  it('never lets a generated attack change a lock, a locked zone, another’s note or the layout', () => {
    const tally = { cases: 0, changing: 0, refused: 0 }
    /** Attacks that would change protected state, per encoding and per way the board was seen. */
    const changingBy = new Map<string, number>()
    fc.assert(
      fc.property(
        attack,
        fc.constantFrom('seen', 'blind', 'older'),
        clientId,
        fc.constantFrom(...ENCODINGS),
        (step, view, client, encoding) => {
          const board = makeBoard()
          const base = view === 'seen' ? board.content : view === 'older' ? board.older : undefined
          const update = craftUpdate({
            base,
            clientID: client,
            edit: (doc) => applyAttack(doc, step),
            recode: recoder(encoding),
          })
          const changes = protectedStateAfter(board.content, update) !== protectedState(board.content)
          const refusal = check(board, update)
          tally.cases++
          if (changes) {
            tally.changing++
            for (const key of [encoding, view, client > FACILITATOR_CLIENT ? 'higher-id' : 'lower-id']) {
              changingBy.set(key, (changingBy.get(key) ?? 0) + 1)
            }
          }
          if (refusal !== null) tally.refused++
          // Refused whenever it would change protected state (one that changes nothing may pass).
          if (changes) expect(refusal).not.toBeNull()
        },
      ),
      { numRuns: 2000 },
    )
    console.info(`lock attacks: ${JSON.stringify(tally)} ${JSON.stringify(Object.fromEntries(changingBy))}`)
    // The generator must mostly produce real attacks, or the property proves little.
    expect(tally.changing).toBeGreaterThan(tally.cases / 3)
    for (const key of [...ENCODINGS, 'seen', 'blind', 'older', 'higher-id', 'lower-id']) {
      expect(changingBy.get(key) ?? 0, key).toBeGreaterThan(0)
    }
  })

  it('keeps protected state through mixed sequences on one room; honest edits always pass', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ honest, encoding: fc.constantFrom<Encoding>('any', 'json'), client: clientId }),
            fc.record({
              attack,
              encoding: fc.constantFrom(...ENCODINGS),
              client: clientId,
              blind: fc.boolean(),
            }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (steps) => {
          const board = makeBoard()
          const start = protectedState(board.content)
          for (const step of steps) {
            const edit =
              'honest' in step
                ? (doc: Y.Doc) => applyHonest(doc, step.honest)
                : (doc: Y.Doc) => applyAttack(doc, step.attack)
            const base = 'blind' in step && step.blind ? undefined : board.content
            const update = craftUpdate({ base, clientID: step.client, edit, recode: recoder(step.encoding) })
            const refusal = check(board, update)
            if ('honest' in step) expect(refusal).toBeNull()
            // Accepted: the room applies it, and the scratch copy follows the room.
            if (refusal === null) Y.applyUpdate(board.content, update)
            expect(protectedState(board.content)).toBe(start)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('judges an edit again after its store failed, against the locks of now', () => {
    // The copy took the update in while the room never stored it; sent again after a lock, the
    // copy must not count it as already there.
    for (const edit of [
      (doc: Y.Doc) => (notesRoot(doc).get(NOTES.own) as Y.Map<unknown>).set('color', 'rood'),
      (doc: Y.Doc) => notesRoot(doc).delete(NOTES.own),
    ]) {
      const board = makeBoard()
      const update = craftUpdate({ base: board.content, clientID: 7, edit })
      expect(check(board, update)).toBeNull()
      setLocked(board.control, NOTES.own, true)
      expect(check(board, update)).toBe('this object is locked')
    }
  })
})
