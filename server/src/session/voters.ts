import * as Y from 'yjs'
import { ballotsRoot, voteInfoRoot } from '../../../shared/src/model/schema'
import { PERSON_NAME_MAX_LENGTH } from '../../../shared/src/model/session'
import { SessionError } from './timerActions'

/**
 * Who voted for what, for facilitators, in named (not anonymous) votes only. Everything here lives
 * in the server-only votes room (schema.ts, `voteInfo`): whether a vote is named is recorded by
 * the server when it opens, so nothing a client writes can turn an anonymous vote into a named one.
 */

export interface NoteVoter {
  participantId: string
  name: string
  count: number
}

export interface NoteVoters {
  noteId: string
  total: number
  voters: NoteVoter[]
}

export interface VotersOverview {
  voteId: string
  open: boolean
  notes: NoteVoters[]
}

/** Called when a vote opens: remembers, out of clients' reach, whether it is anonymous. */
export function recordVoteOpened(votes: Y.Doc, voteId: string, anonymous: boolean): void {
  const info = new Y.Map<unknown>()
  votes.transact(() => {
    info.set('anonymous', anonymous)
    if (!anonymous) info.set('names', new Y.Map<string>())
    voteInfoRoot(votes).set(voteId, info)
  })
}

/**
 * A vote is named only when the server recorded it so. Votes opened before this record existed
 * count as anonymous: that was the default, and guessing the other way would expose people.
 */
export function isNamedVote(votes: Y.Doc, voteId: string): boolean {
  return voteInfoRoot(votes).get(voteId)?.get('anonymous') === false
}

/** A vote this board held: the server recorded it, or (older votes) it has ballots. */
export function voteExists(votes: Y.Doc, voteId: string): boolean {
  return voteInfoRoot(votes).has(voteId) || ballotsRoot(votes).has(voteId)
}

/**
 * Keeps the voter's name as their token gave it. Someone can vote over HTTP without ever opening
 * the board (which is where `participantsEverJoined` is filled), and a name must still be shown.
 * Anonymous votes keep no names at all.
 */
export function recordVoterName(votes: Y.Doc, voteId: string, participantId: string, name: string): void {
  const names = voteInfoRoot(votes).get(voteId)?.get('names')
  if (!isNamedVote(votes, voteId) || !(names instanceof Y.Map)) return
  const value = name.slice(0, PERSON_NAME_MAX_LENGTH)
  if (names.get(participantId) !== value) names.set(participantId, value)
}

function recordedName(votes: Y.Doc, voteId: string, participantId: string): string {
  const names = voteInfoRoot(votes).get(voteId)?.get('names')
  const name = names instanceof Y.Map ? names.get(participantId) : undefined
  return typeof name === 'string' ? name : ''
}

/**
 * Per note, who put how many dots on it: notes by most dots, voters by most dots then name.
 * `knownNames` (participants who opened the board, latest name) wins over the name recorded at
 * voting time, so a renamed person shows as they are called now.
 */
export function listVoters(
  votes: Y.Doc,
  voteId: string,
  knownNames: ReadonlyMap<string, string>,
): NoteVoters[] {
  if (!isNamedVote(votes, voteId)) {
    throw new SessionError('vote_anonymous', 'This vote is anonymous: nobody may see who voted for what.')
  }
  const byNote = new Map<string, NoteVoter[]>()
  for (const [participantId, ballot] of ballotsRoot(votes).get(voteId)?.entries() ?? []) {
    const name = knownNames.get(participantId) || recordedName(votes, voteId, participantId)
    for (const [noteId, count] of ballot.entries()) {
      if (!(typeof count === 'number' && count > 0)) continue
      const voters = byNote.get(noteId) ?? []
      voters.push({ participantId, name, count })
      byNote.set(noteId, voters)
    }
  }
  return [...byNote]
    .map(([noteId, voters]) => ({
      noteId,
      total: voters.reduce((sum, voter) => sum + voter.count, 0),
      voters: voters.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl')),
    }))
    .sort((a, b) => b.total - a.total || a.noteId.localeCompare(b.noteId))
}
