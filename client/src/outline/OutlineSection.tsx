import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteData, ZoneData } from '../../../shared/src/model'
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
  zones: readonly ZoneData[]
  canEdit: boolean
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
  voteResults,
  onAdd,
  ...noteActions
}: OutlineSectionProps) {
  const { t } = useTranslation()
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
              // A number, not the whole tally: a vote elsewhere re-renders only the notes it changed.
              votes={shownVoteCount(voteResults, note.id)}
              {...noteActions}
            />
          ))}
        </ul>
      )}
      {canEdit &&
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
