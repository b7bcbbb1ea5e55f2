import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/http'
import { softDisabled } from '../../components/softDisabled'
import { usePolled } from '../../components/usePolled'
import { listDrafts, removeDraft, revealDrafts, setDraftHidden } from '../../session/sessionApi'
import type { SessionView } from '../../session/sessionView'

const POLL_MS = 2000

/** Everyone's drafts, read every two seconds while this tab is open (the text never syncs to others). */
function useDraftList(view: SessionView) {
  const { boardId, token } = view
  const load = useCallback(async () => (await listDrafts(boardId, token)).participants, [boardId, token])
  const { value: participants, failed, refresh } = usePolled(load, POLL_MS)
  return { participants, failed, refresh }
}

/**
 * Private writing for the facilitator: what people are writing (to spot personal details or
 * hurtful words before everyone sees them), hide or remove a draft, and "Onthullen": all visible
 * drafts onto the board at once, with or without names.
 */
export function DraftsModeration({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const id = useId()
  const { participants, failed, refresh } = useDraftList(view)
  const [anonymous, setAnonymous] = useState(view.state.currentOptions.anonymousReveal)
  const [busy, setBusy] = useState(false)
  const total = participants?.reduce((sum, person) => sum + person.notes.length, 0) ?? 0

  // A different round brings its own default.
  const roundAnonymous = view.state.currentOptions.anonymousReveal
  useEffect(() => setAnonymous(roundAnonymous), [roundAnonymous])

  const act = async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true)
    try {
      await action()
      if (done) view.say(done)
    } catch (error) {
      view.say(
        error instanceof ApiError && error.code === 'network' ? 'session.offline' : 'session.actionFailed',
      )
    } finally {
      setBusy(false)
      void refresh()
    }
  }

  return (
    <div className="drafts-moderation" data-testid="drafts-moderation">
      <p className="session-muted">{t('facilitator.draftsIntro')}</p>
      {failed && <p className="form-error">{t('facilitator.draftsFailed')}</p>}
      {participants && total === 0 && <p className="session-muted">{t('facilitator.noDrafts')}</p>}
      {participants?.map((person) =>
        person.notes.length === 0 ? null : (
          <section key={person.participantId} className="drafts-person">
            <h3>{t('facilitator.draftsOf', { name: person.name, count: person.notes.length })}</h3>
            <ul>
              {person.notes.map((note) => (
                <li
                  key={note.id}
                  className={note.hidden ? 'draft-hidden' : ''}
                  data-testid="moderation-draft"
                >
                  <span className="draft-text">{note.text || t('list.emptyNote')}</span>
                  {note.hidden && <span className="session-chip">{t('facilitator.hidden')}</span>}
                  <span className="draft-tools">
                    <button
                      type="button"
                      className="text-button"
                      aria-disabled={busy || undefined}
                      onClick={() =>
                        !busy &&
                        act(() =>
                          setDraftHidden(view.boardId, view.token, {
                            participantId: person.participantId,
                            noteId: note.id,
                            hidden: !note.hidden,
                          }),
                        )
                      }
                      data-testid={note.hidden ? 'draft-show' : 'draft-hide'}
                    >
                      {note.hidden ? t('facilitator.show') : t('facilitator.hide')}
                    </button>
                    <button
                      type="button"
                      className="text-button danger"
                      aria-disabled={busy || undefined}
                      onClick={() =>
                        !busy &&
                        act(() =>
                          removeDraft(view.boardId, view.token, {
                            participantId: person.participantId,
                            noteId: note.id,
                          }),
                        )
                      }
                      data-testid="draft-remove"
                    >
                      {t('facilitator.remove')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      <div className="reveal-box">
        <div className="check-field">
          <input
            id={`${id}-anonymous`}
            type="checkbox"
            checked={anonymous}
            onChange={(event) => setAnonymous(event.target.checked)}
            data-testid="reveal-anonymous"
          />
          <label htmlFor={`${id}-anonymous`}>{t('facilitator.revealAnonymous')}</label>
        </div>
        <button
          type="button"
          className="button primary"
          {...softDisabled(busy || total === 0, () =>
            act(() => revealDrafts(view.boardId, view.token, anonymous)),
          )}
          // Where focus lands when a draft it was on is removed or moved.
          data-focus-return
          data-testid="reveal"
        >
          {t('facilitator.reveal')}
        </button>
      </div>
    </div>
  )
}
