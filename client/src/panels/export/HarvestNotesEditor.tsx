import { useEffect, useId, useState } from 'react'
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

export function HarvestNotesEditor({ control }: { control: Y.Doc | null }) {
  const { t } = useTranslation()
  const headingId = useId()
  const insightsId = useId()
  const followUpId = useId()
  const dateId = useId()
  const stored = useHarvestNotes(control)
  const [draft, setDraft] = useState(stored)
  // Someone else's change shows up, unless this person is typing in that very field.
  useEffect(() => setDraft(stored), [stored])

  const save = (patch: Partial<HarvestNotes>) => {
    if (control) setHarvestNotes(control, patch)
  }

  return (
    <section className="export-harvest" aria-labelledby={headingId} data-testid="export-harvest">
      <h3 id={headingId}>{t('export.harvest.title')}</h3>
      <p className="export-redact-hint">{t('export.harvest.hint')}</p>
      <div className="field">
        <label htmlFor={insightsId}>{t('export.harvest.insights')}</label>
        <textarea
          id={insightsId}
          rows={4}
          maxLength={HARVEST_TEXT_MAX_LENGTH}
          value={draft.insights}
          disabled={!control}
          onChange={(event) => setDraft({ ...draft, insights: event.target.value })}
          onBlur={() => draft.insights !== stored.insights && save({ insights: draft.insights })}
          data-testid="export-harvest-insights"
        />
      </div>
      <div className="field">
        <label htmlFor={followUpId}>{t('export.harvest.followUp')}</label>
        <textarea
          id={followUpId}
          rows={3}
          maxLength={HARVEST_TEXT_MAX_LENGTH}
          value={draft.followUp}
          disabled={!control}
          onChange={(event) => setDraft({ ...draft, followUp: event.target.value })}
          onBlur={() => draft.followUp !== stored.followUp && save({ followUp: draft.followUp })}
          data-testid="export-harvest-followup"
        />
      </div>
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
