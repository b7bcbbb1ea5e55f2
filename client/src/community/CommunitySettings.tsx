import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CommunityPage, rotateCommunityKey, updateCommunity } from '../api/communityApi'
import { CopyableText } from '../components/CopyableText'
import { FormError } from '../components/FormError'
import { communityLink, saveCommunity } from './communityStorage'
import { DeleteCommunity } from './DeleteCommunity'
import { communityErrorKey } from './useCommunity'

interface CommunitySettingsProps {
  page: CommunityPage
  communityKey: string
  onChanged: (page: CommunityPage) => void
  /** A new key: the page goes on with it. */
  onNewKey: () => void
}

/** "Leden mogen zoeken", a new key (the old link stops working) and deleting the community. */
export function CommunitySettings({ page, communityKey, onChanged, onNewKey }: CommunitySettingsProps) {
  const { t } = useTranslation()
  const searchHintId = useId()
  const [error, setError] = useState<string | null>(null)
  const [newLink, setNewLink] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const toggleSearch = async (membersMaySearch: boolean) => {
    setError(null)
    try {
      onChanged(await updateCommunity(page.id, communityKey, { membersMaySearch }))
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    }
  }

  const rotate = async () => {
    if (!window.confirm(t('community.settings.rotateConfirm'))) return
    setError(null)
    setBusy(true)
    try {
      const rotated = await rotateCommunityKey(page.id, communityKey)
      saveCommunity(page.id, { key: rotated.facilitatorKey })
      setNewLink(rotated.communityUrl || communityLink(location.origin, page.id, rotated.facilitatorKey))
      onNewKey()
    } catch (failed) {
      setError(t(communityErrorKey(failed)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <div className="community-setting">
        <input
          type="checkbox"
          id={`${searchHintId}-box`}
          checked={page.membersMaySearch}
          onChange={(event) => void toggleSearch(event.target.checked)}
          aria-describedby={searchHintId}
          data-testid="community-members-search"
        />
        <label htmlFor={`${searchHintId}-box`}>{t('community.settings.membersMaySearch')}</label>
        <p id={searchHintId} className="field-hint">
          {t('community.settings.membersMaySearchHint')}
        </p>
      </div>
      <div className="community-setting-block">
        <h3>{t('community.settings.keyTitle')}</h3>
        <p className="card-intro">{t('community.settings.keyIntro')}</p>
        <button
          type="button"
          className="button secondary"
          onClick={rotate}
          disabled={busy}
          data-testid="community-rotate"
        >
          {t('community.settings.rotate')}
        </button>
        {newLink && (
          <CopyableText label={t('community.settings.newLink')} value={newLink} testId="community-new-link" />
        )}
      </div>
      <FormError message={error} />
      <DeleteCommunity page={page} communityKey={communityKey} />
    </>
  )
}
