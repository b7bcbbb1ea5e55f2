import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMUNITY_LIMITS } from '../../../shared/src/api/communityLimits'
import { createCommunity } from '../api/communityApi'
import { FormError } from '../components/FormError'
import { TextField } from '../components/TextField'
import { currentLanguage } from '../i18n'
import { communityPath, navigate } from '../routing'
import { listStoredCommunities, saveCommunity } from './communityStorage'
import { communityErrorKey } from './useCommunity'
import './i18n/index'
import './community.css'

/**
 * On the landing page: the communities this device holds a key for, and "Gemeenschap maken"
 * (name, description). A new community opens its page, which shows its link once.
 */
export function CommunityCard() {
  const { t } = useTranslation()
  const mine = listStoredCommunities().slice(0, 5)
  const [open, setOpen] = useState(false)
  return (
    <section className="card community-card" aria-labelledby="community-card-heading">
      <h2 id="community-card-heading">{t('community.card.title')}</h2>
      <p className="card-intro">{t('community.card.intro')}</p>
      {mine.length > 0 && (
        <ul className="community-mine" aria-label={t('community.card.mine')}>
          {mine.map((community) => (
            <li key={community.communityId}>
              <a href={communityPath(community.communityId)}>
                {community.name || t('community.card.untitled')}
              </a>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <CreateCommunityForm />
      ) : (
        <button
          type="button"
          className="button secondary"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          data-testid="community-create-open"
        >
          {t('community.create.open')}
        </button>
      )}
    </section>
  )
}

function CreateCommunityForm() {
  const { t } = useTranslation()
  const descriptionId = useId()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [nameError, setNameError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setNameError(name.trim() ? null : t('community.create.nameRequired'))
    if (!name.trim()) return
    setBusy(true)
    try {
      const created = await createCommunity({
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        language: currentLanguage(),
      })
      // The key first: it is the only way back in. The page shows the link once.
      saveCommunity(created.id, {
        key: created.facilitatorKey,
        name: name.trim(),
        lastOpened: Date.now(),
        linkPrompt: true,
      })
      navigate(communityPath(created.id))
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="community-create-form">
      <TextField
        label={t('community.create.name')}
        placeholder={t('community.create.namePlaceholder')}
        value={name}
        onChange={setName}
        error={nameError}
        maxLength={COMMUNITY_LIMITS.name}
        autoComplete="off"
        autoFocus
        data-testid="community-create-name"
      />
      <div className="field">
        <label htmlFor={descriptionId}>{t('community.create.description')}</label>
        <textarea
          id={descriptionId}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={COMMUNITY_LIMITS.description}
          rows={3}
          data-testid="community-create-description"
        />
      </div>
      <FormError message={error} />
      <button type="submit" className="button primary" disabled={busy} data-testid="community-create-submit">
        {busy ? t('community.create.making') : t('community.create.submit')}
      </button>
    </form>
  )
}
