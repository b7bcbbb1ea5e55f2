import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type GroupRole,
  type GroupStep,
  groupOf,
  inbrengerOf,
  type PeopleGroup,
  roleOf,
} from '../../../shared/src/groups/peopleGroups'
import { request } from '../api/http'
import type { SessionView } from '../session/sessionView'
import { GroupStandpoints } from './GroupStandpoints'
import { standpointsPrivate } from './standpointsView'
import { groupsPath, useGroupStep } from './useGroupStep'
import './i18n/index'
import './groups.css'

/**
 * A participant's group in the running round (issue 18), in the round banner on the canvas and in
 * the list: who they are with, the way to their group's space (the canvas goes there by itself
 * when the group is formed) and the choice of the group's "ons inzicht".
 */
export function MyGroupLine({ view, listView }: { view: SessionView; listView: boolean }) {
  const { t } = useTranslation()
  const step = useGroupStep(view.control)
  const group = groupOf(step, view.participantId)
  const zone = view.zones.find((candidate) => candidate.id === group?.zoneId)
  const shownZone = useRef<string | null>(null)
  // Once per group space: the canvas shows the group's space as soon as the group has one (at
  // most at 100 %, so the whole space stays in view while the banner above it grows).
  useEffect(() => {
    if (listView || !zone || shownZone.current === zone.id) return
    if (view.editor.zoomToRect(zone, 1)) shownZone.current = zone.id
  }, [listView, zone, view.editor])
  if (!group || view.isFacilitator) return null
  // Alone (no space): the round itself says so, and a phone keeps the line for the list.
  if (group.zoneId === null) return null
  const others = group.members.filter((member) => member.id !== view.participantId)
  const showInsight = !step?.roleTurn && !step?.inbrengerChosen && insightsGatheredLater(view)
  const standpoints = step?.standpointsToInbrenger && roleOf(step, view.participantId) === 'inbrenger'
  // The names are in the banner's own line (MyGroupNames); below it only what asks for action.
  if (listView && !showInsight && !standpoints && !roleOf(step, view.participantId)) return null
  return (
    <div className="my-group" data-testid="my-group">
      {!listView && zone && (
        <button
          type="button"
          className="button secondary"
          onClick={() => view.editor.zoomToRect(zone, 1)}
          data-testid="my-group-go"
        >
          {t('peopleGroups.goTo')}
        </button>
      )}
      {step && (
        <RoleLine
          step={step}
          group={group}
          participantId={view.participantId}
          standpoints={standpointsPrivate(view.control, step)}
        />
      )}
      {step && standpoints && (
        <GroupStandpoints
          boardId={view.boardId}
          token={view.token}
          mates={others}
          revealed={!standpointsPrivate(view.control, step)}
        />
      )}
      {showInsight && <InsightChoice view={view} group={group} />}
    </div>
  )
}

/**
 * Who this person is with, in the round banner's one line (docs/architecture.md: the banner is one
 * line, also on a 360 px phone in a pair): cut off with an ellipsis when it does not fit; the
 * whole text stays for screen readers, and the group's space card is titled with the names too.
 */
export function MyGroupNames({ view }: { view: SessionView }) {
  const { t } = useTranslation()
  const group = groupOf(useGroupStep(view.control), view.participantId)
  if (!group || view.isFacilitator || group.zoneId === null) return null
  const others = group.members.filter((member) => member.id !== view.participantId)
  const names = t('peopleGroups.youAre', {
    number: group.number,
    // The others first: when the line is cut off, who you are with is what shows.
    names: [...others.map((member) => member.name), `${view.name} ${t('peopleGroups.meSuffix')}`].join(', '),
  })
  return (
    <p className="my-group-names" title={names}>
      <span className="visually-hidden">{t('peopleGroups.you')}: </span>
      <span data-testid="my-group-names">{names}</span>
    </p>
  )
}

/** Troika and incidentmethode: who brings in the question this round, and what that asks of you. */
function RoleLine({
  step,
  group,
  participantId,
  standpoints,
}: {
  step: GroupStep
  group: PeopleGroup
  participantId: string
  /** The standpoints go to the inbrenger now (before the reveal). */
  standpoints: boolean
}) {
  const { t } = useTranslation()
  const role = roleOf(step, participantId)
  if (!role) return null
  const inbrenger = inbrengerOf(step, group)?.name ?? ''
  const key = roleKey(step, role, standpoints)
  return (
    <p
      className={`my-group-role${role === 'inbrenger' && step.inbrengerListens ? ' listening' : ''}`}
      data-testid="my-group-role"
    >
      {t(key, { name: inbrenger })}
    </p>
  )
}

/** What a role asks of this person in this step (a private standpoints step says who reads along). */
function roleKey(step: GroupStep, role: GroupRole, standpoints: boolean): string {
  if (role === 'inbrenger') {
    if (step.inbrengerListens) return 'peopleGroups.roleListen'
    return standpoints ? 'peopleGroups.roleInbrengerStandpoints' : 'peopleGroups.roleInbrenger'
  }
  if (standpoints) return 'peopleGroups.standpointsAdviser'
  return role === 'notulist' ? 'peopleGroups.roleNotulist' : 'peopleGroups.roleAdviser'
}

/**
 * Whether this step's insights go anywhere: a later round gathers them and no group step comes
 * between (the server gathers the last group step's insights: the fours', not the pairs').
 */
function insightsGatheredLater(view: SessionView): boolean {
  const later = view.state.rounds.slice(view.state.currentIndex + 1)
  const gatherAt = later.findIndex((round) => round.gatherInsights)
  return gatherAt >= 0 && later.slice(0, gatherAt).every((round) => (round.groupSize ?? 0) < 2)
}

/** "Ons inzicht": one of the notes in the group's space, chosen by any member (the server checks). */
function InsightChoice({ view, group }: { view: SessionView; group: PeopleGroup }) {
  const { t } = useTranslation()
  const id = useId()
  const notes = view.notes.filter((note) => note.zoneId === group.zoneId)
  if (notes.length === 0) return null
  const choose = async (noteId: string | null) => {
    try {
      await request(`${groupsPath(view.boardId)}/insight`, {
        method: 'POST',
        body: { noteId },
        bearer: view.token,
      })
      view.say(noteId ? 'peopleGroups.insightChosen' : 'peopleGroups.insightCleared')
    } catch {
      view.say('peopleGroups.failed')
    }
  }
  return (
    <p className="my-group-insight">
      <label htmlFor={id}>{t('peopleGroups.chooseInsight')}</label>{' '}
      <select
        id={id}
        value={group.insightNoteId ?? ''}
        onChange={(event) => void choose(event.target.value || null)}
        data-testid="my-group-insight"
      >
        <option value="">{t('peopleGroups.chooseInsightNone')}</option>
        {notes.map((note) => (
          <option key={note.id} value={note.id}>
            {(note.text || t('peopleGroups.untitled')).slice(0, 60)}
          </option>
        ))}
      </select>
    </p>
  )
}
