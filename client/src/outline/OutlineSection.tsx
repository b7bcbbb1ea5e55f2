import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteColor, NoteData, ReactionEmoji, ReactionTally, ZoneData } from '../../../shared/src/model'
import { LockIcon } from '../session/canvas/NoteChips'
import type { SessionView } from '../session/sessionView'
import { shownVoteCount } from '../session/voteCounts'
import { DraftCards, draftFieldId } from './DraftCards'
import { NoteTextForm } from './forms'
import { OutlineNote } from './OutlineNote'

export function sectionHeadingId(zoneId: string | null): string {
  return `outline-zone-${zoneId ?? 'none'}`
}

/** What the session adds to the list: dots, reactions and private notes. */
export interface ListSession {
  view: SessionView
  /** This person's dots on a note while voting is open, else null. */
  myDots(note: NoteData): number | null
  canAddDot(note: NoteData): boolean
  reactions: ReadonlyMap<string, readonly ReactionTally[]>
  canReact: boolean
  onVote: (noteId: string, delta: 1 | -1) => void
  onReact: (noteId: string, emoji: ReactionEmoji) => void
  /** Writes a new private note for this question; returns its id. */
  addDraft: (zoneId: string | null) => string | null
}

const NO_REACTIONS: readonly ReactionTally[] = []

interface OutlineSectionProps {
  zoneId: string | null
  title: string
  prompt: string
  notes: readonly NoteData[]
  /** This person's private notes for this question (private writing). */
  drafts: readonly NoteData[]
  /** The questions a note may be moved to (not the locked ones). */
  zones: readonly ZoneData[]
  canEdit: boolean
  /** What this person may not change: locked notes, locked zones and the notes in them. */
  locked: ReadonlySet<string>
  voteResults: Readonly<Record<string, number>> | null
  session: ListSession
  onAdd: (zoneId: string | null, text: string, onBehalfOf?: string) => void
  onSaveText: (note: NoteData, base: string, text: string) => void
  onMove: (note: NoteData, zoneId: string | null) => void
  onDelete: (note: NoteData) => void
  onColor: (note: NoteData, color: NoteColor) => void
}

/**
 * One question as a card: its title and prompt, a big "Schrijf een briefje", this person's private
 * notes (while writing alone), and the notes with their dots and reactions.
 */
export function OutlineSection({
  zoneId,
  title,
  prompt,
  notes,
  drafts,
  zones,
  canEdit,
  locked,
  voteResults,
  session,
  onAdd,
  ...noteActions
}: OutlineSectionProps) {
  const { t } = useTranslation()
  // A locked question takes no new notes (the server refuses them), so there is no add button.
  const zoneLocked = zoneId !== null && locked.has(zoneId)
  const privateWriting = session.view.privateWriting
  const [adding, setAdding] = useState(false)
  // After cancelling, focus goes back to the button (after adding, to the new note: see OutlineView).
  const [focusAfter, setFocusAfter] = useState<string | null>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!focusAfter) return
    const target = focusAfter === 'add' ? addButton.current : document.getElementById(focusAfter)
    if (!target) return
    target.focus()
    setFocusAfter(null)
  })
  const headingId = sectionHeadingId(zoneId)
  const mayWrite = zoneId !== null && !zoneLocked && (privateWriting || canEdit)

  const startWriting = () => {
    if (!privateWriting) {
      setAdding(true)
      return
    }
    // Private: the new note is a field right here, already focused; typing saves as you go.
    const id = session.addDraft(zoneId)
    if (id) setFocusAfter(draftFieldId(id))
  }

  return (
    <section
      className="outline-zone"
      aria-labelledby={headingId}
      data-testid="outline-zone"
      data-zone-id={zoneId ?? ''}
    >
      <h2 id={headingId} tabIndex={-1}>
        {title}
      </h2>
      {prompt && <p className="outline-prompt">{prompt}</p>}
      {zoneLocked && (
        <p className="outline-zone-lock" data-testid="outline-zone-lock">
          <LockIcon /> {t('outline.zoneLocked')}
        </p>
      )}
      {mayWrite &&
        (adding ? (
          <NoteTextForm
            label={t('outline.addLabel', { title })}
            initial=""
            submitLabel={t('outline.addSubmit')}
            onSave={(text, onBehalfOf) => {
              setAdding(false)
              onAdd(zoneId, text, onBehalfOf)
            }}
            withOnBehalf={session.view.isFacilitator}
            onCancel={() => {
              setAdding(false)
              setFocusAfter('add')
            }}
            testId="outline-add-text"
          />
        ) : (
          <button
            ref={addButton}
            type="button"
            className="button primary outline-add"
            aria-describedby={headingId}
            onClick={startWriting}
            data-testid="outline-add"
          >
            <span aria-hidden="true">+</span> {t('outline.add')}
          </button>
        ))}
      <DraftCards
        view={session.view}
        drafts={drafts}
        onRemoved={(next) => setFocusAfter(next ? draftFieldId(next.id) : 'add')}
        onDone={() => setFocusAfter('add')}
      />
      {notes.length === 0 ? (
        drafts.length === 0 && <p className="outline-empty">{t('outline.noNotesHere')}</p>
      ) : (
        <ul className="outline-notes" aria-label={t('outline.notesOf', { title, count: notes.length })}>
          {notes.map((note) => (
            <OutlineNote
              key={note.id}
              note={note}
              zones={zones}
              canEdit={canEdit}
              locked={locked.has(note.id)}
              // A number, not the whole tally: a vote elsewhere re-renders only the notes it changed.
              votes={shownVoteCount(voteResults, note.id)}
              myDots={session.myDots(note)}
              canAddDot={session.canAddDot(note)}
              reactions={session.reactions.get(note.id) ?? NO_REACTIONS}
              participantId={session.view.participantId}
              canReact={session.canReact}
              onVote={session.onVote}
              onReact={session.onReact}
              {...noteActions}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
