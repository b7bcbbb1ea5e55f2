import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  ROUND_MAX_MINUTES,
  ROUND_MIN_MINUTES,
  ROUND_PROMPT_MAX_LENGTH,
  ROUND_TITLE_MAX_LENGTH,
  type RoundData,
  readRoundOptions,
  setRoundOptions,
  updateRound,
} from '../../../../shared/src/model'
import { RoundGroupFields } from '../../groups/RoundGroupFields'
import type { SessionView } from '../../session/sessionView'

interface RoundEditorProps {
  view: SessionView
  control: Y.Doc
  round: RoundData
  onDone: () => void
}

function Check({
  label,
  checked,
  onChange,
  hint,
  testId,
}: {
  label: string
  checked: boolean
  onChange: (value: boolean) => void
  hint?: string
  testId?: string
}) {
  const id = useId()
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      <label htmlFor={id}>
        {label}
        {hint && <span className="field-hint">{hint}</span>}
      </label>
    </div>
  )
}

/**
 * One round of the script: title, question, the zones it is about, minutes, private writing,
 * voting, and what happens when time is up. Saved into the control document, live for everyone.
 */
export function RoundEditor({ view, control, round, onDone }: RoundEditorProps) {
  const { t } = useTranslation()
  const id = useId()
  const [draft, setDraft] = useState(() => ({ ...round, ...readRoundOptions(control, round.id) }))
  const [error, setError] = useState('')
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }))

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!draft.title.trim()) {
      setError(t('facilitator.titleRequired'))
      return
    }
    control.transact(() => {
      updateRound(control, round.id, {
        title: draft.title.trim(),
        prompt: draft.prompt,
        zoneIds: draft.zoneIds,
        minutes: draft.minutes,
        privateWriting: draft.privateWriting,
        voting: draft.voting,
        groupSize: draft.groupSize ?? 0,
        gatherInsights: draft.gatherInsights ?? false,
      })
      setRoundOptions(control, round.id, {
        lockWhenTimeUp: draft.lockWhenTimeUp,
        anonymousReveal: draft.privateWriting && draft.anonymousReveal,
      })
    })
    onDone()
  }

  const toggleZone = (zoneId: string, on: boolean) =>
    set({ zoneIds: on ? [...draft.zoneIds, zoneId] : draft.zoneIds.filter((other) => other !== zoneId) })

  return (
    <form className="round-editor" onSubmit={save} noValidate data-testid="round-editor">
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('facilitator.roundTitle')}</label>
        <input
          id={`${id}-title`}
          value={draft.title}
          maxLength={ROUND_TITLE_MAX_LENGTH}
          aria-invalid={error ? true : undefined}
          onChange={(event) => set({ title: event.target.value })}
          data-testid="round-title-input"
        />
        {error && <p className="field-error">{error}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>{t('facilitator.roundPrompt')}</label>
        <textarea
          id={`${id}-prompt`}
          value={draft.prompt}
          rows={3}
          maxLength={ROUND_PROMPT_MAX_LENGTH}
          onChange={(event) => set({ prompt: event.target.value })}
        />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-minutes`}>{t('facilitator.roundMinutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={ROUND_MIN_MINUTES}
          max={ROUND_MAX_MINUTES}
          value={draft.minutes}
          onChange={(event) => set({ minutes: Number(event.target.value) || ROUND_MIN_MINUTES })}
          data-testid="round-minutes-input"
        />
      </div>
      {view.zones.length > 0 && (
        <fieldset className="zone-choice">
          <legend>{t('facilitator.roundZones')}</legend>
          {view.zones.map((zone) => (
            <Check
              key={zone.id}
              label={zone.title || t('outline.untitledZone')}
              checked={draft.zoneIds.includes(zone.id)}
              onChange={(on) => toggleZone(zone.id, on)}
            />
          ))}
        </fieldset>
      )}
      <Check
        label={t('facilitator.privateWriting')}
        hint={t('facilitator.privateWritingHint')}
        checked={draft.privateWriting}
        onChange={(privateWriting) => set({ privateWriting })}
        testId="round-private"
      />
      {draft.privateWriting && (
        <Check
          label={t('facilitator.anonymousReveal')}
          checked={draft.anonymousReveal}
          onChange={(anonymousReveal) => set({ anonymousReveal })}
        />
      )}
      <Check label={t('facilitator.voting')} checked={draft.voting} onChange={(voting) => set({ voting })} />
      <RoundGroupFields
        groupSize={draft.groupSize ?? 0}
        gatherInsights={draft.gatherInsights ?? false}
        onChange={set}
      />
      <Check
        label={t('facilitator.lockWhenTimeUp')}
        hint={t('facilitator.lockWhenTimeUpHint')}
        checked={draft.lockWhenTimeUp}
        onChange={(lockWhenTimeUp) => set({ lockWhenTimeUp })}
        testId="round-lock-time-up"
      />
      <div className="button-row">
        <button type="submit" className="button primary" data-testid="round-save">
          {t('facilitator.save')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('facilitator.cancel')}
        </button>
      </div>
    </form>
  )
}
