import { useEffect, useState } from 'react'
import type { VotingConfig } from '../../../shared/src/model'
import { ApiError } from '../api/http'
import { getVoters, type NoteVoters } from './sessionApi'

export type Voter = NoteVoters['voters'][number]

export interface VotersView {
  /** noteId → who put dots on it, most dots first. */
  byNote: ReadonlyMap<string, readonly Voter[]>
  /** The last refresh failed; what is shown may be old (or nothing yet). */
  failed: boolean
}

/** Tallies arrive with every dot; waiting this long asks the server once for a burst of votes. */
const REFRESH_DELAY_MS = 300

/**
 * Who voted for what (`GET …/votes/voters`), for a facilitator's view of a vote that is not
 * anonymous; null when there is nothing to show (anonymous vote, no vote, not a facilitator).
 * The names are never in a document anyone can read, so they are fetched, and fetched again when
 * the published tallies change. The server decides: a refusal (403) simply shows no names.
 */
export function useVoters(input: {
  boardId: string
  token: string
  isFacilitator: boolean
  config: VotingConfig | null
  results: Readonly<Record<string, number>>
}): VotersView | null {
  const { boardId, token, isFacilitator, config, results } = input
  const voteId = isFacilitator && config && !config.anonymous ? config.voteId : null
  const [view, setView] = useState<(VotersView & { voteId: string }) | null>(null)
  // The tallies as one string: a new object with the same numbers must not trigger a fetch.
  const resultsKey = JSON.stringify(results)

  // biome-ignore lint/correctness/useExhaustiveDependencies: resultsKey stands for "the tallies changed"
  useEffect(() => {
    if (voteId === null) return
    let cancelled = false
    const timer = setTimeout(() => {
      getVoters(boardId, token, voteId).then(
        (answer) => {
          if (cancelled) return
          const byNote = new Map(answer.notes.map((note) => [note.noteId, note.voters]))
          setView({ voteId, byNote, failed: false })
        },
        (error: unknown) => {
          if (cancelled) return
          // Anonymous after all (an older vote): show no names rather than an error.
          if (error instanceof ApiError && error.code === 'vote_anonymous') setView(null)
          else
            setView((current) => ({
              voteId,
              byNote: current?.voteId === voteId ? current.byNote : new Map(),
              failed: true,
            }))
        },
      )
    }, REFRESH_DELAY_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [boardId, token, voteId, resultsKey])

  // Names of an earlier vote are never shown next to another vote's results.
  if (voteId === null || view?.voteId !== voteId) return null
  return { byNote: view.byNote, failed: view.failed }
}
