import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMUNITY_LIMITS } from '../../../shared/src/api/communityLimits'
import { type CommunityPage, updateCommunity } from '../api/communityApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { communityErrorKey } from './useCommunity'

interface AboutCommunityProps {
  page: CommunityPage
  communityKey: string
  onChanged: (page: CommunityPage) => void
}

/** The community's name (the page's heading) and description, with a form to change both. */
export function AboutCommunity({ page, communityKey, onChanged }: AboutCommunityProps) {
  const { t } = useTranslation()
  const descriptionId = useId()
  const editButton = useRef<HTMLButtonElement>(null)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(page.name)
  const [description, setDescription] = useState(page.description)
  const [error, setError] = useState<string | null>(null)
  const [nameError, setNameError] = useState<string | null>(null)

  // Focus goes back to "Aanpassen" once it is rendered again (a frame later was too early when the
  // save's answer re-rendered the page on a busy phone: focus fell to the page).
  const returnFocus = useRef(false)
  useEffect(() => {
    if (editing || !returnFocus.current) return
    returnFocus.current = false
    editButton.current?.focus()
  }, [editing])
  const close = () => {
    returnFocus.current = true
    setEditing(false)
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setNameError(name.trim() ? null : t('community.create.nameRequired'))
    if (!name.trim()) return
    try {
      onChanged(
        await updateCommunity(page.id, communityKey, { name: name.trim(), description: description.trim() }),
      )
      close()
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    }
  }

  return (
    <div className="community-about">
      <h1 data-testid="community-name">{page.name}</h1>
      {editing ? (
        <form onSubmit={submit} noValidate className="community-about-form">
          <TextField
            label={t('community.create.name')}
            value={name}
            onChange={setName}
            error={nameError}
            maxLength={COMMUNITY_LIMITS.name}
            autoFocus
            data-testid="community-edit-name"
          />
          <div className="field">
            <label htmlFor={descriptionId}>{t('community.create.description')}</label>
            <textarea
              id={descriptionId}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              maxLength={COMMUNITY_LIMITS.description}
              rows={4}
              data-testid="community-edit-description"
            />
          </div>
          <FormError message={error} />
          <div className="community-dialog-buttons">
            <button type="submit" className="button primary" data-testid="community-edit-save">
              {t('community.about.save')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setName(page.name)
                setDescription(page.description)
                close()
              }}
            >
              {t('community.about.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {page.description ? (
            <p className="community-description" data-testid="community-description">
              {page.description}
            </p>
          ) : (
            <p className="community-empty">{t('community.about.noDescription')}</p>
          )}
          <button
            ref={editButton}
            type="button"
            className="button secondary"
            onClick={() => {
              setName(page.name)
              setDescription(page.description)
              setEditing(true)
            }}
            data-testid="community-edit"
          >
            {t('community.about.edit')}
          </button>
        </>
      )}
    </div>
  )
}
