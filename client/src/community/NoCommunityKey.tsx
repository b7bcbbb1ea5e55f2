import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '../components/TextField'
import { keyFromPasted, saveCommunity } from './communityStorage'

/**
 * No key for this community on this device: ask for the community's link (or just its key), as a
 * co-facilitator got it by mail or chat.
 */
export function NoCommunityKey({
  communityId,
  refused,
  onKey,
}: {
  communityId: string
  refused: boolean
  onKey: () => void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const key = keyFromPasted(value)
    if (!key) {
      setError(t('community.noKey.invalid'))
      return
    }
    saveCommunity(communityId, { key })
    onKey()
  }

  return (
    <section className="card" aria-labelledby="community-no-key">
      <h1 id="community-no-key">{t('community.noKey.title')}</h1>
      <p className="card-intro">{refused ? t('community.errors.keyRefused') : t('community.noKey.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('community.noKey.label')}
          value={value}
          onChange={setValue}
          error={error}
          autoComplete="off"
          data-testid="community-key-input"
        />
        <button type="submit" className="button primary">
          {t('community.noKey.submit')}
        </button>
      </form>
    </section>
  )
}
