import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteData } from '../../../shared/src/model'
import { ApiError } from '../api/http'
import type { SessionView } from '../session/sessionView'
import {
  makeAcceptedGroups,
  mergeDuplicateSet,
  moveNote,
  moveTargets,
  type ProposedGroup,
  proposalFrom,
  rename,
  setAccepted,
} from './proposal'
import { type BoardSuggestion, requestSuggestions } from './suggestApi'
import './i18n'
import './suggest.css'

const WHOLE_BOARD = ''

/**
 * "Stel groepen voor" (issue 20), a tab of the facilitator panel: the server proposes groups of
 * one question's loose notes; the facilitator takes over, renames, moves notes between groups or
 * throws the proposal away. Only "Maak groepen" changes the board, in one undo step.
 */
export function SuggestPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const questionId = useId()
  const [zoneId, setZoneId] = useState(view.zones[0]?.id ?? WHOLE_BOARD)
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<BoardSuggestion | null>(null)
  const [groups, setGroups] = useState<ProposedGroup[]>([])
  const [message, setMessage] = useState('')

  const ask = async () => {
    setBusy(true)
    setMessage('')
    try {
      const suggestion = await requestSuggestions(view.boardId, view.token, zoneId || null)
      setAnswer(suggestion)
      setGroups(proposalFrom(suggestion.groups))
    } catch (error) {
      setAnswer(null)
      setGroups([])
      const locked = error instanceof ApiError && error.code === 'zone_locked'
      setMessage(locked ? t('suggest.zoneLocked') : t('suggest.failed'))
    } finally {
      setBusy(false)
    }
  }

  const close = (text: string) => {
    setAnswer(null)
    setGroups([])
    setMessage(text)
  }

  const accepted = groups.filter((group) => group.accepted && group.noteIds.length > 0).length
  const notesById = new Map(view.notes.map((note) => [note.id, note]))

  return (
    <div className="suggest-panel" data-testid="suggest-panel">
      <h3>{t('suggest.title')}</h3>
      <p className="facilitator-hint">{t('suggest.intro')}</p>
      <div className="suggest-ask">
        <label htmlFor={questionId}>{t('suggest.question')}</label>
        <select
          id={questionId}
          value={zoneId}
          onChange={(event) => setZoneId(event.target.value)}
          data-testid="suggest-question"
        >
          {view.zones.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.title || '…'}
            </option>
          ))}
          <option value={WHOLE_BOARD}>{t('suggest.wholeBoard')}</option>
        </select>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void ask()}
          data-testid="suggest-ask"
        >
          {busy ? t('suggest.busy') : t('suggest.ask')}
        </button>
      </div>
      <p className="facilitator-hint" aria-live="polite" data-testid="suggest-message">
        {message}
      </p>
      {answer && (
        <>
          <p data-testid="suggest-summary">
            {answer.considered === 0
              ? t('suggest.empty')
              : answer.groups.length === 0
                ? t('suggest.none')
                : t('suggest.summary', {
                    groups: answer.groups.length,
                    notes: answer.considered,
                    alone: answer.ungrouped.length,
                  })}
          </p>
          {answer.locked + answer.grouped > 0 && (
            <p className="facilitator-hint">
              {t('suggest.skipped', { locked: answer.locked, grouped: answer.grouped })}
            </p>
          )}
          <ul className="suggest-groups">
            {groups.map((group) => (
              <GroupCard
                key={group.key}
                group={group}
                targets={moveTargets(groups, group)}
                notesById={notesById}
                onChange={setGroups}
                groups={groups}
                view={view}
                say={setMessage}
              />
            ))}
          </ul>
          <div className="suggest-footer">
            <button
              type="button"
              className="button primary"
              disabled={accepted === 0}
              title={accepted === 0 ? t('suggest.makeNone') : undefined}
              onClick={() => close(t('suggest.made', { count: makeAcceptedGroups(view.doc, groups) }))}
              data-testid="suggest-make"
            >
              {t('suggest.make', { count: accepted })}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => close(t('suggest.rejected'))}
              data-testid="suggest-reject"
            >
              {t('suggest.reject')}
            </button>
          </div>
        </>
      )}
    </div>
  )
}

interface GroupCardProps {
  view: SessionView
  group: ProposedGroup
  groups: readonly ProposedGroup[]
  targets: readonly ProposedGroup[]
  notesById: ReadonlyMap<string, NoteData>
  onChange: (groups: ProposedGroup[]) => void
  say: (message: string) => void
}

function GroupCard({ view, group, groups, targets, notesById, onChange, say }: GroupCardProps) {
  const { t } = useTranslation()
  const nameId = useId()
  const duplicateOf = new Map(group.duplicates.flatMap((set) => set.map((id) => [id, set] as const)))
  return (
    <li className={`suggest-group${group.accepted ? ' accepted' : ''}`} data-testid="suggest-group">
      <div className="suggest-group-head">
        <label className="check-field">
          <input
            type="checkbox"
            checked={group.accepted}
            onChange={(event) => onChange(setAccepted(groups, group.key, event.target.checked))}
            data-testid="suggest-accept"
          />
          {t('suggest.accept')}
        </label>
        <span className="facilitator-hint">{t('suggest.noteCount', { count: group.noteIds.length })}</span>
      </div>
      <label htmlFor={nameId} className="visually-hidden">
        {t('suggest.name')}
      </label>
      <input
        id={nameId}
        className="suggest-name"
        value={group.name}
        onChange={(event) => onChange(rename(groups, group.key, event.target.value))}
        data-testid="suggest-name"
      />
      {group.duplicates.map((set) => (
        <div key={set.join()} className="suggest-same" data-testid="suggest-same">
          <strong>{t('suggest.same', { count: set.length })}</strong>
          <button
            type="button"
            className="text-button"
            title={t('suggest.mergeHint')}
            onClick={() => {
              const merged = mergeDuplicateSet(view.doc, groups, group.key, set)
              onChange(merged.groups)
              say(t('suggest.merged', { count: merged.count }))
            }}
            data-testid="suggest-merge"
          >
            {t('suggest.merge')}
          </button>
        </div>
      ))}
      <ul className="suggest-notes">
        {group.noteIds.map((id) => (
          <li key={id} className={duplicateOf.has(id) ? 'same' : undefined} data-testid="suggest-note">
            <span className="suggest-note-text">{notesById.get(id)?.text || '…'}</span>
            <select
              aria-label={t('suggest.moveTo')}
              value={group.key}
              onChange={(event) => onChange(moveNote(groups, id, event.target.value || null))}
              data-testid="suggest-move"
            >
              <option value={group.key}>{t('suggest.moveTo')}…</option>
              {targets.map((target) => (
                <option key={target.key} value={target.key}>
                  {target.name || '…'}
                </option>
              ))}
              <option value="">{t('suggest.noGroup')}</option>
            </select>
          </li>
        ))}
      </ul>
    </li>
  )
}
