import { useTranslation } from 'react-i18next'
import { NOTE_COLOR_HEX, type NoteData } from '../../../shared/src/model'
import { removeDraft } from '../board/ops/draftOps'
import { standpointsReader } from '../groups/standpointsView'
import { draftTarget, editDraftText, isDraftHidden } from '../session/drafts/draftActions'
import type { SessionView } from '../session/sessionView'

export function draftFieldId(noteId: string): string {
  return `outline-draft-${noteId}`
}

/**
 * This person's private notes for one question, in the list view: a plain text field each
 * ("alleen voor jou" until the begeleider shows them) and a button to throw one away. They live
 * in the person's drafts room, like the drafts on the canvas; typing saves as you go.
 */
export function DraftCards({
  view,
  drafts,
  onRemoved,
  onDone,
}: {
  view: SessionView
  drafts: readonly NoteData[]
  /** After a draft is thrown away: where focus should go (its neighbour or the add button). */
  onRemoved: (next: NoteData | null) => void
  /** "Klaar": the person is done with this note (focus back to "Schrijf een briefje"). */
  onDone: () => void
}) {
  const { t } = useTranslation()
  if (drafts.length === 0) return null
  const editable = view.privateWriting
  // The incidentmethode's standpoints: the inbrenger reads along (issue 18), so not "only for you".
  const reader = standpointsReader(view.control, view.participantId)
  return (
    <ul className="outline-drafts" aria-label={t('outline.myDrafts', { count: drafts.length })}>
      {drafts.map((note, index) => (
        <li
          key={note.id}
          className="outline-draft"
          style={{ borderColor: NOTE_COLOR_HEX[note.color] }}
          data-testid="outline-draft"
          data-note-id={note.id}
        >
          <label className="outline-draft-label" htmlFor={draftFieldId(note.id)}>
            {isDraftHidden(view, note.id)
              ? t('session.draftHidden')
              : reader
                ? t('peopleGroups.draftForInbrenger', { name: reader })
                : t('session.onlyForYou')}
          </label>
          <textarea
            id={draftFieldId(note.id)}
            className="outline-draft-text"
            value={note.text}
            placeholder={t('outline.draftPlaceholder')}
            readOnly={!editable}
            rows={3}
            aria-describedby={`${draftFieldId(note.id)}-saved`}
            onChange={(event) => editDraftText(view, note.id, event.target.value)}
            data-testid="outline-draft-text"
          />
          {/* Nothing to press to save: saying so stops people looking for a save button. */}
          <p className="outline-draft-saved" id={`${draftFieldId(note.id)}-saved`}>
            {reader ? t('peopleGroups.draftSavedInbrenger', { name: reader }) : t('outline.draftSaved')}
          </p>
          {editable && (
            <div className="outline-draft-buttons">
              <button
                type="button"
                className="button primary"
                aria-describedby={draftFieldId(note.id)}
                onClick={onDone}
                data-testid="outline-draft-done"
              >
                {t('outline.draftDone')}
              </button>
              <button
                type="button"
                className="button secondary danger"
                aria-describedby={draftFieldId(note.id)}
                onClick={() => {
                  const target = draftTarget(view)
                  if (!target) return
                  removeDraft(target, note.id)
                  onRemoved(drafts[index + 1] ?? drafts[index - 1] ?? null)
                }}
                data-testid="outline-draft-remove"
              >
                {t('outline.draftRemove')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
