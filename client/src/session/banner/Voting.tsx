import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteData } from '../../../../shared/src/model'
import { countById } from '../../../../shared/src/model/countById'
import type { SessionView } from '../sessionView'
import type { Voter, VotersView } from '../useVoters'

interface RankedNote {
  note: NoteData
  votes: number
}

/** Notes with votes, most first (ties: oldest first, as on the board). */
export function rankNotes(
  notes: readonly NoteData[],
  results: Readonly<Record<string, number>>,
): RankedNote[] {
  return notes
    .map((note) => ({ note, votes: countById(results, note.id) }))
    .filter((entry) => entry.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.note.createdAt - b.note.createdAt)
}

/** "Ahmed (2), Fatima (1)": the order the server gave (most dots first). */
function VotedBy({ voters }: { voters: readonly Voter[] }) {
  const { t } = useTranslation()
  const names = voters
    .map((voter) =>
      t('session.voterDots', { name: voter.name || t('session.unknownVoter'), count: voter.count }),
    )
    .join(', ')
  return (
    <div className="vote-results-voters" data-testid="vote-voters">
      {t('session.votedBy', { names })}
    </div>
  )
}

/**
 * The vote results as a ranked list: place, votes, note text; with `voters` (a facilitator, a
 * vote that is not anonymous) also who voted for each note.
 */
export function VoteResults({
  notes,
  results,
  voters,
}: {
  notes: readonly NoteData[]
  results: Readonly<Record<string, number>>
  voters?: VotersView | null
}) {
  const { t } = useTranslation()
  const ranked = rankNotes(notes, results)
  if (ranked.length === 0) return <p className="session-muted">{t('session.noVotesYet')}</p>
  return (
    <>
      <ol className="vote-results" data-testid="vote-results">
        {ranked.map(({ note, votes }) => {
          const noteVoters = voters?.byNote.get(note.id)
          return (
            <li key={note.id} data-testid="vote-result" data-note-id={note.id}>
              <span className="vote-results-count">{t('session.votes', { count: votes })}</span>{' '}
              <span className="vote-results-text">{note.text || t('list.emptyNote')}</span>
              {noteVoters && noteVoters.length > 0 && <VotedBy voters={noteVoters} />}
            </li>
          )
        })}
      </ol>
      {voters?.failed && <p className="session-muted">{t('session.votersFailed')}</p>}
    </>
  )
}

/** While voting is open: how many dots this person has left (in the banner's one line). */
export function DotsLeft({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const { voting } = view
  if (!voting.open) return null
  return (
    <span className="session-chip vote-chip" data-testid="votes-left">
      <span className="vote-dot" aria-hidden="true" />
      <span className="vote-chip-long">
        {t('session.dotsLeft', { count: voting.remaining, total: voting.perPerson })}
      </span>
      {/* On a phone the line has room for "4/5" only; the words stay for screen readers. */}
      <span className="vote-chip-short" aria-hidden="true">
        {t('session.dotsLeftShort', { count: voting.remaining })}
      </span>
    </span>
  )
}

/**
 * Voting in the banner: while open, how many dots this person has left; once there are results,
 * a button that shows them ranked.
 */
export function VoteStatus({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const id = useId()
  const { voting } = view
  const hasResults = Object.values(view.state.voteResults).some((count) => count > 0)
  const resultsRef = useRef<HTMLSpanElement>(null)
  // Escape closes the results and gives focus back to their button.
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      resultsRef.current?.querySelector<HTMLButtonElement>('button')?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])
  const showResults = hasResults && voting.resultsVisible

  return (
    <>
      {/* People should know before they vote that their dots are not anonymous. */}
      {view.state.voting?.open && !view.state.voting.anonymous && (
        <span className="session-chip" data-testid="votes-named">
          {t('session.votesNamed')}
        </span>
      )}
      {view.state.voting?.open && view.state.voting.hideResults && (
        <span className="session-chip">{t('session.resultsHidden')}</span>
      )}
      {showResults && (
        <span className="session-results" ref={resultsRef}>
          <button
            type="button"
            className="button secondary"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen((value) => !value)}
            data-testid="results-open"
          >
            {t('session.results')}
          </button>
          {open && (
            <div className="session-popover" id={id}>
              <h2>{t('session.resultsTitle')}</h2>
              <VoteResults notes={view.notes} results={view.state.voteResults} />
            </div>
          )}
        </span>
      )}
    </>
  )
}
