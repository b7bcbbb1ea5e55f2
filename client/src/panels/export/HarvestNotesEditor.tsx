import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  EMPTY_HARVEST_NOTES,
  HARVEST_TEXT_MAX_LENGTH,
  type HarvestNotes,
  observeHarvestNotes,
  readHarvestNotes,
  setHarvestNotes,
} from '../../../../shared/src/model/harvestNotes'

/**
 * The facilitator's own words for the summary: "Belangrijkste inzichten", "Vervolg" and the next
 * meeting's date. Stored in the board's control document (facilitators only), so they are kept
 * with the board, shared with co-facilitators live, and in every later download. Text is written
 * when a field loses focus (not per keystroke); the date as soon as it is picked.
 */
export function useHarvestNotes(control: Y.Doc | null): HarvestNotes {
  const [notes, setNotes] = useState<HarvestNotes>(() =>
    control ? readHarvestNotes(control) : EMPTY_HARVEST_NOTES,
  )
  useEffect(() => {
    if (!control) return
    setNotes(readHarvestNotes(control))
    return observeHarvestNotes(control, () => setNotes(readHarvestNotes(control)))
  }, [control])
  return notes
}

type TextKey = 'insights' | 'followUp'

/** A text field that writes to the board when it loses focus (and only when it changed). */
function NoteField(props: {
  label: string
  rows: number
  value: string
  stored: string
  disabled: boolean
  testId: string
  onChange: (value: string) => void
  onSave: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows}
        maxLength={HARVEST_TEXT_MAX_LENGTH}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={() => props.value !== props.stored && props.onSave(props.value)}
        data-testid={props.testId}
      />
    </div>
  )
}

export function HarvestNotesEditor({ control }: { control: Y.Doc | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const dateId = useId()
  const stored = useHarvestNotes(control)
  const [draft, setDraft] = useState(stored)
  const previous = useRef(stored)
  // Another facilitator's change shows up here too, field by field: what this person is typing
  // in another field stays.
  useEffect(() => {
    const before = previous.current
    previous.current = stored
    setDraft((current) => ({
      insights: stored.insights !== before.insights ? stored.insights : current.insights,
      followUp: stored.followUp !== before.followUp ? stored.followUp : current.followUp,
      nextMeeting: stored.nextMeeting !== before.nextMeeting ? stored.nextMeeting : current.nextMeeting,
    }))
  }, [stored])

  const save = (patch: Partial<HarvestNotes>) => {
    if (control) setHarvestNotes(control, patch)
  }
  const field = (key: TextKey, rows: number, testId: string) => (
    <NoteField
      label={t(`export.harvest.${key}`)}
      rows={rows}
      value={draft[key]}
      stored={stored[key]}
      disabled={!control}
      testId={testId}
      onChange={(value) => setDraft({ ...draft, [key]: value })}
      onSave={(value) => save({ [key]: value })}
    />
  )

  return (
    <section className="export-harvest" aria-labelledby={headingId} data-testid="export-harvest">
      <h3 id={headingId}>{t('export.harvest.title')}</h3>
      <p className="export-redact-hint">{t('export.harvest.hint')}</p>
      {field('insights', 4, 'export-harvest-insights')}
      {field('followUp', 3, 'export-harvest-followup')}
      <div className="field">
        <label htmlFor={dateId}>{t('export.harvest.nextMeeting')}</label>
        <input
          id={dateId}
          type="date"
          value={draft.nextMeeting}
          disabled={!control}
          onChange={(event) => {
            setDraft({ ...draft, nextMeeting: event.target.value })
            save({ nextMeeting: event.target.value })
          }}
          data-testid="export-harvest-date"
        />
      </div>
    </section>
  )
}
