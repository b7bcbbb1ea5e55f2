import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/src/roles'
import { LanguageSwitch } from '../components/LanguageSwitch'
import type { ConnectionStatus } from '../sync/useSyncedBoard'
import { ConnectionBadge } from './ConnectionBadge'

interface BoardHeaderProps {
  title: string
  /** The board's own language (its title and notes), for screen readers' voice. */
  contentLanguage: string
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

/**
 * One line at the top of the board: the view switch, the board's name, the connection and (on
 * wide screens) every tool. On a phone the tools fold behind "Meer": opened, they wrap onto
 * further lines of the header itself, so they push the board down instead of covering it.
 */
export function BoardHeader({
  title,
  contentLanguage,
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
  const [open, setOpen] = useState(false)
  const toolsId = useId()
  const header = useRef<HTMLElement>(null)
  useFoldAway(open, header, () => setOpen(false))
  return (
    <header ref={header} className={`board-header${open ? ' open' : ''}`}>
      {start}
      <a className="brand brand-small" href="/">
        <span className="brand-mark" aria-hidden="true" />
        <span className="visually-hidden">{t('app.name')}</span>
      </a>
      <h1 className="board-title" data-testid="board-title" lang={contentLanguage}>
        {title}
      </h1>
      <ConnectionBadge status={status} hasSynced={hasSynced} />
      <button
        type="button"
        className="button secondary header-more"
        aria-expanded={open}
        aria-controls={toolsId}
        aria-label={t('board.moreTools')}
        onClick={() => setOpen((value) => !value)}
        data-testid="header-more"
      >
        {t('board.more')}
        <span aria-hidden="true" className="header-more-arrow">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div className="board-header-tools" id={toolsId}>
        <span
          className={`role-badge role-${role}`}
          title={t('board.youAre', { name })}
          data-testid="role-badge"
        >
          {t(`roles.${role}`)}
        </span>
        <span className="you-are">{t('board.youAre', { name })}</span>
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
      {status !== 'connected' && hasSynced && (
        // Said in words, not only in a tooltip: people on a phone never see a hover text.
        <p className="offline-explainer" data-testid="offline-explainer">
          {t('connection.offlineHint')}
        </p>
      )}
    </header>
  )
}

/**
 * The unfolded tools fold away like a menu: on Escape (focus back on "Meer") and on a tap outside
 * the header — but not in a panel or dialog opened from it, whose button must still be there when
 * it closes and gives focus back.
 */
function useFoldAway(open: boolean, header: { current: HTMLElement | null }, close: () => void): void {
  const latestClose = useRef(close)
  latestClose.current = close
  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null
      if (!target || header.current?.contains(target)) return
      if (target.closest('[role=dialog], [data-testid$="-panel"]')) return
      latestClose.current()
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !header.current?.contains(document.activeElement)) return
      latestClose.current()
      header.current.querySelector<HTMLButtonElement>('[data-testid=header-more]')?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open, header])
}
