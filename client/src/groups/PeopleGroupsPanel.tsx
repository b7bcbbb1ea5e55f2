import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupsRequest } from '../../../shared/src/api'
import {
  type GroupStep,
  inbrengerOf,
  notulistOf,
  type PeopleGroup,
} from '../../../shared/src/groups/peopleGroups'
import { request } from '../api/http'
import { boundsOf } from '../canvas/viewport'
import type { SessionView } from '../session/sessionView'
import { groupsPath, useGroupStep } from './useGroupStep'
import './i18n/index'
import './groups.css'

const NEW_GROUP = 'new'
const OUT = 'out'

/**
 * The facilitator's view of the running round's groups of people (issue 18): who is with whom,
 * who is not online, each group's chosen insight, and a choice per person to move them (a select:
 * works with a keyboard, a finger and a screen reader). The server forms and changes the groups;
 * this only asks it to (POST /api/boards/:id/groups).
 */
export function PeopleGroupsPanel({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const step = useGroupStep(view.control)
  const [message, setMessage] = useState('')
  const headingId = useId()

  const send = async (body: GroupsRequest, done: string) => {
    try {
      await request(groupsPath(view.boardId), { method: 'POST', body, bearer: view.token })
      setMessage(done)
    } catch {
      setMessage(t('peopleGroups.failed'))
    }
  }

  if (!step) {
    return (
      <div className="people-groups" data-testid="people-groups-panel">
        <p>{t('peopleGroups.none')}</p>
      </div>
    )
  }
  return (
    <div className="people-groups" data-testid="people-groups-panel">
      <h3 id={headingId}>{t('peopleGroups.title')}</h3>
      <p className="facilitator-hint">
        {step.size === 1
          ? t('peopleGroups.sizeAlone')
          : step.groups.length === 1
            ? t('peopleGroups.sizeOneGroup', { count: step.groups[0]?.members.length ?? 0 })
            : t('peopleGroups.sizeGroups', { size: step.size, count: step.groups.length })}
      </p>
      {step.size > 1 && (
        <label className="facilitator-check" data-testid="people-groups-keep-apart">
          <input
            type="checkbox"
            checked={step.keepApart}
            onChange={(event) => void send({ action: 'keepApart', value: event.target.checked }, '')}
          />
          {t('peopleGroups.keepApart')}
          <span className="facilitator-hint">{t('peopleGroups.keepApartHint')}</span>
        </label>
      )}
      <ShowSpacesButton view={view} step={step} />
      <p className="facilitator-hint" aria-live="polite" data-testid="people-groups-message">
        {message}
      </p>
      <ol aria-labelledby={headingId} className="people-groups-list">
        {step.groups.map((group) => (
          <GroupCard key={group.id} group={group} step={step} view={view} send={send} />
        ))}
      </ol>
    </div>
  )
}

/** Shows every groepje's space on the canvas at once (they lie right of the board's questions). */
function ShowSpacesButton({ view, step }: { view: SessionView; step: GroupStep }) {
  const { t } = useTranslation()
  const spaces = view.zones.filter((zone) => step.groups.some((group) => group.zoneId === zone.id))
  const bounds = boundsOf(spaces)
  if (!bounds) return null
  return (
    <button
      type="button"
      className="button secondary people-groups-show"
      onClick={() => view.editor.zoomToRect(bounds)}
      data-testid="people-groups-show"
    >
      {t('peopleGroups.showSpaces')}
    </button>
  )
}

function GroupCard({
  group,
  step,
  view,
  send,
}: {
  group: PeopleGroup
  step: GroupStep
  view: SessionView
  send: (body: GroupsRequest, done: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const insight = view.notes.find((note) => note.id === group.insightNoteId)
  return (
    <li className="people-group" data-testid="people-group">
      <h4>{t('peopleGroups.moveTo', { number: group.number })}</h4>
      {step.inbrengerChosen ? (
        <InbrengerChoice group={group} step={step} send={send} />
      ) : (
        inbrengerOf(step, group) && (
          <p className="facilitator-hint" data-testid="people-group-inbrenger">
            {t('peopleGroups.inbrenger', { name: inbrengerOf(step, group)?.name })}
          </p>
        )
      )}
      {notulistOf(step, group) && (
        <p className="facilitator-hint" data-testid="people-group-notulist">
          {t('peopleGroups.notulist', { name: notulistOf(step, group)?.name })}
        </p>
      )}
      <ul className="people-group-members">
        {group.members.map((member) => {
          const online = view.onlineParticipants.includes(member.id)
          return (
            <li key={member.id} data-testid="people-group-member">
              <span>
                {member.name || '?'}
                {!online && <span className="facilitator-hint"> ({t('peopleGroups.offline')})</span>}
              </span>
              <select
                aria-label={t('peopleGroups.moveLabel', { name: member.name || '?' })}
                value={group.id}
                data-testid="people-group-move"
                onChange={(event) => {
                  const target = event.target.value
                  const to = step.groups.find((other) => other.id === target)
                  if (target === OUT) {
                    void send(
                      { action: 'remove', participantId: member.id },
                      t('peopleGroups.removed', { name: member.name }),
                    )
                    return
                  }
                  void send(
                    {
                      action: 'move',
                      participantId: member.id,
                      groupId: target === NEW_GROUP ? null : target,
                    },
                    to
                      ? t('peopleGroups.moved', { name: member.name, number: to.number })
                      : t('peopleGroups.movedNew', { name: member.name }),
                  )
                }}
              >
                {step.groups.map((other) => (
                  <option key={other.id} value={other.id}>
                    {t('peopleGroups.moveTo', { number: other.number })}
                  </option>
                ))}
                <option value={NEW_GROUP}>{t('peopleGroups.moveNew')}</option>
                <option value={OUT}>{t('peopleGroups.moveOut')}</option>
              </select>
            </li>
          )
        })}
      </ul>
      {step.size > 1 && (
        <p className="facilitator-hint" data-testid="people-group-insight">
          {insight
            ? t('peopleGroups.insight', { text: insight.text || t('peopleGroups.untitled') })
            : t('peopleGroups.noInsight')}
        </p>
      )}
    </li>
  )
}

/**
 * The incidentmethode: the facilitator chooses each group's inbrenger (the server proposes the
 * author of the chosen case). A select, like moving people: keyboard, finger and screen reader.
 */
function InbrengerChoice({
  group,
  step,
  send,
}: {
  group: PeopleGroup
  step: GroupStep
  send: (body: GroupsRequest, done: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const id = useId()
  const current = inbrengerOf(step, group)
  return (
    <p className="people-group-inbrenger">
      <label htmlFor={id}>{t('peopleGroups.chooseInbrenger')}</label>{' '}
      <select
        id={id}
        value={current?.id ?? ''}
        data-testid="people-group-inbrenger-choice"
        onChange={(event) => {
          const chosen = group.members.find((member) => member.id === event.target.value)
          if (!chosen) return
          void send(
            { action: 'inbrenger', groupId: group.id, participantId: chosen.id },
            t('peopleGroups.inbrengerChosen', { name: chosen.name || '?', number: group.number }),
          )
        }}
      >
        {group.members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name || '?'}
          </option>
        ))}
      </select>
    </p>
  )
}
