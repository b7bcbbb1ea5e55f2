import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  addRound,
  DEFAULT_ROUND_MINUTES,
  deleteRound,
  moveRound,
  type RoundData,
  setLocked,
} from '../../../../shared/src/model'
import { softDisabled } from '../../components/softDisabled'
import { roundGroupFeatures } from '../../groups/RoundGroupFields'
import { useSessionCommand } from '../../session/banner/TimerControls'
import type { SessionView } from '../../session/sessionView'
import { RoundEditor } from './RoundEditor'

interface RoundRowProps {
  view: SessionView
  round: RoundData
  index: number
  count: number
  editing: boolean
  onEdit: (id: string | null) => void
}

function RoundRow({ view, round, index, count, editing, onEdit }: RoundRowProps) {
  const { t } = useTranslation()
  const { run, busy } = useSessionCommand(view)
  const control = view.control
  const { timer } = view.state
  const isCurrent = timer.roundId === round.id && timer.status !== 'idle'
  const live = isCurrent && timer.status !== 'ended'
  const [confirming, setConfirming] = useState(false)
  const features = [
    t('facilitator.minutes', { count: round.minutes }),
    round.privateWriting && t('facilitator.privateShort'),
    round.voting && t('facilitator.votingShort'),
    ...roundGroupFeatures(round, t),
  ].filter(Boolean)

  return (
    <li
      className={`round-row${isCurrent ? ' current' : ''}`}
      data-testid="round-row"
      data-round-id={round.id}
    >
      <div className="round-row-main">
        <span className="round-row-index" aria-hidden="true">
          {index + 1}
        </span>
        <span className="round-row-text">
          <strong>{round.title || t('facilitator.untitledRound')}</strong>
          <span className="round-row-features">{features.join(' · ')}</span>
          {isCurrent && (
            <span className="session-chip">{live ? t('facilitator.now') : t('session.roundEnded')}</span>
          )}
        </span>
        <button
          type="button"
          className="button primary round-start"
          {...softDisabled(busy || live, () => run({ action: 'start', roundId: round.id }))}
          data-testid="round-start"
        >
          {t('facilitator.start')}
        </button>
      </div>
      <div className="round-row-tools">
        <button
          type="button"
          className="text-button"
          aria-expanded={editing}
          onClick={() => onEdit(editing ? null : round.id)}
          data-testid="round-edit"
        >
          {t('facilitator.edit')}
        </button>
        <button
          type="button"
          className="text-button"
          {...softDisabled(index === 0 || !control, () => control && moveRound(control, index, index - 1))}
          aria-label={t('facilitator.moveUp', { title: round.title })}
        >
          ↑
        </button>
        <button
          type="button"
          className="text-button"
          {...softDisabled(
            index === count - 1 || !control,
            () => control && moveRound(control, index, index + 1),
          )}
          aria-label={t('facilitator.moveDown', { title: round.title })}
        >
          ↓
        </button>
        {confirming ? (
          <span className="round-confirm">
            {t('facilitator.deleteConfirm')}
            <button
              type="button"
              className="text-button danger"
              onClick={() => control && deleteRound(control, round.id)}
            >
              {t('facilitator.deleteYes')}
            </button>
            <button type="button" className="text-button" onClick={() => setConfirming(false)}>
              {t('facilitator.cancel')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="text-button danger"
            disabled={live}
            onClick={() => setConfirming(true)}
          >
            {t('facilitator.delete')}
          </button>
        )}
      </div>
      {editing && control && (
        <RoundEditor view={view} control={control} round={round} onDone={() => onEdit(null)} />
      )}
    </li>
  )
}

/** The session script: rounds in order, each with Start; edit, reorder, add and remove rounds. */
export function ScriptEditor({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<string | null>(null)
  const { rounds } = view.state
  const control = view.control

  const add = () => {
    if (!control) return
    const zoneIds = view.state.current?.zoneIds ?? []
    setEditing(
      addRound(control, { title: t('facilitator.newRound'), minutes: DEFAULT_ROUND_MINUTES, zoneIds }),
    )
  }

  return (
    <div className="script-editor">
      {rounds.length === 0 && <p className="session-muted">{t('facilitator.noRounds')}</p>}
      <ol className="round-list">
        {rounds.map((round, index) => (
          <RoundRow
            key={round.id}
            view={view}
            round={round}
            index={index}
            count={rounds.length}
            editing={editing === round.id}
            onEdit={setEditing}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button secondary"
        disabled={!control}
        onClick={add}
        // Where focus lands when a round it was in is deleted.
        data-focus-return
        data-testid="round-add"
      >
        {t('facilitator.addRound')}
      </button>
      <ZoneLocks view={view} />
    </div>
  )
}

/**
 * Locking whole questions: a locked zone and every note in it cannot be changed by participants
 * (the server refuses it too). Single notes are locked from the canvas ("Vastzetten").
 */
export function ZoneLocks({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const control = view.control
  if (view.zones.length === 0 || !control) return null
  return (
    <details className="zone-locks">
      <summary>{t('facilitator.zoneLocks')}</summary>
      <p className="session-muted">{t('facilitator.zoneLocksHint')}</p>
      <ul>
        {view.zones.map((zone) => {
          const locked = view.state.locks.has(zone.id)
          return (
            <li key={zone.id}>
              <span>{zone.title || t('outline.untitledZone')}</span>
              <button
                type="button"
                className="text-button"
                aria-pressed={locked}
                onClick={() => setLocked(control, zone.id, !locked)}
                data-testid="zone-lock-toggle"
              >
                {locked ? t('session.unlock') : t('session.lock')}
              </button>
            </li>
          )
        })}
      </ul>
    </details>
  )
}
