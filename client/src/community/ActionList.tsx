import { useTranslation } from 'react-i18next'
import type { CommunityAction } from '../api/communityApi'
import { ACTION_STATUS_KEY, formatDate } from './statusLabels'

/**
 * The community's actions (the agreements of its sessions), each with its newest status and the
 * whole history: who said what about it in which session.
 */
export function ActionList({ actions }: { actions: readonly CommunityAction[] }) {
  const { t, i18n } = useTranslation()
  if (actions.length === 0) return <p className="community-empty">{t('community.actions.none')}</p>
  return (
    <ul className="community-actions" data-testid="community-actions">
      {actions.map((action) => (
        <li key={action.id} className="community-action" data-testid="community-action">
          <div className="community-action-head">
            <p className="community-action-what">
              <strong>{action.who || t('community.actions.nobody')}</strong>: {action.what}
              {action.when && <span className="community-when"> ({action.when})</span>}
            </p>
            <span className={`status-chip action-${action.status}`} data-testid="community-action-status">
              {t(ACTION_STATUS_KEY[action.status])}
            </span>
          </div>
          <p className="community-meta">
            {t('community.actions.from', { number: action.sourcePosition, title: action.sourceTitle })}
          </p>
          {action.history.length > 0 && (
            <details className="community-history">
              <summary>{t('community.actions.history', { count: action.history.length })}</summary>
              <ol data-testid="community-action-history">
                {action.history.map((entry) => (
                  <li key={`${entry.at}-${entry.status}`}>
                    <span className={`status-chip small action-${entry.status}`}>
                      {t(ACTION_STATUS_KEY[entry.status])}
                    </span>{' '}
                    {t('community.actions.historyLine', {
                      number: entry.position,
                      date: formatDate(entry.at, i18n.language),
                      name: entry.byName || t('community.actions.someone'),
                    })}
                    {entry.note && <q className="community-history-note">{entry.note}</q>}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </li>
      ))}
    </ul>
  )
}
