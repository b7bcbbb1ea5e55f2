import { useTranslation } from 'react-i18next'
import type { NoteData } from '../../../../shared/src/model'

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
    .map((note) => ({ note, votes: results[note.id] ?? 0 }))
    .filter((entry) => entry.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.note.createdAt - b.note.createdAt)
}

/** The vote results as a ranked list: place, votes, note text. */
export function VoteResults({
  notes,
  results,
}: {
  notes: readonly NoteData[]
  results: Readonly<Record<string, number>>
}) {
  const { t } = useTranslation()
  const ranked = rankNotes(notes, results)
  if (ranked.length === 0) return <p className="session-muted">{t('session.noVotesYet')}</p>
  return (
    <ol className="vote-results" data-testid="vote-results">
      {ranked.map(({ note, votes }) => (
        <li key={note.id} data-testid="vote-result" data-note-id={note.id}>
          <span className="vote-results-count">{t('session.votes', { count: votes })}</span>
          <span className="vote-results-text">{note.text || t('list.emptyNote')}</span>
        </li>
      ))}
    </ol>
  )
}
