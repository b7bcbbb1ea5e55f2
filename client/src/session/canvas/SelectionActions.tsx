import { useTranslation } from 'react-i18next'
import { REACTION_EMOJIS, setLocked, toggleReaction } from '../../../../shared/src/model'
import { groupNotes } from '../../board/ops/groupOps'
import { boundsOf, toScreenRect, type Viewport } from '../../canvas/viewport'
import { reactionEdit } from '../../sync/localOrigin'
import type { SessionView } from '../sessionView'

const GAP = 40

/**
 * Under the selected note(s): reactions (one note), and for facilitators "Groeperen" (two or more
 * notes) and "Vastzetten" / "Losmaken". The canvas's own toolbar sits above the selection.
 */
export function SelectionActions({
  view,
  viewport,
  selection,
}: {
  view: SessionView
  viewport: Viewport
  selection: readonly string[]
}) {
  const { t } = useTranslation()
  const selected = view.notes.filter((note) => selection.includes(note.id))
  const bounds = boundsOf(selected)
  const area = view.editor.size
  if (!bounds || !area) return null
  const rect = toScreenRect(viewport, bounds)
  const single = selected.length === 1 ? selected[0] : undefined
  const anyLocked = selected.some((note) => view.locked.has(note.id))
  const canReact = Boolean(single) && view.canWrite && (view.isFacilitator || !anyLocked)
  const control = view.control
  if (!canReact && !view.isFacilitator) return null

  const react = (emoji: (typeof REACTION_EMOJIS)[number]) => {
    if (single) reactionEdit(view.doc, () => toggleReaction(view.doc, single.id, emoji, view.participantId))
  }
  const group = () => {
    const id = groupNotes(
      view.doc,
      selected.map((note) => note.id),
      t('session.clusterDefaultName', { number: view.extras.clusters.length + 1 }),
    )
    if (!id) return
    view.say('session.grouped', { count: selected.length })
    view.editor.requestFocus({ kind: 'groupName', id })
  }
  const setLock = (locked: boolean) => {
    if (!control) return
    control.transact(() => {
      for (const note of selected) setLocked(control, note.id, locked)
    })
  }
  const top = Math.min(rect.y + rect.height + GAP, area.height - 56)
  const left = Math.max(8, Math.min(rect.x + rect.width / 2, area.width - 8))

  return (
    <div
      className="selection-actions"
      style={{ left, top }}
      role="toolbar"
      aria-label={t('session.selectionLabel')}
    >
      {canReact &&
        REACTION_EMOJIS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="reaction-add"
            onClick={() => react(emoji)}
            aria-label={t('session.react', { emoji })}
            data-testid="reaction-add"
          >
            {emoji}
          </button>
        ))}
      {view.isFacilitator && selected.length >= 2 && (
        <button type="button" className="toolbar-button" onClick={group} data-testid="group-notes">
          {t('session.group')}
        </button>
      )}
      {view.isFacilitator && control && (
        <button
          type="button"
          className="toolbar-button"
          onClick={() => setLock(!anyLocked)}
          aria-pressed={anyLocked}
          data-testid="lock-toggle"
        >
          {anyLocked ? t('session.unlock') : t('session.lock')}
        </button>
      )}
    </div>
  )
}
