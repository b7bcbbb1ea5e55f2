import { isDeepStrictEqual } from 'node:util'
import type * as Y from 'yjs'
import { otherGroupsSpaces } from '../../../shared/src/groups/peopleGroups'
import { isInputClosed, lockedIds } from '../../../shared/src/model/facilitation'
import {
  AUTHOR_NOTE_FIELDS,
  MOVABLE_NOTE_FIELDS,
  readNotesOpen,
} from '../../../shared/src/model/notePermissions'
import { notesRoot, zonesRoot } from '../../../shared/src/model/schema'
import { MERGED_COUNT } from '../../../shared/src/suggest/merge'
import { judgeOnCopy } from '../sync/scratchDocs'
import type { DecodedUpdate } from '../sync/updateChecks'
import { changedRecords, fieldOf, isTypeView, recordView, visibleBefore, visibleNow } from './recordViews'

/**
 * What a participant may change on a board, judged on what an update DOES (issue 16, "locks by
 * effect, not by encoding"): the update is applied to a scratch copy of the board (scratchDocs.ts)
 * and every record it changed is compared before and after (recordViews.ts). How the update is
 * encoded (content kind, client id, an origin-less value that wins a key, a deletion implied by a
 * replacement) does not matter; what anyone reading the board would see differently does.
 */

const FACILITATORS_LAYOUT = 'zones and the board title are for facilitators'
const FACILITATORS_SHAPES = 'shapes, labels and arrows are for facilitators'
const LOCKED = 'this object is locked'
const LOCKED_ZONE = 'this zone is locked'
const OTHERS_NOTE = "this is someone else's note"
const AUTHOR = 'a note carries the name of the person who wrote it'
const MERGED = 'only a facilitator merges notes'
/** People may react to every note, a locked one too. */
const REACTIONS_OPEN: ReadonlySet<string> = new Set(['reactions'])
/** Another's note: reactions, and moving and grouping it, stay open. */
const OTHERS_OPEN: ReadonlySet<string> = new Set([...REACTIONS_OPEN, ...MOVABLE_NOTE_FIELDS])

/** Who sends the update: a new note must carry this person's id and name. */
export interface Writer {
  participantId: string
  name: string
}

/** An update as received: its bytes (applied to the copy) and its decoded form. */
export interface ReceivedUpdate {
  update: Uint8Array
  decoded: DecodedUpdate
}

interface Rules {
  writer: Writer
  locked: ReadonlySet<string>
  lockedZones: ReadonlySet<string>
  notesOpen: boolean
}

/** Same record (not a replacement) with the same content, apart from the `open` fields. */
function sameExcept(before: unknown, after: unknown, open: ReadonlySet<string>): boolean {
  if (!isTypeView(before) || !isTypeView(after)) return isDeepStrictEqual(before, after)
  if (before.id !== after.id || before.kind !== after.kind) return false
  if (!isDeepStrictEqual(before.sequence, after.sequence)) return false
  const keys = new Set([...before.fields.keys(), ...after.fields.keys()])
  return [...keys].every(
    (key) => open.has(key) || isDeepStrictEqual(before.fields.get(key), after.fields.get(key)),
  )
}

function inLockedZone(note: unknown, rules: Rules): boolean {
  const zoneId = fieldOf(note, 'zoneId')
  return typeof zoneId === 'string' && rules.lockedZones.has(zoneId)
}

