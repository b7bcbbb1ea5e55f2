import { useTranslation } from 'react-i18next'
import type { LookbackEntry } from '../../../../shared/src/model/lookback'
import { ACTION_STATUS_KEY } from '../../community/statusLabels'
import '../../styles/statusChips.css'

/** The action's newest status as a chip: "gedaan", "loopt", "niet gelukt" or "nog open". */
export function LookbackChip({ entry }: { entry: LookbackEntry }) {
  const { t } = useTranslation()
  const status = entry.status ?? 'open'
  return (
    <span className={`status-chip action-${status}`} data-testid="lookback-status" data-status={status}>
      <span className="visually-hidden">{t('lookback.statusPrefix')} </span>
      {t(ACTION_STATUS_KEY[status])}
    </span>
  )
}

/** Who set the status, and their note ("Fatima: wacht op de drukker"). */
export function LookbackBy({ entry }: { entry: LookbackEntry }) {
  const { t } = useTranslation()
  if (!entry.status || (!entry.byName && !entry.note)) return null
  return (
    <span className="lookback-by" data-testid="lookback-by">
      {entry.byName ? t('lookback.by', { name: entry.byName }) : null}
      {entry.byName && entry.note ? ': ' : null}
      {entry.note ? <q>{entry.note}</q> : null}
    </span>
  )
}
