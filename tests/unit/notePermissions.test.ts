import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoardOps, type OpsContext } from '../../client/src/board/ops/BoardOps'
import { createNote, getNote } from '../../shared/src/model'
import { mayChangeNote, writeNotesOpen } from '../../shared/src/model/notePermissions'
import { publishVoteResults } from '../../shared/src/model/session'

/**
 * The client never offers what the server refuses (issue 14): BoardOps leaves others' notes alone
 * for a participant, unless a facilitator opened every note, and asks before removing a note that
 * is someone else's or has dots.
 */

function setup(context: Partial<OpsContext> = {}) {
  const doc = new Y.Doc()
  const control = new Y.Doc()
  const full: OpsContext = {
    author: { id: 'bram', name: 'Bram' },
    isFacilitator: false,
    closed: new Set(),
    control,
    ...context,
  }
  const ops = new BoardOps(doc, () => full)
  const anna = createNote(doc, { x: 3000, y: 0, authorId: 'anna', authorName: 'Anna', text: 'Van Anna' })
  const mine = createNote(doc, { x: 3300, y: 0, authorId: 'bram', authorName: 'Bram', text: 'Van Bram' })
  return { doc, control, ops, anna, mine }
}

describe('whose notes, in the client', () => {
  it('the rule: facilitators always, participants their own or all when open, viewers never', () => {
    const note = { authorId: 'anna' }
    expect(mayChangeNote(note, { id: 'anna', role: 'participant' }, false)).toBe(true)
    expect(mayChangeNote(note, { id: 'bram', role: 'participant' }, false)).toBe(false)
    expect(mayChangeNote(note, { id: 'bram', role: 'participant' }, true)).toBe(true)
    expect(mayChangeNote(note, { id: 'fenna', role: 'facilitator' }, false)).toBe(true)
    expect(mayChangeNote(note, { id: 'anna', role: 'viewer' }, true)).toBe(false)
    // An anonymous note (revealed without names) is nobody's own.
    expect(mayChangeNote({ authorId: '' }, { id: '', role: 'participant' }, false)).toBe(false)
  })

  it("a participant's ops leave another's note as it is, but still move it", () => {
    const { doc, ops, anna, mine } = setup()
    expect(ops.mayChange(anna)).toBe(false)
    expect(ops.mayChange(mine)).toBe(true)
    ops.saveText(anna, 'Van Anna', 'Gekaapt')
    ops.setColor([anna, mine], 'blue')
    ops.deleteItems([anna])
    expect(getNote(doc, anna)).toMatchObject({ text: 'Van Anna', color: 'yellow' })
    expect(getNote(doc, mine)?.color).toBe('blue')
    ops.deleteItems([mine])
    expect(getNote(doc, mine)).toBeNull()
  })

  it("everyone's notes are open while the facilitator's setting is on", () => {
    const { doc, control, ops, anna } = setup()
    writeNotesOpen(control, true)
    expect(ops.mayChange(anna)).toBe(true)
    ops.deleteItems([anna])
    expect(getNote(doc, anna)).toBeNull()
  })

  it("asks before removing someone else's note or one with dots", () => {
    const { control, ops, anna, mine } = setup({ isFacilitator: true })
    expect(ops.needsConfirmation([mine])).toBe(false)
    expect(ops.needsConfirmation([anna])).toBe(true)
    publishVoteResults(control, { [mine]: 3 })
    expect(ops.needsConfirmation([mine])).toBe(true)
  })
})
