import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../sync/useSyncedBoard'

/**
 * Always visible, in words and colour, so people know whether what they write reaches the others.
 * A live region announces changes to screen reader users too.
 */
export function ConnectionBadge({ status, hasSynced }: { status: ConnectionStatus; hasSynced: boolean }) {
  const { t } = useTranslation()
  const label =
    status === 'connected'
      ? t('connection.connected')
      : status === 'offline'
        ? t('connection.offline')
        : hasSynced
          ? t('connection.reconnecting')
          : t('connection.connecting')
  return (
    <span
      className={`connection-badge status-${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      title={status === 'connected' ? label : t('connection.offlineHint')}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{label}</span>
    </span>
  )
}
