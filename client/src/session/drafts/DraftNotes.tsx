import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NOTE_COLOR_HEX, type NoteData } from '../../../../shared/src/model'
import { useEditorState } from '../../board/editor/editorContext'
import { addDraft, moveDraft, removeDraft } from '../../board/ops/draftOps'
import { toBoardPoint, toScreenRect, type Viewport } from '../../canvas/viewport'
import { standpointsReader } from '../../groups/standpointsView'
import type { SessionView } from '../sessionView'
import { draftTarget, editDraftText, isDraftHidden, leaveDraftField } from './draftActions'

function removeOwnDraftNote(view: SessionView, noteId: string): void {
  const target = draftTarget(view)
  if (target) removeDraft(target, noteId)
}

interface DraftNoteProps {
  view: SessionView
  note: NoteData
  viewport: Viewport
  editable: boolean
}

/**
 * One private note on the canvas: a real text field (drawn like a note, marked "alleen voor jou"),
 * moved by its top strip. Drafts never touch the board's document; they live in the drafts room.
 */
function DraftNote({ view, note, viewport, editable }: DraftNoteProps) {
  const { t } = useTranslation()
  // The incidentmethode's standpoints: the inbrenger reads along (issue 18), so not "only for you".
  const reader = standpointsReader(view.control, view.participantId)
  const field = useRef<HTMLTextAreaElement>(null)
  const request = useEditorState(view.editor, (state) => state.focusRequest)
  const focusId = request?.kind === 'draft' ? request.id : null
  const [drag, setDrag] = useState<{ startX: number; startY: number; dx: number; dy: number } | null>(null)
  const rect = toScreenRect(viewport, note)
  const hidden = isDraftHidden(view, note.id)

  useEffect(() => {
    if (focusId !== note.id) return
    field.current?.focus()
    view.editor.requestFocus(null)
  }, [focusId, note.id, view.editor])

  const scale = viewport.scale
  return (
    <div
      // Hidden or no longer editable drafts let clicks through to the notes under them.
      className={`draft-note${hidden ? ' hidden-by-facilitator' : ''}${hidden || !editable ? ' passive' : ''}`}
      style={{
        left: rect.x + (drag?.dx ?? 0),
        top: rect.y + (drag?.dy ?? 0),
        width: note.width,
        height: hidden ? 'auto' : note.height,
        transform: `scale(${scale})`,
        background: NOTE_COLOR_HEX[note.color],
      }}
      title={hidden ? note.text : undefined}
      data-testid="draft-note"
      data-note-id={note.id}
    >
      <div
        className="draft-note-strip"
        onPointerDown={(event) => {
          if (!editable) return
          event.currentTarget.setPointerCapture(event.pointerId)
          setDrag({ startX: event.clientX, startY: event.clientY, dx: 0, dy: 0 })
        }}
        onPointerMove={(event) =>
          setDrag((d) => (d ? { ...d, dx: event.clientX - d.startX, dy: event.clientY - d.startY } : d))
        }
        onPointerUp={() => {
          if (drag && (drag.dx !== 0 || drag.dy !== 0)) {
            const target = draftTarget(view)
            if (target) moveDraft(target, note, { x: note.x + drag.dx / scale, y: note.y + drag.dy / scale })
          }
          setDrag(null)
        }}
      >
        <span className="draft-note-label" style={{ fontSize: Math.min(18, 12 / scale) }}>
          {hidden
            ? t('session.draftHidden')
            : reader
              ? t('peopleGroups.draftForInbrenger', { name: reader })
              : t('session.onlyForYou')}
        </span>
        {editable && (
          <button
            type="button"
            className="draft-note-remove"
            // The note is scaled with the board; the button is not, so it stays a finger's size.
            style={{ minWidth: 32 / scale, height: 28 / scale, fontSize: 18 / scale }}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => removeOwnDraftNote(view, note.id)}
            aria-label={t('session.draftRemove')}
            title={t('session.draftRemove')}
          >
            ×
          </button>
        )}
      </div>
      <textarea
        ref={field}
        className="draft-note-text"
        value={note.text}
        readOnly={!editable}
        placeholder={t('note.emptyPlaceholder')}
        aria-label={t('session.draftLabel')}
        onChange={(event) => editDraftText(view, note.id, event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && leaveDraftField(event.currentTarget)}
        data-testid="draft-text"
      />
    </div>
  )
}

/** This participant's drafts, over the board; a double-click on the board adds one there. */
export function DraftLayer({ view, viewport }: { view: SessionView; viewport: Viewport }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const latest = useRef({ view, viewport })
  latest.current = { view, viewport }
  const editable = view.privateWriting

  useEffect(() => {
    const area = ref.current?.closest<HTMLElement>('.canvas-area')
    if (!area || !editable) return
    const onDoubleClick = (event: MouseEvent) => {
      // Only on the board itself (the stage's canvas), not on notes, buttons or fields.
      if (!(event.target instanceof HTMLCanvasElement)) return
      const { view, viewport } = latest.current
      const box = area.getBoundingClientRect()
      const target = draftTarget(view)
      if (!target) return
      const at = toBoardPoint(viewport, { x: event.clientX - box.left, y: event.clientY - box.top })
      view.editor.requestFocus({ kind: 'draft', id: addDraft(target, { at }) })
    }
    area.addEventListener('dblclick', onDoubleClick)
    return () => area.removeEventListener('dblclick', onDoubleClick)
  }, [editable])

  return (
    <div ref={ref} className="draft-layer">
      {view.drafts?.notes.map((note) => (
        <DraftNote key={note.id} view={view} note={note} viewport={viewport} editable={editable} />
      ))}
      {editable && view.drafts && (
        // Where "+ Briefje" always is; the board's own button is away while writing privately.
        <button
          type="button"
          className="button primary add-note draft-add-floating"
          title={t('session.writeDraftHint')}
          aria-label={t('session.writeDraftHint')}
          onClick={() => view.editor.addNoteFromButton()}
          data-testid="draft-add"
        >
          <span aria-hidden="true" className="add-note-icon">
            +
          </span>
          {t('toolbar.addNote')}
        </button>
      )}
    </div>
  )
}

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
        <button type="button" className="button secondary" onClick={() => view.editor.addNoteFromButton()}>
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
                onClick={() => removeOwnDraftNote(view, note.id)}
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
