import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  NOTE_COLOR_HEX,
  type NoteColor,
  type NoteData,
  type ReactionEmoji,
  type ReactionTally,
  type ZoneData,
} from '../../../shared/src/model'
import { useEditor } from '../board/editor/editorContext'
import { LockIcon } from '../session/canvas/NoteChips'
import { OutlineLookback } from '../session/lookback/OutlineLookback'
import { MoveNoteForm, NoteTextForm } from './forms'
import { NoteColorChoice } from './NoteColorChoice'
import { NoteReactions, NoteVoteButtons } from './NoteSessionControls'

export function noteItemId(noteId: string): string {
  return `outline-note-${noteId}`
}

interface OutlineNoteProps {
  note: NoteData
  /** Where it may be moved to: every question except the locked ones. */
  zones: readonly ZoneData[]
  canEdit: boolean
  /** A facilitator locked this note or its question: no buttons, a lock hint instead. */
  locked: boolean
  /** Published votes on this note, or null when there are none to show (hidden, or none given). */
  votes: number | null
  onSaveText: (note: NoteData, base: string, text: string) => void
  onMove: (note: NoteData, zoneId: string | null) => void
  onDelete: (note: NoteData) => void
  onColor: (note: NoteData, color: NoteColor) => void
  /** Voting is open and this note takes dots: this person's dots on it (null: no dots now). */
  myDots: number | null
  /** Another dot may go on this note (dots left, below the maximum per note). */
  canAddDot: boolean
  reactions: readonly ReactionTally[]
  participantId: string
  canReact: boolean
  onVote: (noteId: string, delta: 1 | -1) => void
  onReact: (noteId: string, emoji: ReactionEmoji) => void
}

type Mode = 'view' | 'edit' | 'move'

/**
 * One note in the list: its text, who wrote it, its votes once they may be seen, and (for people who may edit) buttons to change
 * the text, move it to another question, or remove it. The buttons are described by the note's
 * text, so "Aanpassen" is not ambiguous when a screen reader lists all buttons. A locked note
 * offers none of them (the server would refuse the change and reload the page); it says why.
 */
export const OutlineNote = memo(function OutlineNote({
  note,
  zones,
  canEdit,
  locked,
  votes,
  onSaveText,
  onMove,
  onDelete,
  onColor,
  myDots,
  canAddDot,
  reactions,
  participantId,
  canReact,
  onVote,
  onReact,
}: OutlineNoteProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<Mode>('view')
  // Others' notes: a participant may move them (to sort the wall) but not change or remove them.
  const mayChange = useEditor().ops.mayChange(note.id)
  // The edit, move and remove buttons, folded away until asked for.
  const [changing, setChanging] = useState(false)
  // The text when editing started: saving merges only what changed since (see mergeEdit).
  const [base, setBase] = useState(note.text)
  const textId = `${noteItemId(note.id)}-text`
  const itemId = noteItemId(note.id)

  const back = () => {
    setMode('view')
    setChanging(false)
    document.getElementById(itemId)?.focus()
  }

  return (
    <li id={itemId} className="outline-note" tabIndex={-1} data-testid="outline-note" data-note-id={note.id}>
      <span
        className="outline-note-color"
        style={{ background: NOTE_COLOR_HEX[note.color] }}
        aria-hidden="true"
      />
      <div className="outline-note-body">
        {mode === 'edit' && !locked ? (
          <NoteTextForm
            label={t('outline.editLabel')}
            initial={base}
            submitLabel={t('outline.save')}
            onSave={(text) => {
              onSaveText(note, base, text)
              back()
            }}
            onCancel={back}
            testId="outline-edit-text"
          />
        ) : (
          <p className="outline-note-text" id={textId} data-testid="outline-note-text">
            {note.text || t('list.emptyNote')}
          </p>
        )}
        {(note.authorName || votes !== null || myDots) && (
          <p className="outline-note-meta">
            {note.authorName && (
              <span>
                {note.enteredBy
                  ? t('list.byEnteredBy', { name: note.authorName })
                  : t('list.by', { name: note.authorName })}
              </span>
            )}
            {/* A real space: the chip has only a margin, and read aloud "Ahmed3 stemmen" would be wrong. */}
            {note.authorName && votes !== null && ' '}
            {votes !== null && (
              <span className="outline-note-votes" data-testid="outline-note-votes">
                <span className="vote-dot" aria-hidden="true" />
                {t('session.votes', { count: votes })}
              </span>
            )}
            {myDots ? (
              <span className="outline-my-dots" data-testid="outline-my-dots">
                {' '}
                {t('session.myDots', { count: myDots })}
              </span>
            ) : null}
          </p>
        )}
        {locked && (
          <p className="outline-note-lock" data-testid="outline-note-lock">
            <LockIcon /> {t('outline.noteLocked')}
          </p>
        )}
        <OutlineLookback noteId={note.id} textId={textId} />
        {myDots !== null && (
          <NoteVoteButtons
            noteId={note.id}
            textId={textId}
            voting={{ myDots, canAdd: canAddDot }}
            onVote={onVote}
          />
        )}
        {mode === 'move' && !locked && (
          <MoveNoteForm
            zones={zones}
            currentZoneId={note.zoneId}
            onMove={(zoneId) => {
              setMode('view')
              onMove(note, zoneId)
            }}
            onCancel={back}
          />
        )}
        {mode === 'view' && (
          <div className="outline-note-row">
            <NoteReactions
              noteId={note.id}
              textId={textId}
              reactions={reactions}
              participantId={participantId}
              canReact={canReact}
              onReact={onReact}
            />
            {canEdit && !locked && (
              // Folded: on a phone, three buttons under each of fifty notes bury the notes.
              <button
                type="button"
                className="button secondary outline-change"
                aria-expanded={changing}
                aria-describedby={textId}
                onClick={() => setChanging((open) => !open)}
                data-testid="outline-change"
              >
                {t('outline.change')}
              </button>
            )}
          </div>
        )}
        {canEdit && !locked && mode === 'view' && changing && (
          <div className="outline-note-actions">
            {mayChange && (
              <button
                type="button"
                className="toolbar-button"
                aria-describedby={textId}
                onClick={() => {
                  setBase(note.text)
                  setMode('edit')
                }}
                data-testid="outline-edit"
              >
                {t('outline.edit')}
              </button>
            )}
            <button
              type="button"
              className="toolbar-button"
              aria-describedby={textId}
              onClick={() => setMode('move')}
              data-testid="outline-move"
            >
              {t('outline.move')}
            </button>
            {mayChange && (
              <>
                <button
                  type="button"
                  className="toolbar-button danger"
                  aria-describedby={textId}
                  onClick={() => onDelete(note)}
                  data-testid="outline-delete"
                >
                  {t('note.delete')}
                </button>
                <NoteColorChoice
                  current={note.color}
                  describedBy={textId}
                  onChoose={(color) => onColor(note, color)}
                />
              </>
            )}
          </div>
        )}
      </div>
    </li>
  )
})
