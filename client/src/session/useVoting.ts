import { useCallback, useEffect, useRef, useState } from 'react'
import type { NoteData, VotingConfig } from '../../../shared/src/model'
import { countById } from '../../../shared/src/model/countById'
import { ApiError } from '../api/http'
import { castVote, getMyVotes, type MyVotes } from './sessionApi'
import { areResultsVisible } from './voteCounts'

export interface VotingView {
  /** Voting is open and this person may vote. */
  open: boolean
  config: VotingConfig | null
  mine: Readonly<Record<string, number>>
  remaining: number
  perPerson: number
  inScope(note: NoteData): boolean
  /** Resolves true when the server took the vote (a refusal is explained through onMessage). */
  vote(noteId: string, delta: 1 | -1): Promise<boolean>
  /** Published tallies may be shown (always after closing; while open unless hidden). */
  resultsVisible: boolean
}

/** Why the server refused a vote, worked out from what we know, as an i18n key. */
export function refusalKey(
  config: VotingConfig | null,
  votes: MyVotes | null,
  noteId: string,
  delta: 1 | -1,
) {
  if (!config?.open) return 'session.voteClosed'
  if (delta < 0) return 'session.voteRefused'
  if (votes && votes.remaining <= 0) return 'session.voteNoneLeft'
  if (votes && countById(votes.mine, noteId) >= config.maxPerNote) return 'session.voteMaxPerNote'
  if (config.scope === 'zone') return 'session.voteOutOfScope'
  return 'session.voteRefused'
}

/**
 * This person's dots: how many are left and where they are (`GET …/votes/mine`), refreshed when
 * voting opens or closes and after every vote. Votes go to the server, which checks budget, per-note
 * maximum and scope; a refusal is explained in plain words through `onMessage`.
 */
export function useVoting(input: {
  boardId: string
  token: string
  config: VotingConfig | null
  canVote: boolean
  onMessage: (key: string, values?: Record<string, unknown>) => void
}): VotingView {
  const { boardId, token, config, canVote, onMessage } = input
  const [votes, setVotes] = useState<MyVotes | null>(null)
  const open = Boolean(config?.open && canVote)
  const latest = useRef({ config, votes, onMessage })
  latest.current = { config, votes, onMessage }

  const refresh = useCallback(async (): Promise<MyVotes | null> => {
    try {
      const fresh = await getMyVotes(boardId, token)
      setVotes(fresh)
      return fresh
    } catch {
      // Shown as "no dots" until the next refresh; voting itself reports its own errors.
      return null
    }
  }, [boardId, token])

  const openKey = config ? `${config.open}:${config.voteId}:${config.perPerson}` : 'none'
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read when voting opens, closes or changes
  useEffect(() => {
    if (open) void refresh()
    else setVotes(null)
  }, [open, openKey, refresh])

  const vote = useCallback(
    async (noteId: string, delta: 1 | -1) => {
      let refusal: unknown = null
      try {
        await castVote(boardId, token, noteId, delta)
      } catch (error) {
        refusal = error
      }
      // The reason is worked out from the dots as they are now: quick taps can outrun the last
      // refresh, and a stale count would give the vague "Dat lukte niet".
      const fresh = await refresh()
      if (refusal === null) return true
      const { config, votes, onMessage } = latest.current
      if (refusal instanceof ApiError && refusal.status === 409) {
        const max = config?.maxPerNote ?? 1
        onMessage(refusalKey(config, fresh ?? votes, noteId, delta), { max, count: max })
      } else onMessage('session.actionFailed')
      return false
    },
    [boardId, token, refresh],
  )

  const inScope = useCallback(
    (note: NoteData) =>
      Boolean(config) &&
      (config?.scope !== 'zone' || (note.zoneId !== null && config.zoneIds.includes(note.zoneId))),
    [config],
  )

  return {
    open,
    config,
    mine: votes?.mine ?? {},
    remaining: votes?.remaining ?? 0,
    perPerson: votes?.perPerson ?? config?.perPerson ?? 0,
    inScope,
    vote,
    resultsVisible: areResultsVisible(config),
  }
}
