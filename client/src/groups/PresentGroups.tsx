import { useTranslation } from 'react-i18next'
import {
  type GroupStep,
  groupSpaceTitle,
  inbrengerOf,
  notulistOf,
} from '../../../shared/src/groups/peopleGroups'
import type { NoteData } from '../../../shared/src/model'
import './i18n/index'
import './groups.css'

/**
 * The projector during a group step (issue 18): every groepje with its members, its inbrenger
 * when roles run, and how many notes are in its space, in large type; the timer stays in the
 * projector's header. Notes' texts stay on the phones: the wall shows who works with whom.
 */
export function PresentGroups({ step, notes }: { step: GroupStep; notes: readonly NoteData[] }) {
  const { t } = useTranslation()
  return (
    <ol className="present-groups" data-testid="present-groups">
      {step.groups.map((group) => {
        const inbrenger = inbrengerOf(step, group)
        const notulist = notulistOf(step, group)
        const count = notes.filter((note) => note.zoneId !== null && note.zoneId === group.zoneId).length
        return (
          <li key={group.id} className="present-group" data-testid="present-group">
            <h3>{groupSpaceTitle({ number: group.number, members: [] }, t('peopleGroups.word'))}</h3>
            <p className="present-group-members">
              {group.members.map((member) => member.name || '?').join(', ')}
            </p>
            {inbrenger && (
              <p className="present-group-role">{t('peopleGroups.inbrenger', { name: inbrenger.name })}</p>
            )}
            {notulist && (
              <p className="present-group-role">{t('peopleGroups.notulist', { name: notulist.name })}</p>
            )}
            <p className="present-group-count">{t('peopleGroups.noteCount', { count })}</p>
          </li>
        )
      })}
    </ol>
  )
}
