import { useTranslation } from 'react-i18next'
import type { ViewMode } from './useViewMode'
import './outline.css'

function ListIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.6"
        strokeLinecap="round"
      />
    </svg>
  )
}

/**
 * The first thing on the board page for keyboard and screen reader users: switch to the list view
 * (or back). A toggle button, so its name stays the same and its state is "pressed".
 */
export function ViewToggle({ mode, onChange }: { mode: ViewMode; onChange: (mode: ViewMode) => void }) {
  const { t } = useTranslation()
  const outline = mode === 'outline'
  return (
    <button
      type="button"
      className="toolbar-button view-toggle"
      aria-pressed={outline}
      title={outline ? t('outline.toggleOffHint') : t('outline.toggleOnHint')}
      onClick={() => onChange(outline ? 'canvas' : 'outline')}
      data-testid="view-toggle"
    >
      <ListIcon />
      {t('outline.toggle')}
    </button>
  )
}
