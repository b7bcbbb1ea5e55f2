import * as Y from 'yjs'
import type { VotingConfig } from '../../../shared/src/model/facilitation'
import { getNote } from '../../../shared/src/model/notes'
import { ballotsRoot } from '../../../shared/src/model/schema'
import { SessionError } from './timerActions'

/**
 * Dot voting, kept in the server-only votes room: voteId → participantId → noteId → count. The
 * rules are checked here, on the server, so an edited client cannot vote twice or over budget.
 */
export interface MyVotes {
  perPerson: number
  used: number
  remaining: number
  mine: Record<string, number>
}

function personBallot(
  votes: Y.Doc,
  voteId: string,
  participantId: string,
  create: boolean,
): Y.Map<number> | null {
  const root = ballotsRoot(votes)
  let vote = root.get(voteId)
  if (!vote) {
    if (!create) return null
    vote = new Y.Map<Y.Map<number>>()
    root.set(voteId, vote)
  }
  let ballot = vote.get(participantId)
  if (!ballot && create) {
    ballot = new Y.Map<number>()
    vote.set(participantId, ballot)
  }
  return ballot ?? null
}

export function myVotes(votes: Y.Doc, config: VotingConfig | null, participantId: string): MyVotes {
  const perPerson = config?.perPerson ?? 0
  const ballot = config ? personBallot(votes, config.voteId, participantId, false) : null
  // No prototype: a note id such as "constructor" must not find Object.prototype's member.
  const mine: Record<string, number> = Object.create(null)
  for (const [noteId, count] of ballot?.entries() ?? []) {
    if (typeof count === 'number' && count > 0) mine[noteId] = count
  }
  const used = Object.values(mine).reduce((sum, count) => sum + count, 0)
  return { perPerson, used, remaining: Math.max(0, perPerson - used), mine }
}

/** Adds or takes back one dot; throws SessionError('vote_refused', why) when the rules say no. */
export function castVote(
  votes: Y.Doc,
  content: Y.Doc,
  config: VotingConfig | null,
  participantId: string,
  noteId: string,
  delta: 1 | -1,
): MyVotes {
  if (!config?.open) throw new SessionError('vote_refused', 'Voting is not open.')
  const note = getNote(content, noteId)
  if (!note) throw new SessionError('vote_refused', 'There is no such note.')
  if (config.scope === 'zone' && (note.zoneId === null || !config.zoneIds.includes(note.zoneId))) {
    throw new SessionError('vote_refused', 'This note is not part of this vote.')
  }
  const current = myVotes(votes, config, participantId)
  const onNote = Object.hasOwn(current.mine, noteId) ? (current.mine[noteId] ?? 0) : 0
  if (delta === 1 && current.remaining <= 0)
    throw new SessionError('vote_refused', 'You have used all your dots.')
  if (delta === 1 && onNote >= config.maxPerNote) {
    throw new SessionError('vote_refused', `At most ${config.maxPerNote} dot(s) per note.`)
  }
  if (delta === -1 && onNote === 0) throw new SessionError('vote_refused', 'You have no dot on this note.')
  const ballot = personBallot(votes, config.voteId, participantId, true) as Y.Map<number>
  ballot.set(noteId, onNote + delta)
  return myVotes(votes, config, participantId)
}

/** Dots per note over every vote held on this board. */
export function tallies(votes: Y.Doc): Record<string, number> {
  // No prototype: note ids "constructor" or "__proto__" must count like any other id.
  const totals: Record<string, number> = Object.create(null)
  for (const vote of ballotsRoot(votes).values()) {
    for (const ballot of vote.values()) {
      for (const [noteId, count] of ballot.entries()) {
        if (typeof count === 'number' && count > 0) totals[noteId] = (totals[noteId] ?? 0) + count
      }
    }
  }
  return totals
}
