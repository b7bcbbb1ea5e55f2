import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { rebaseSplice } from '../../client/src/board/ops/textMerge'
import { followViewport } from '../../client/src/presence/followViewport'
import { MAX_UPDATES_PER_SECOND, PresencePublisher } from '../../client/src/presence/PresenceController'
import { colorFor, PRESENCE_COLORS, readPeer } from '../../client/src/presence/presenceState'
import { localCommand, localEdit, registerUndoSteps } from '../../client/src/sync/localOrigin'
import { createUndoManager } from '../../client/src/sync/undo'
import { createNote, deleteNote, getNoteText, listNotes, updateNote } from '../../shared/src/model'

/** Two replicas exchanging updates with a "remote" origin, as the WebSocket provider does. */
function pair(): { mine: Y.Doc; theirs: Y.Doc } {
  const mine = new Y.Doc()
  const theirs = new Y.Doc()
  mine.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(theirs, update, 'remote')
  })
  theirs.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(mine, update, 'remote')
  })
  return { mine, theirs }
}

const note = (authorName: string, text: string) => ({ x: 0, y: 0, authorId: authorName, authorName, text })

describe('per-person undo', () => {
  it('undoes only this person’s edits and leaves the other’s in place', () => {
    const { mine, theirs } = pair()
    const undo = createUndoManager(mine)
    const own = localEdit(mine, () => createNote(mine, note('Marieke', 'van mij')))
    undo.stopCapturing()
    createNote(theirs, note('Ahmed', 'van Ahmed'))
    // The other person also moves my note; undoing my creation removes my note only.
    updateNote(theirs, own, { x: 300 })
    expect(listNotes(mine)).toHaveLength(2)
    undo.undo()
    expect(listNotes(mine).map((n) => n.text)).toEqual(['van Ahmed'])
    expect(listNotes(theirs).map((n) => n.text)).toEqual(['van Ahmed'])
    undo.redo()
    expect(
      listNotes(theirs)
        .map((n) => n.text)
        .sort(),
    ).toEqual(['van Ahmed', 'van mij'])
  })

  it('ignores edits without the local origin and restores a deleted note with its text', () => {
    const { mine, theirs } = pair()
    const undo = createUndoManager(mine)
    const id = createNote(theirs, note('Ahmed', 'bewaar mij'))
    expect(undo.canUndo()).toBe(false)
    localEdit(mine, () => deleteNote(mine, id))
    expect(listNotes(theirs)).toHaveLength(0)
    undo.undo()
    expect(listNotes(theirs).map((n) => n.text)).toEqual(['bewaar mij'])
    expect(getNoteText(theirs, listNotes(theirs)[0]?.id ?? '')?.toString()).toBe('bewaar mij')
  })

  it('makes a delete right after adding its own step, so Ctrl+Z brings the note back', () => {
    const { mine, theirs } = pair()
    const undo = createUndoManager(mine)
    const unregister = registerUndoSteps(mine, undo)
    // Add, then type into it: one step. A delete within the capture time is a step of its own.
    const id = localCommand(mine, () => createNote(mine, note('Fatima', '')))
    localEdit(mine, () => getNoteText(mine, id)?.insert(0, 'luister eerst'))
    localCommand(mine, () => deleteNote(mine, id))
    expect(listNotes(theirs)).toHaveLength(0)
    undo.undo()
    expect(listNotes(theirs).map((n) => n.text)).toEqual(['luister eerst'])
    undo.undo()
    expect(listNotes(theirs)).toHaveLength(0)
    expect(undo.canUndo()).toBe(false)
    unregister()
  })
})

function apply(text: string, splice: ReturnType<typeof rebaseSplice>): string {
  return splice
    ? text.slice(0, splice.index) + splice.insert + text.slice(splice.index + splice.deleteCount)
    : text
}

describe('list view text merge', () => {
  it('keeps what someone else typed elsewhere in the note', () => {
    // The form started from "Samen koken"; meanwhile someone put "Wekelijks " in front.
    expect(
      apply(
        'Wekelijks samen koken',
        rebaseSplice('samen koken', 'samen koken in het buurthuis', 'Wekelijks samen koken'),
      ),
    ).toBe('Wekelijks samen koken in het buurthuis')
  })

  it('lets the form win only where both changed the same words', () => {
    expect(apply('de wijk', rebaseSplice('de buurt', 'het dorp', 'de wijk'))).toBe('het dorp')
    expect(rebaseSplice('gelijk', 'gelijk', 'anders')).toBeNull()
  })
})

describe('presence', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads foreign awareness states tolerantly', () => {
    expect(readPeer(1, null)).toBeNull()
    expect(readPeer(1, { user: { name: 5 } })).toBeNull()
    const peer = readPeer(7, {
      user: { name: 'A'.repeat(200), participantId: 'p1', color: 'red', role: 'king' },
      cursor: { x: Number.NaN, y: 1 },
      selection: ['n1', 3, 'n2'],
      viewport: { x: 1, y: 2, scale: -1 },
      view: 'outline',
    })
    expect(peer).toMatchObject({
      clientId: 7,
      cursor: null,
      selection: ['n1', 'n2'],
      viewport: null,
      view: 'outline',
    })
    expect(peer?.user.name).toHaveLength(60)
    expect(peer?.user.role).toBe('participant')
    expect(peer?.user.color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('gives a person the same colour everywhere, from a fixed palette', () => {
    expect(colorFor('participant-1')).toBe(colorFor('participant-1'))
    expect(PRESENCE_COLORS).toContain(colorFor('someone else'))
  })

  it('sends at most 20 awareness updates a second, keeping the latest values', () => {
    vi.useFakeTimers()
    const awareness = new Awareness(new Y.Doc())
    let updates = 0
    awareness.on('update', () => {
      updates += 1
    })
    const publisher = new PresencePublisher(awareness)
    for (let ms = 0; ms < 1000; ms += 2) {
      publisher.set({ cursor: { x: ms, y: ms } })
      vi.advanceTimersByTime(2)
    }
    vi.advanceTimersByTime(100)
    expect(updates).toBeLessThanOrEqual(MAX_UPDATES_PER_SECOND + 1)
    expect(updates).toBeGreaterThanOrEqual(MAX_UPDATES_PER_SECOND - 2)
    expect(awareness.getLocalState()?.cursor).toEqual({ x: 998, y: 998 })
    publisher.destroy()
    awareness.destroy()
  })

  it('follows a view: the same centre, zoomed so their whole screen fits', () => {
    // They see board point (500, 300) in the middle of a 1000 × 600 screen at 100%.
    const theirs = { x: 0, y: 0, scale: 1, width: 1000, height: 600 }
    const mine = followViewport(theirs, { width: 500, height: 600 })
    expect(mine.scale).toBeCloseTo(0.5)
    expect((250 - mine.x) / mine.scale).toBeCloseTo(500)
    expect((300 - mine.y) / mine.scale).toBeCloseTo(300)
  })
})
