import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteData, ZoneData } from '../../../shared/src/model'
import { LockIcon } from '../session/canvas/NoteChips'
import { shownVoteCount } from '../session/voteCounts'
import { NoteTextForm } from './forms'
import { OutlineNote } from './OutlineNote'

export function sectionHeadingId(zoneId: string | null): string {
  return `outline-zone-${zoneId ?? 'none'}`
}

interface OutlineSectionProps {
  zoneId: string | null
  title: string
  prompt: string
  notes: readonly NoteData[]
  /** The questions a note may be moved to (not the locked ones). */
  zones: readonly ZoneData[]
  canEdit: boolean
  /** What this person may not change: locked notes, locked zones and the notes in them. */
  locked: ReadonlySet<string>
  voteResults: Readonly<Record<string, number>> | null
  onAdd: (zoneId: string | null, text: string) => void
  onSaveText: (note: NoteData, base: string, text: string) => void
  onMove: (note: NoteData, zoneId: string | null) => void
  onDelete: (note: NoteData) => void
}

/** One question (zone) as a heading, its prompt, its notes as a list, and a way to add one. */
export function OutlineSection({
  zoneId,
  title,
  prompt,
  notes,
  zones,
  canEdit,
  locked,
  voteResults,
  onAdd,
  ...noteActions
}: OutlineSectionProps) {
  const { t } = useTranslation()
  // A locked question takes no new notes (the server refuses them), so there is no add button.
  const zoneLocked = zoneId !== null && locked.has(zoneId)
  const [adding, setAdding] = useState(false)
  // After cancelling, focus goes back to the button (after adding, to the new note: see OutlineView).
  const [refocusButton, setRefocusButton] = useState(false)
  const addButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (adding || !refocusButton) return
    addButton.current?.focus()
    setRefocusButton(false)
  }, [adding, refocusButton])
  const headingId = sectionHeadingId(zoneId)
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
      {notes.length === 0 ? (
        <p className="outline-empty">{t('outline.noNotesHere')}</p>
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
              {...noteActions}
            />
          ))}
        </ul>
      )}
      {canEdit &&
        !zoneLocked &&
        (adding ? (
          <NoteTextForm
            label={t('outline.addLabel', { title })}
            initial=""
            submitLabel={t('outline.addSubmit')}
            onSave={(text) => {
              setAdding(false)
              onAdd(zoneId, text)
            }}
            onCancel={() => {
              setAdding(false)
              setRefocusButton(true)
            }}
            testId="outline-add-text"
          />
        ) : (
          <button
            ref={addButton}
            type="button"
            className="button secondary outline-add"
            aria-describedby={headingId}
            onClick={() => setAdding(true)}
            data-testid="outline-add"
          >
            <span aria-hidden="true">+</span> {t('outline.add')}
          </button>
        ))}
    </section>
  )
}
