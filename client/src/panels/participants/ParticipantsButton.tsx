import { useTranslation } from 'react-i18next'

interface ParticipantsButtonProps {
  panelId: string
  open: boolean
  onlineCount: number
  onToggle: () => void
}

function PeopleIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M3 19c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <circle cx="17" cy="9" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M17 14c2.4 0 4 1.6 4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  )
}

/** Opens the participants panel; shows how many people are online now. */
export function ParticipantsButton({ panelId, open, onlineCount, onToggle }: ParticipantsButtonProps) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="toolbar-button participants-button"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
      title={t('participants.button')}
      data-testid="participants-open"
    >
      <PeopleIcon />
      <span className="participants-button-label">{t('participants.button')}</span>
      <span className="participants-count" data-testid="online-count">
        <span className="visually-hidden">{t('participants.onlineCountLabel', { count: onlineCount })}</span>
        <span aria-hidden="true">{onlineCount}</span>
      </span>
    </button>
  )
}
