import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/http'
import { softDisabled } from '../../components/softDisabled'
import { VoteResults } from '../../session/banner/Voting'
import { setVoting } from '../../session/sessionApi'
import type { SessionView } from '../../session/sessionView'
import { useVoters } from '../../session/useVoters'

function NumberField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string
  value: number
  onChange: (value: number) => void
  testId: string
}) {
  const id = useId()
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={99}
        value={value}
        onChange={(event) => onChange(Math.max(1, Math.min(99, Number(event.target.value) || 1)))}
        data-testid={testId}
      />
    </div>
  )
}

/** Opening dot voting (how many dots, where), closing it, and the results ranked. */
export function VotingPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const id = useId()
  const config = view.state.voting
  const roundZones = view.state.current?.zoneIds ?? []
  const [form, setForm] = useState({
    perPerson: 3,
    maxPerNote: 1,
    scope: (roundZones.length > 0 ? 'zone' : 'board') as 'zone' | 'board',
    zoneIds: roundZones,
    anonymous: true,
    hideResults: false,
  })
  const [busy, setBusy] = useState(false)
  const voters = useVoters({
    boardId: view.boardId,
    token: view.token,
    isFacilitator: view.isFacilitator,
    config,
    results: view.state.voteResults,
  })
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }))

  const send = async (body: Parameters<typeof setVoting>[2]) => {
    setBusy(true)
    try {
      await setVoting(view.boardId, view.token, body)
    } catch (error) {
      view.say(
        error instanceof ApiError && error.code === 'network' ? 'session.offline' : 'session.actionFailed',
      )
    } finally {
      setBusy(false)
    }
  }

  const noZones = form.scope === 'zone' && form.zoneIds.length === 0
  const open = (event: FormEvent) => {
    event.preventDefault()
    // aria-disabled rather than disabled: the button keeps focus while the request runs.
    if (busy || noZones) return
    void send({
      action: 'open',
      perPerson: form.perPerson,
      maxPerNote: Math.min(form.maxPerNote, form.perPerson),
      scope: form.scope,
      ...(form.scope === 'zone' ? { zoneIds: form.zoneIds } : {}),
      anonymous: form.anonymous,
      hideResults: form.hideResults,
      ...(view.state.current ? { roundId: view.state.current.id } : {}),
    })
  }

  const check = (key: 'anonymous' | 'hideResults', label: string, hint?: string) => (
    <div>
      <div className="check-field">
        <input
          id={`${id}-${key}`}
          type="checkbox"
          checked={form[key]}
          onChange={(event) => set({ [key]: event.target.checked })}
          aria-describedby={hint ? `${id}-${key}-hint` : undefined}
          data-testid={`vote-${key}`}
        />
        <label htmlFor={`${id}-${key}`}>{label}</label>
      </div>
      {hint && (
        <p className="field-hint check-field-hint" id={`${id}-${key}-hint`}>
          {hint}
        </p>
      )}
    </div>
  )

  return (
    <div className="voting-panel">
      {config?.open ? (
        <div className="voting-open" data-testid="voting-open">
          <p>
            {t('facilitator.votingIsOpen', { perPerson: config.perPerson, maxPerNote: config.maxPerNote })}{' '}
            {config.scope === 'zone' ? t('facilitator.scopeZoneShort') : t('facilitator.scopeBoardShort')}
          </p>
          <p data-testid="voting-privacy">
            {t(config.anonymous ? 'facilitator.votingAnonymous' : 'facilitator.votingNamed')}
          </p>
          <button
            type="button"
            className="button primary"
            {...softDisabled(busy, () => send({ action: 'close' }))}
            // Focus lands here once voting opened (the form it was in is gone), and back on
            // "open voting" once it closed.
            data-focus-return
            data-testid="voting-close"
          >
            {t('facilitator.closeVoting')}
          </button>
        </div>
      ) : (
        <form className="voting-form" onSubmit={open} noValidate>
          <NumberField
            label={t('facilitator.perPerson')}
            value={form.perPerson}
            onChange={(perPerson) => set({ perPerson })}
            testId="vote-per-person"
          />
          <NumberField
            label={t('facilitator.maxPerNote')}
            value={form.maxPerNote}
            onChange={(maxPerNote) => set({ maxPerNote })}
            testId="vote-max-per-note"
          />
          <fieldset className="zone-choice">
            <legend>{t('facilitator.scope')}</legend>
            {(['zone', 'board'] as const).map((scope) => (
              <div className="check-field" key={scope}>
                <input
                  id={`${id}-scope-${scope}`}
                  type="radio"
                  name={`${id}-scope`}
                  checked={form.scope === scope}
                  onChange={() => set({ scope })}
                />
                <label htmlFor={`${id}-scope-${scope}`}>
                  {t(scope === 'zone' ? 'facilitator.scopeZone' : 'facilitator.scopeBoard')}
                </label>
              </div>
            ))}
            {form.scope === 'zone' &&
              view.zones.map((zone) => (
                <div className="check-field nested" key={zone.id}>
                  <input
                    id={`${id}-zone-${zone.id}`}
                    type="checkbox"
                    checked={form.zoneIds.includes(zone.id)}
                    onChange={(event) =>
                      set({
                        zoneIds: event.target.checked
                          ? [...form.zoneIds, zone.id]
                          : form.zoneIds.filter((z) => z !== zone.id),
                      })
                    }
                  />
                  <label htmlFor={`${id}-zone-${zone.id}`}>{zone.title || t('outline.untitledZone')}</label>
                </div>
              ))}
          </fieldset>
          {check('anonymous', t('facilitator.votesAnonymous'), t('facilitator.votesAnonymousHint'))}
          {check('hideResults', t('facilitator.hideResults'))}
          <button
            type="submit"
            className="button primary"
            aria-disabled={busy || noZones || undefined}
            data-focus-return
            data-testid="voting-open-submit"
          >
            {t('facilitator.openVoting')}
          </button>
        </form>
      )}
      <h3>{t('session.resultsTitle')}</h3>
      <VoteResults notes={view.notes} results={view.state.voteResults} voters={voters} />
    </div>
  )
}
