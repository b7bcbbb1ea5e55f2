import { useTranslation } from 'react-i18next'
import type { SessionView } from '../sessionView'
import { addDraft, editDraftText, isDraftHidden, removeOwnDraft } from './draftActions'

/**
 * This participant's private notes as a list (folded away under the banner): for the list view,
 * for screen readers and for anyone who prefers typing in a plain field. The same notes are on
 * the canvas, marked "alleen voor jou".
 */
export function DraftList({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const notes = view.drafts?.notes ?? []
  return (
    <details className="draft-list" data-testid="draft-list">
      <summary>{t('session.myDrafts', { count: notes.length })}</summary>
      {view.privateWriting && (
        <button type="button" className="button secondary" onClick={() => addDraft(view)}>
          {t('session.writeDraft')}
        </button>
      )}
      <ul>
        {notes.map((note) => (
          <li key={note.id} data-testid="draft-item" data-note-id={note.id}>
            <label className="visually-hidden" htmlFor={`draft-field-${note.id}`}>
              {t('session.draftLabel')}
            </label>
            <textarea
              id={`draft-field-${note.id}`}
              className="draft-list-text"
              value={note.text}
              placeholder={t('note.emptyPlaceholder')}
              readOnly={!view.privateWriting}
              onChange={(event) => editDraftText(view, note.id, event.target.value)}
              rows={2}
            />
            {isDraftHidden(view, note.id) && <span className="session-chip">{t('session.draftHidden')}</span>}
            {view.privateWriting && (
              <button
                type="button"
                className="text-button danger"
                onClick={() => removeOwnDraft(view, note.id)}
              >
                {t('note.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  )
}
