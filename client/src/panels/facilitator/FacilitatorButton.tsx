import { useTranslation } from 'react-i18next'

export const FACILITATOR_PANEL_ID = 'facilitator-panel'

function ClockIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 9v4l3 2M9 2h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

/** Opens the facilitator's session panel (rounds, timer, private writing, voting, people). */
export function FacilitatorButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="toolbar-button facilitator-button"
      aria-expanded={open}
      aria-controls={open ? FACILITATOR_PANEL_ID : undefined}
      onClick={onToggle}
      data-testid="facilitator-open"
    >
      <ClockIcon />
      <span>{t('facilitator.button')}</span>
    </button>
  )
}
