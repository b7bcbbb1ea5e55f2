import { useTranslation } from 'react-i18next'
import type { UndoControls } from './useUndo'
import './undo.css'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

function Arrow({ flip }: { flip?: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
      style={flip ? { transform: 'scaleX(-1)' } : undefined}
    >
      <path
        d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/** Undo / redo of this person's own changes, for everyone who does not use the shortcuts. */
export function UndoButtons({ controls }: { controls: UndoControls }) {
  const { t } = useTranslation()
  const mod = isMac ? '⌘' : 'Ctrl'
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of two buttons, not a form fieldset
    <div className="undo-buttons" role="group" aria-label={t('undo.label')}>
      <button
        type="button"
        className="icon-button"
        onClick={controls.undo}
        disabled={!controls.canUndo}
        aria-label={t('undo.undo')}
        title={t('undo.undoHint', { shortcut: `${mod}+Z` })}
        aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
        data-testid="undo"
      >
        <Arrow />
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={controls.redo}
        disabled={!controls.canRedo}
        aria-label={t('undo.redo')}
        title={t('undo.redoHint', { shortcut: `${mod}+Shift+Z` })}
        aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
        data-testid="redo"
      >
        <Arrow flip />
      </button>
    </div>
  )
}
