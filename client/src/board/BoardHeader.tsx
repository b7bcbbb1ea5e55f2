import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/src/roles'
import { LanguageSwitch } from '../components/LanguageSwitch'
import type { ConnectionStatus } from '../sync/useSyncedBoard'
import { ConnectionBadge } from './ConnectionBadge'

interface BoardHeaderProps {
  title: string
  role: Role
  name: string
  status: ConnectionStatus
  hasSynced: boolean
  onShare?: () => void
  /** The board menu (save as template, shortcuts, …). */
  menu?: ReactNode
  /** First focusable element of the page: the list view toggle. */
  start?: ReactNode
  /** Participants, undo/redo. */
  tools?: ReactNode
}

export function BoardHeader({
  title,
  role,
  name,
  status,
  hasSynced,
  onShare,
  menu,
  start,
  tools,
}: BoardHeaderProps) {
  const { t } = useTranslation()
  return (
    <header className="board-header">
      {start}
      <a className="brand brand-small" href="/">
        <span className="brand-mark" aria-hidden="true" />
        <span className="visually-hidden">{t('app.name')}</span>
      </a>
      <h1 className="board-title" data-testid="board-title">
        {title}
      </h1>
      <div className="board-header-tools">
        <ConnectionBadge status={status} hasSynced={hasSynced} />
        <span
          className={`role-badge role-${role}`}
          title={t('board.youAre', { name })}
          data-testid="role-badge"
        >
          {t(`roles.${role}`)}
        </span>
        {tools}
        {onShare && (
          <button
            type="button"
            className="button primary share-button"
            onClick={onShare}
            data-testid="share-open"
          >
            {t('share.open')}
          </button>
        )}
        {menu}
        <LanguageSwitch />
      </div>
    </header>
  )
}
