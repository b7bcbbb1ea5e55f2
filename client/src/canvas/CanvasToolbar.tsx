import { useTranslation } from 'react-i18next'

interface CanvasToolbarProps {
  canAddNotes: boolean
  zoomPercent: number
  onAddNote: () => void
  onZoomIn: () => void
  onZoomOut: () => void
  onFit: () => void
}

/** Four corners: "show the whole board". Drawn inline, no icon font or image to fetch. */
function FitIcon() {
  return (
    <svg className="fit-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

/**
 * Buttons floating over the board. Zoom buttons matter for people without a trackpad or who find
 * pinching hard; the note button is the obvious way in for everyone who does not know shortcuts.
 */
export function CanvasToolbar({
  canAddNotes,
  zoomPercent,
  onAddNote,
  onZoomIn,
  onZoomOut,
  onFit,
}: CanvasToolbarProps) {
  const { t } = useTranslation()
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {canAddNotes && (
        <button
          type="button"
          className="button primary add-note"
          onClick={onAddNote}
          title={t('toolbar.addNoteLong')}
          aria-keyshortcuts="N"
          data-testid="add-note"
        >
          <span aria-hidden="true" className="add-note-icon">
            +
          </span>
          {t('toolbar.addNote')}
        </button>
      )}
      <div className="zoom-controls">
        <button type="button" className="icon-button" onClick={onZoomOut} aria-label={t('toolbar.zoomOut')}>
          −
        </button>
        <span className="zoom-level" aria-live="polite">
          {zoomPercent}%
        </span>
        <button type="button" className="icon-button" onClick={onZoomIn} aria-label={t('toolbar.zoomIn')}>
          +
        </button>
        <button type="button" className="toolbar-button fit-button" onClick={onFit}>
          <FitIcon />
          <span className="fit-label">{t('toolbar.fit')}</span>
        </button>
      </div>
    </div>
  )
}
