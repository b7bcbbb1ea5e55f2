import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMUNITY_LIMITS } from '../../../shared/src/api/communityLimits'
import { type SearchHit, searchCommunity } from '../api/communityApi'
import { FormError } from '../components/FormError'
import { noteLinkPath, openSessionAsFacilitator } from './sessionAccess'
import { communityErrorKey } from './useCommunity'

const MIN_QUERY = COMMUNITY_LIMITS.searchMin
const MAX_QUERY = COMMUNITY_LIMITS.searchMax

interface SearchBoxProps {
  communityId: string
  communityKey: string
}

/**
 * Search what all sessions harvested (notes, agreements, insights). A result names its session and
 * opens that board on the note (as its facilitator: the community key runs every session).
 */
export function SearchBox({ communityId, communityKey }: SearchBoxProps) {
  const { t } = useTranslation()
  const fieldId = useId()
  const resultsId = useId()
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [searched, setSearched] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const q = query.trim()
    setError(null)
    if (q.length < MIN_QUERY) {
      setError(t('community.search.tooShort'))
      return
    }
    setBusy(true)
    try {
      setHits(await searchCommunity(communityId, communityKey, q))
      setSearched(q)
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    } finally {
      setBusy(false)
    }
  }

  const open = async (event: React.MouseEvent, hit: SearchHit) => {
    // A plain click opens the board here with a token; a new-tab click follows the href itself.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    try {
      await openSessionAsFacilitator(
        communityId,
        communityKey,
        { boardId: hit.boardId, title: hit.sessionTitle },
        hit.noteId,
      )
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    }
  }

  return (
    <div className="community-search">
      <search>
        <form onSubmit={submit} className="community-search-form">
          <label htmlFor={fieldId}>{t('community.search.label')}</label>
          <div className="community-search-row">
            <input
              id={fieldId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              maxLength={MAX_QUERY}
              aria-describedby={hits ? resultsId : undefined}
              data-testid="community-search-input"
            />
            <button
              type="submit"
              className="button primary"
              disabled={busy}
              data-testid="community-search-submit"
            >
              {t('community.search.submit')}
            </button>
          </div>
        </form>
      </search>
      <FormError message={error} />
      {hits && (
        <div aria-live="polite">
          <p id={resultsId} className="community-meta">
            {t('community.search.count', { count: hits.length, query: searched })}
          </p>
          <ul className="community-hits" data-testid="community-search-results">
            {hits.map((hit) => (
              <li key={`${hit.boardId}-${hit.noteId}-${hit.kind}`}>
                <a
                  href={hit.link || noteLinkPath(hit.boardId, hit.noteId)}
                  onClick={(event) => void open(event, hit)}
                >
                  <span className="community-hit-session">
                    {t('community.search.inSession', { number: hit.position, title: hit.sessionTitle })}
                    {' · '}
                    {t(`community.search.kind.${hit.kind}`)}
                  </span>
                  <span className="community-hit-text">{hit.text}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
