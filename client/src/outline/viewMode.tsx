import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import './outline.css'

export type ViewMode = 'canvas' | 'outline'

const STORAGE_KEY = 'oogst.view'

function readStored(): ViewMode | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return stored === 'outline' || stored === 'canvas' ? stored : null
  } catch {
    return null
  }
}

/**
 * A phone (upright or turned sideways), or a laptop zoomed to 200 % or more: screens where the list
 * works better than the canvas.
 */
export function isNarrowScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(max-width: 699px), (max-height: 499px)').matches
}

/**
 * Canvas or list view, remembered on this device once chosen. Before that, participants on a
 * narrow screen start in the list (one card per question, big buttons: made for a phone);
 * everyone else starts on the canvas. Screen readers cannot be detected reliably, so nothing else
 * is guessed: the other view is one clear toggle away.
 */
export function useViewMode(preferList: boolean): [ViewMode, (mode: ViewMode) => void] {
  const [mode, setMode] = useState<ViewMode>(() => readStored() ?? (preferList ? 'outline' : 'canvas'))
  const choose = useCallback((next: ViewMode) => {
    setMode(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembered, but switched for this visit.
    }
  }, [])
  return [mode, choose]
}

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
