import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Modal } from '../components/Modal'
import { useActions } from './ActionsContext'
import { closeActionDialog, useActionDialog } from './actionUi'
import { ACTION_GROUPS, actionLabel } from './registry'
import { ShortcutKeys } from './ShortcutKeys'

/** Mouse and touch gestures have no Action; the sheet lists them so people can find them too. */
const GESTURES = ['newNote', 'pan', 'zoom', 'multiSelect', 'marquee', 'resize'] as const

/**
 * "?": every shortcut on the board, grouped, and the mouse and touch gestures. What the person
 * cannot do (a participant adding shapes) is left out, so the list stays about their board.
 */
export function ShortcutSheet() {
  const open = useActionDialog() === 'shortcuts'
  const headingId = useId()
  return (
    <Modal
      open={open}
      onClose={() => closeActionDialog('shortcuts')}
      labelledBy={headingId}
      className="shortcut-sheet"
      testId="shortcut-sheet"
    >
      <ShortcutList headingId={headingId} />
    </Modal>
  )
}

function ShortcutList({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const { actions, ctx } = useActions()
  const { canEdit, isFacilitator } = ctx.state
  const listed = actions.filter((action) => {
    if (!action.shortcuts?.length) return false
    if (action.group === 'shapes') return isFacilitator && canEdit
    if (action.group === 'notes' || action.group === 'edit') return canEdit || action.id === 'clipboard.copy'
    return true
  })
  // Arrow-key nudges are four similar lines; one line explains them.
  const visible = listed.filter((action) => !action.id.startsWith('arrange.nudge.'))
  return (
    <div className="dialog-content">
      <div className="dialog-header">
        <h2 id={headingId}>{t('shortcuts.title')}</h2>
        <button type="button" className="button secondary" onClick={() => closeActionDialog('shortcuts')}>
          {t('shortcuts.close')}
        </button>
      </div>
      <div className="shortcut-groups">
        {ACTION_GROUPS.map((group) => {
          const inGroup = visible.filter((action) => action.group === group)
          if (inGroup.length === 0 && !(group === 'edit' && canEdit)) return null
          return (
            <section key={group} className="shortcut-group">
              <h3>{t(`shortcuts.groups.${group}`)}</h3>
              <dl>
                {inGroup.map((action) => (
                  <div key={action.id} className="shortcut-row">
                    <dt>{actionLabel(action, t)}</dt>
                    <dd>
                      {action.shortcuts?.map((shortcut) => (
                        <ShortcutKeys key={shortcut} shortcut={shortcut} />
                      ))}
                    </dd>
                  </div>
                ))}
                {group === 'edit' && canEdit && (
                  <div className="shortcut-row">
                    <dt>{t('shortcuts.nudge')}</dt>
                    <dd>
                      <ShortcutKeys shortcut="ArrowUp" />
                      <ShortcutKeys shortcut="Shift+ArrowUp" />
                    </dd>
                  </div>
                )}
              </dl>
            </section>
          )
        })}
        <section className="shortcut-group">
          <h3>{t('shortcuts.groups.gestures')}</h3>
          <dl>
            {GESTURES.map((gesture) => (
              <div key={gesture} className="shortcut-row">
                <dt>{t(`shortcuts.gestures.${gesture}.what`)}</dt>
                <dd className="shortcut-gesture">{t(`shortcuts.gestures.${gesture}.how`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  )
}
