import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listFacilitatorIds, listParticipantsEverJoined } from '../../../../shared/src/model/session'
import { participantLink } from '../../api/joiningApi'
import { CopyableText } from '../../components/CopyableText'
import type { SessionView } from '../../session/sessionView'

/**
 * "Op een ander apparaat?": someone's phone died, or they switch to a laptop. Joining there with
 * the code would make a new person (the browser is another one), so the facilitator picks their
 * name and hands them a link that is the same participant: same dots, same notes. The facilitator
 * decides, so nobody can claim another person's name by typing it.
 */
export function NewDeviceLink({ view, removed }: { view: SessionView; removed: readonly string[] }) {
  const { t } = useTranslation()
  const id = useId()
  const [participantId, setParticipantId] = useState('')
  const [link, setLink] = useState<{ name: string; url: string } | null>(null)
  const [failed, setFailed] = useState(false)
  const facilitators = new Set(view.control ? listFacilitatorIds(view.control) : [])
  const people = (view.control ? listParticipantsEverJoined(view.control) : []).filter(
    (person) => person.name && !facilitators.has(person.id) && !removed.includes(person.id),
  )
  if (people.length === 0) return null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const person = people.find((p) => p.id === participantId)
    if (!person) return
    setFailed(false)
    try {
      setLink({
        name: person.name,
        url: await participantLink(view.boardId, view.token, person.id, person.name),
      })
    } catch {
      setFailed(true)
    }
  }

  return (
    <section className="new-device-link" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('newDevice.title')}</h3>
      <p className="session-muted">{t('newDevice.intro')}</p>
      <form onSubmit={submit} className="invite-form" noValidate>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('newDevice.who')}</label>
          <select
            id={`${id}-who`}
            value={participantId}
            onChange={(event) => {
              setParticipantId(event.target.value)
              setLink(null)
            }}
            data-testid="new-device-who"
          >
            <option value="">{t('newDevice.choose')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="button secondary"
          disabled={!participantId}
          data-testid="new-device-submit"
        >
          {t('newDevice.submit')}
        </button>
      </form>
      {failed && <p className="field-error">{t('session.actionFailed')}</p>}
      {link && (
        <CopyableText
          label={t('newDevice.link', { name: link.name })}
          help={t('newDevice.help')}
          value={link.url}
          testId="new-device-link"
        />
      )}
    </section>
  )
}