/** Why this change of one note (`before` → `after`, either absent) is not the writer's to make. */
function noteRefusal(id: string, before: unknown, after: unknown, rules: Rules): string | null {
  if (rules.locked.has(id) && !sameExcept(before, after, REACTIONS_OPEN)) return LOCKED
  // A locked zone is locked with everything in it: nothing leaves, changes or comes in.
  if (inLockedZone(before, rules) && !sameExcept(before, after, REACTIONS_OPEN)) return LOCKED_ZONE
  if (inLockedZone(after, rules) && fieldOf(before, 'zoneId') !== fieldOf(after, 'zoneId')) return LOCKED_ZONE
  // A new note: a wrong author is corrected after storing (noteAuthors.ts); `enteredBy` is
  // for facilitators only.
  if (before === undefined) {
    if (fieldOf(after, MERGED_COUNT) !== undefined) return MERGED
    return fieldOf(after, 'enteredBy') === undefined ? null : AUTHOR
  }
  const othersNote = !rules.notesOpen && fieldOf(before, 'authorId') !== rules.writer.participantId
  if (othersNote && !sameExcept(before, after, OTHERS_OPEN)) return OTHERS_NOTE
  if (after === undefined) return null
  for (const key of AUTHOR_NOTE_FIELDS) {
    if (!isDeepStrictEqual(fieldOf(before, key), fieldOf(after, key))) return AUTHOR
  }
  // "3×": how many people wrote this note counts in the harvest; set by a facilitator's merge only.
  if (!isDeepStrictEqual(fieldOf(before, MERGED_COUNT), fieldOf(after, MERGED_COUNT))) return MERGED
  return null
}

/**
 * An arrow removed together with a note it points to: the client removes a note's arrows with it
 * (an arrow is not drawn without both ends), so a participant deleting their own note may delete
 * the facilitator's arrow to it in the same update, and only then.
 */
function losesEnd(shape: unknown, transaction: Y.Transaction): boolean {
  if (fieldOf(shape, 'kind') !== 'connector') return false
  const notes = notesRoot(transaction.doc)
  return [fieldOf(shape, 'fromId'), fieldOf(shape, 'toId')].some(
    (end) =>
      typeof end === 'string' &&
      recordView(notes, end, visibleBefore(transaction)) !== undefined &&
      recordView(notes, end, visibleNow) === undefined,
  )
}

/** Why the changes of `transaction` (a participant's update, tried on the copy) are refused. */
function refusalOf(transaction: Y.Transaction, rules: Rules): string | null {
  const before = visibleBefore(transaction)
  for (const [rootName, keys] of changedRecords(transaction)) {
    const root = transaction.doc.share.get(rootName)
    if (!root) continue
    for (const key of keys) {
      const was = recordView(root, key, before)
      const is = recordView(root, key, visibleNow)
      if (rootName === 'notes') {
        // No comparison first (the most common changed record, and deep equality of two views
        // costs more than the rules): every rule of noteRefusal lets an unchanged note pass.
        const refusal = noteRefusal(key, was, is, rules)
        if (refusal !== null) return refusal
        continue
      }
      if (isDeepStrictEqual(was, is)) continue
      if (rootName === 'zones' || rootName === 'meta') return FACILITATORS_LAYOUT
      if (rootName === 'shapes' && !(is === undefined && losesEnd(was, transaction)))
        return FACILITATORS_SHAPES
    }
  }
  return null
}

/**
 * Why a participant's update to the content document must be refused, or null when it is fine.
 * Checked before it is stored: a refused update never reaches anyone.
 */
export function participantWriteRefusal(
  received: ReceivedUpdate,
  content: Y.Doc,
  control: Y.Doc,
  serverNow: number,
  writer: Writer,
): string | null {
  if (isInputClosed(control, serverNow)) return 'input is closed'
  const locked = lockedIds(control)
  const rules: Rules = {
    writer,
    locked,
    lockedZones: new Set([
      ...[...locked].filter((id) => zonesRoot(content).has(id)),
      // Issue 18: while groups keep apart, other groups' spaces are locked for this writer.
      ...otherGroupsSpaces(control, writer.participantId),
    ]),
    notesOpen: readNotesOpen(control),
  }
  return judgeOnCopy(content, received.update, received.decoded, (transaction) =>
    refusalOf(transaction, rules),
  )
}

/**
 * Why a participant's write to their own drafts room must be refused: when input is closed
 * (time up in a round that locks input, or locked by a facilitator), drafts close too, so a
 * draft written after the bell never reaches the reveal.
 */
export function participantDraftRefusal(control: Y.Doc, serverNow: number): string | null {
  return isInputClosed(control, serverNow) ? 'input is closed' : null
}
