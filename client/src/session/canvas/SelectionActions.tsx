import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REACTION_EMOJIS, type ReactionEmoji, setLocked, toggleReaction } from '../../../../shared/src/model'
import { countById } from '../../../../shared/src/model/countById'
import { groupNotes } from '../../board/ops/groupOps'
import { boundsOf, toScreenRect, type Viewport } from '../../canvas/viewport'
import { reactionEdit } from '../../sync/localOrigin'
import type { SessionView } from '../sessionView'
import { castUndoableVote } from '../voteHistory'
import { usePlaceClear } from './placeClear'

const GAP = 12

/**
 * Under the selected note(s): "Reageren" (one note; the emoji open only on that button, never by
 * themselves: an open picker under every new note took the tap meant to close the keyboard and put
 * 💡 on the person's own note), the dot buttons while voting (also for a note too small on screen
 * for buttons of its own, as after "Alles tonen" on a phone), and for facilitators "Groeperen" and
 * "Vastzetten" / "Losmaken". The canvas's own toolbar sits above the selection.
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
  const ref = useRef<HTMLDivElement>(null)
  const [pickerFor, setPickerFor] = useState<string | null>(null)
  const selected = view.notes.filter((note) => selection.includes(note.id))
  const bounds = boundsOf(selected)
  const area = view.editor.size ?? { width: 0, height: 0 }
  const rect = bounds ? toScreenRect(viewport, bounds) : { x: 0, y: 0, width: 0, height: 0 }
  const place = usePlaceClear(
    ref,
    { x: rect.x + rect.width / 2, below: rect.y + rect.height + GAP, above: rect.y - GAP },
    area,
  )
  const single = selected.length === 1 ? selected[0] : undefined
  const anyLocked = selected.some((note) => view.locked.has(note.id))
  const canReact = Boolean(single) && view.canWrite && (view.isFacilitator || !anyLocked)
  const { voting } = view
  const votable = single && voting.open && voting.inScope(single) ? single : undefined
  const myDots = votable ? countById(voting.mine, votable.id) : 0
  const control = view.control
  if (!bounds || !view.editor.size) return null
  if (!canReact && !votable && !view.isFacilitator) return null
  const picking = Boolean(single) && pickerFor === single?.id

  const react = (emoji: ReactionEmoji) => {
    if (single) reactionEdit(view.doc, () => toggleReaction(view.doc, single.id, emoji, view.participantId))
    setPickerFor(null)
  }
  const vote = (delta: 1 | -1) => {
    if (votable) void castUndoableVote(view, votable, delta, (key, text) => t(key, { text }))
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
  const short = single?.text.slice(0, 40) ?? ''

  return (
    <div
      ref={ref}
      className="selection-actions"
      style={place}
      role="toolbar"
      aria-label={t('session.selectionLabel')}
      data-testid="selection-actions"
    >
      {votable && (
        <span className="selection-dots">
          <button
            type="button"
            className="dot-button minus"
            onClick={() => vote(-1)}
            disabled={myDots === 0}
            aria-label={t('session.dotRemove', { text: short })}
            data-testid="selection-dot-remove"
          >
            −
          </button>
          <span className="dot-count">
            <span className="vote-dot" aria-hidden="true" /> {myDots}
            <span className="visually-hidden">{t('session.myDots', { count: myDots })}</span>
          </span>
          <button
            type="button"
            className="dot-button"
            onClick={() => vote(1)}
            aria-disabled={voting.remaining <= 0 || myDots >= (voting.config?.maxPerNote ?? 1)}
            aria-label={t('session.dotAdd', { text: short })}
            data-testid="selection-dot-add"
          >
            <span className="vote-dot" aria-hidden="true" />+
          </button>
        </span>
      )}
      {canReact && single && (
        <button
          type="button"
          className="toolbar-button"
          aria-expanded={picking}
          onClick={() => setPickerFor(picking ? null : single.id)}
          data-testid="reaction-open"
        >
          ☺ {t('session.reactOpen')}
        </button>
      )}
      {canReact && picking && (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of buttons, not a form fieldset
        <span className="reaction-picker" role="group" aria-label={t('session.reactPickerLabel')}>
          {REACTION_EMOJIS.map((emoji) => (
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
        </span>
      )}
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
