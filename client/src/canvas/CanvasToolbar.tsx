import { useTranslation } from 'react-i18next'
import { ActionButton } from '../actions/ActionButton'
import { useActions } from '../actions/ActionsContext'
import { ArrowIcon, EllipseIcon, FitIcon, GridIcon, RectIcon, SelectIcon, TextIcon } from './toolbarIcons'

/**
 * Buttons floating over the board, each one an Action (so its shortcut is in its tooltip and it
 * does exactly what the key and the command menu do). The note button is the obvious way in for
 * everyone who does not know shortcuts; zoom buttons help people who find pinching hard.
 */
export function CanvasToolbar({ zoomPercent }: { zoomPercent: number }) {
  const { t } = useTranslation()
  const { ctx } = useActions()
  const { canEdit, isFacilitator } = ctx.state
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        {canEdit && (
          <ActionButton actionId="note.add" className="button primary add-note" testId="add-note">
            <span aria-hidden="true" className="add-note-icon">
              +
            </span>
            <span aria-hidden="true">{t('toolbar.addNote')}</span>
          </ActionButton>
        )}
        {canEdit && isFacilitator && (
          // biome-ignore lint/a11y/useSemanticElements: a labelled group of toolbar buttons
          <div className="tool-group shape-tools" role="group" aria-label={t('toolbar.shapes')}>
            <ActionButton actionId="shape.text" className="icon-button">
              <TextIcon />
            </ActionButton>
            <ActionButton actionId="shape.rect" className="icon-button">
              <RectIcon />
            </ActionButton>
            <ActionButton actionId="shape.ellipse" className="icon-button">
              <EllipseIcon />
            </ActionButton>
            <ActionButton actionId="shape.connect" className="icon-button">
              <ArrowIcon />
            </ActionButton>
          </div>
        )}
      </div>
      <div className="tool-group zoom-controls">
        <ActionButton actionId="tool.select" className="icon-button tool-toggle">
          <SelectIcon />
        </ActionButton>
        {canEdit && (
          <ActionButton actionId="view.snap" className="icon-button tool-toggle snap-toggle">
            <GridIcon />
          </ActionButton>
        )}
        <span className="tool-divider" aria-hidden="true" />
        <ActionButton actionId="view.zoomOut" className="icon-button">
          −
        </ActionButton>
        <ActionButton
          actionId="view.zoom100"
          className="zoom-level"
          testId="zoom-level"
          visibleText={`${zoomPercent}%`}
        >
          {zoomPercent}%
        </ActionButton>
        <ActionButton actionId="view.zoomIn" className="icon-button">
          +
        </ActionButton>
        <ActionButton actionId="view.fit" className="toolbar-button fit-button">
          <FitIcon />
          <span className="fit-label" aria-hidden="true">
            {t('toolbar.fit')}
          </span>
        </ActionButton>
      </div>
    </div>
  )
}
