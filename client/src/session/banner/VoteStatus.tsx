import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionView } from '../sessionView'
import { VoteResults } from './VoteResults'

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
  const showResults = hasResults && voting.resultsVisible

  return (
    <>
      {voting.open && (
        <span className="session-chip vote-chip" data-testid="votes-left">
          <span className="vote-dot" aria-hidden="true" />
          {t('session.dotsLeft', { count: voting.remaining, total: voting.perPerson })}
        </span>
      )}
      {view.state.voting?.open && view.state.voting.hideResults && (
        <span className="session-chip">{t('session.resultsHidden')}</span>
      )}
      {showResults && (
        <span className="session-results">
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
